"""The one shape every probe shares: a target spec in, a result out.

A probe is an async callable `probe(target, deadline) -> ProbeResult`. `deadline` is an
instant of the event loop's clock (`loop.time()`) by which the probe must be done; the
runner (`accord.monitor.probes.run_probe`) enforces it as a hard timeout, so a probe only
uses it to size its own timeouts. A probe never raises for a failing service: it reports
it down, with the reason in words.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime

ProbeKind = str  # 'http', 'http_headers', 'http_keyword', 'tcp', 'dns', 'tls', 'icmp', ...


@dataclass(frozen=True)
class ProbeTarget:
    """What to probe and what counts as up; each kind reads the fields it needs."""

    kind: ProbeKind  # the probe to run
    target: str  # URL, host:port, host name, heartbeat or metric name
    timeout: float = 10.0  # seconds; a probe slower than this is down
    expect_status: tuple[int, ...] = ()  # HTTP: accepted codes; () accepts 200-399
    keyword: str | None = None  # HTTP: text the body must contain
    json_path: str | None = None  # HTTP: dotted path into a JSON body ('status.db')
    json_value: str | None = None  # HTTP: the value found there, as text
    max_latency_ms: float | None = None  # any kind: slower than this is down
    verify_tls: bool = True  # HTTPS: check the certificate chain
    record: str = "A"  # DNS: the record type asked for
    expect_answer: str | None = None  # DNS: a value the answer must contain
    expect_rcode: str = "NOERROR"  # DNS: the response code that means up
    nameserver: str | None = None  # DNS: 'ip' or 'ip:port'; None: the system's resolver
    min_days_left: float = 14.0  # TLS: a certificate closer than this to expiry is down
    grace: float = 0.0  # heartbeat and metric: seconds of lateness tolerated
    interval: float = 60.0  # heartbeat and metric: seconds between two expected pushes
    at_most: float | None = None  # metric: the pushed value must not exceed this


@dataclass(frozen=True)
class ProbeResult:
    """One check: when it started, what it found and how long it took."""

    at: datetime  # UTC wall-clock instant the check started (the sample's instant)
    ok: bool  # True when the service met every assertion of the target
    latency_ms: float | None  # time to the answer; None when there was none
    reason: str  # why it is down, or what was seen when up ('200 OK', '3 answers')


ProbeFn = Callable[[ProbeTarget, float], Awaitable[ProbeResult]]


def started() -> tuple[datetime, float]:
    """The wall-clock instant a check starts (UTC) and the loop clock to time it with."""
    return datetime.now(UTC), asyncio.get_running_loop().time()


def finish(
    at: datetime, t0: float, target: ProbeTarget, ok: bool, reason: str, answered: bool = True
) -> ProbeResult:
    """The result of a check begun at (`at`, `t0`), held to the target's latency bound."""
    latency = (asyncio.get_running_loop().time() - t0) * 1000.0 if answered else None
    bound = target.max_latency_ms
    if ok and latency is not None and bound is not None and latency > bound:
        return ProbeResult(at, False, latency, f"{reason}, but {latency:.0f} ms > {bound:g} ms")
    return ProbeResult(at, ok, latency, reason)


def remaining(deadline: float) -> float:
    """Seconds left before `deadline` (never negative)."""
    return max(deadline - asyncio.get_running_loop().time(), 0.0)


async def closed(writer: asyncio.StreamWriter) -> None:
    """Close a connection and wait for it (an abrupt peer is not the probe's failure)."""
    writer.close()
    with contextlib.suppress(OSError):
        await writer.wait_closed()
