"""Probes: one small shape (`ProbeTarget` in, `ProbeResult` out), one module per kind.

- `result`: the shared shape, `ProbeTarget` and `ProbeResult`, and the helpers every probe
  uses to time itself;
- `http`: HTTP(S) status, headers only, keyword, JSON value; `http_client`, the small
  HTTP/1.1 client under it (kept-alive connections, no redirects);
- `tcp`: a TCP connection opens; `dns`: answer and rcode (dnspython);
- `tls`: days until the certificate expires (cryptography);
- `icmp`: an echo, by unprivileged ping socket or the `ping` binary;
- `pushed`: heartbeats and business metrics the provider pushes (`PushBook`).

`Probes` holds one of each kind and `run` enforces the deadline as a hard timeout: a
probe that overruns is cancelled and reported down.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from accord.monitor.probes.dns import dns_probe
from accord.monitor.probes.http import HttpProbe
from accord.monitor.probes.icmp import icmp_probe, ping_socket_allowed
from accord.monitor.probes.pushed import HeartbeatProbe, MetricProbe, PushBook
from accord.monitor.probes.result import ProbeFn, ProbeResult, ProbeTarget
from accord.monitor.probes.tcp import tcp_probe
from accord.monitor.probes.tls import tls_probe

__all__ = [
    "KINDS",
    "ProbeFn",
    "ProbeResult",
    "Probes",
    "PushBook",
    "ProbeTarget",
    "ping_socket_allowed",
]

KINDS = (
    "http", "http_headers", "http_keyword", "tcp", "dns", "tls", "icmp", "heartbeat", "metric",
)  # fmt: skip


class Probes:
    """One probe of each kind, sharing their clients, with a hard deadline on each check."""

    def __init__(self, book: PushBook | None = None, max_connections: int = 100) -> None:
        self.book = book or PushBook()
        self.http = HttpProbe(max_connections)
        http: ProbeFn = self.http
        self.by_kind: dict[str, ProbeFn] = {
            "http": http, "http_headers": http, "http_keyword": http,
            "tcp": tcp_probe, "dns": dns_probe, "tls": tls_probe, "icmp": icmp_probe,
            "heartbeat": HeartbeatProbe(self.book), "metric": MetricProbe(self.book),
        }  # fmt: skip

    async def aclose(self) -> None:
        await self.http.aclose()

    async def run(self, target: ProbeTarget, deadline: float) -> ProbeResult:
        """Check `target`, giving up at `deadline` (loop time): then it is down."""
        at = datetime.now(UTC)
        probe = self.by_kind.get(target.kind)
        if probe is None:
            return ProbeResult(at, False, None, f"unknown probe kind {target.kind!r}")
        left = deadline - asyncio.get_running_loop().time()
        try:
            return await asyncio.wait_for(probe(target, deadline), max(left, 0.0))
        except TimeoutError:
            return ProbeResult(at, False, None, f"cancelled at its deadline ({left:.3g} s)")
        except (OSError, ValueError) as error:
            return ProbeResult(at, False, None, f"{type(error).__name__}: {error}")
