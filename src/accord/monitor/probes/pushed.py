"""Probes of what the provider pushes: heartbeats and business metrics (S9).

A heartbeat is a URL the provider's own job calls when it runs; the probe finds it down
when the last call is older than `interval + grace`. A pushed metric (say, the share of
orders delayed over 30 minutes) is down when its latest value exceeds `at_most`, and
down as well when no value came within `interval + grace`: a silent job is a failing job.
Pushes are kept in a `PushBook`; the service fills it from the push routes (or the store).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from accord.monitor.probes.result import ProbeResult, ProbeTarget, finish, started


@dataclass
class PushBook:
    """The latest push of each heartbeat and metric name."""

    beats: dict[str, datetime] = field(default_factory=dict)  # name -> last call (UTC)
    values: dict[str, tuple[datetime, float]] = field(default_factory=dict)  # name -> latest

    def beat(self, name: str, at: datetime) -> None:
        if name not in self.beats or at > self.beats[name]:
            self.beats[name] = at

    def push(self, name: str, at: datetime, value: float) -> None:
        if name not in self.values or at >= self.values[name][0]:
            self.values[name] = (at, value)


class HeartbeatProbe:
    def __init__(self, book: PushBook) -> None:
        self.book = book

    async def __call__(self, target: ProbeTarget, deadline: float) -> ProbeResult:
        at, t0 = started()
        last = self.book.beats.get(target.target)
        late = _lateness(target, at, last)
        if late is not None:
            return finish(at, t0, target, False, late)
        return finish(at, t0, target, True, f"last call {(at - last).total_seconds():.0f} s ago")  # type: ignore[operator]


class MetricProbe:
    def __init__(self, book: PushBook) -> None:
        self.book = book

    async def __call__(self, target: ProbeTarget, deadline: float) -> ProbeResult:
        at, t0 = started()
        latest = self.book.values.get(target.target)
        late = _lateness(target, at, latest[0] if latest else None)
        if late is not None or latest is None:
            return finish(at, t0, target, False, late or "never pushed")
        value = latest[1]
        if target.at_most is not None and value > target.at_most:
            return finish(
                at, t0, target, False, f"{target.target} = {value:g} > {target.at_most:g}"
            )
        return finish(at, t0, target, True, f"{target.target} = {value:g}")


def _lateness(target: ProbeTarget, now: datetime, last: datetime | None) -> str | None:
    """Why the push is late, or None when it came within `interval + grace`."""
    if last is None:
        return "never pushed"
    age = (now - last).total_seconds()
    allowed = target.interval + target.grace
    if age > allowed:
        return f"last push {age:.0f} s ago, later than {allowed:g} s"
    return None
