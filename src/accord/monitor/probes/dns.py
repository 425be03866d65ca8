"""DNS: up when the answer has the expected response code (and value, when one is given)."""

from __future__ import annotations

import dns.asyncquery
import dns.asyncresolver
import dns.exception
import dns.message
import dns.rcode
import dns.rdatatype

from accord.monitor.probes.result import ProbeResult, ProbeTarget, finish, remaining, started
from accord.monitor.probes.tcp import host_port


async def dns_probe(target: ProbeTarget, deadline: float) -> ProbeResult:
    at, t0 = started()
    timeout = min(target.timeout, remaining(deadline))
    query = dns.message.make_query(target.target, dns.rdatatype.from_text(target.record))
    server, port = _nameserver(target.nameserver)
    try:
        response = await dns.asyncquery.udp(query, server, timeout=timeout, port=port)
    except dns.exception.Timeout:
        return finish(at, t0, target, False, f"no answer within {target.timeout:g} s", False)
    except (OSError, dns.exception.DNSException) as error:
        return finish(at, t0, target, False, f"query failed: {error}", False)
    rcode = dns.rcode.to_text(response.rcode())
    if rcode != target.expect_rcode:
        return finish(at, t0, target, False, f"rcode {rcode}, expected {target.expect_rcode}")
    values = [rd.to_text() for rrset in response.answer for rd in rrset]
    if target.expect_answer is not None and target.expect_answer not in values:
        return finish(at, t0, target, False,
                      f"{rcode}, but {target.expect_answer!r} not among {values}")  # fmt: skip
    return finish(at, t0, target, True, f"{rcode}, {len(values)} answers")


def _nameserver(text: str | None) -> tuple[str, int]:
    if text is None:
        # The system's first resolver: what the service's users would ask.
        return str(dns.asyncresolver.get_default_resolver().nameservers[0]), 53
    return host_port(text, 53)
