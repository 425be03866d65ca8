"""TLS certificate expiry: down when the certificate ends within `min_days_left` days.

The handshake does not verify the chain, so an expired or self-signed certificate is
still read and judged by its dates (the point of this probe); chain trust is the HTTPS
probe's job.
"""

from __future__ import annotations

import asyncio
import ssl
from datetime import UTC

from cryptography import x509

from accord.monitor.probes.result import (
    ProbeResult,
    ProbeTarget,
    closed,
    finish,
    remaining,
    started,
)
from accord.monitor.probes.tcp import host_port


async def tls_probe(target: ProbeTarget, deadline: float) -> ProbeResult:
    at, t0 = started()
    host, port = host_port(target.target, 443)
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    try:
        _, writer = await asyncio.wait_for(
            asyncio.open_connection(host, port, ssl=context, server_hostname=host),
            min(target.timeout, remaining(deadline)),
        )
    except TimeoutError:
        return finish(at, t0, target, False, f"no handshake within {target.timeout:g} s", False)
    except (OSError, ssl.SSLError) as error:
        return finish(at, t0, target, False, f"handshake failed: {error}", False)
    ssl_object = writer.get_extra_info("ssl_object")
    der = ssl_object.getpeercert(binary_form=True) if ssl_object else None
    await closed(writer)
    if not der:
        return finish(at, t0, target, False, "no certificate presented")
    ends = x509.load_der_x509_certificate(der).not_valid_after_utc
    days_left = (ends - at.astimezone(UTC)).total_seconds() / 86_400
    if days_left < target.min_days_left:
        state = "expired" if days_left < 0 else f"expires in {days_left:.1f} days"
        return finish(at, t0, target, False,
                      f"certificate {state} ({ends:%Y-%m-%d %H:%M} UTC)")  # fmt: skip
    return finish(at, t0, target, True, f"certificate valid {days_left:.0f} more days")
