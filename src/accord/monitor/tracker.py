"""From checks to state changes: when a monitor group goes confirmed down, and back up.

The tracker keeps each group's recent checks (every location of one objective on one
scope), asks `state.down_since` after each one, and reports a `Change` when the
confirmed state flips. Incidents and remediation start from these changes.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from accord.monitor.monitors import Monitor
from accord.monitor.probes import ProbeResult
from accord.monitor.samples import Checked, to_samples
from accord.monitor.state import down_since, lookback


@dataclass(frozen=True)
class Change:
    group: tuple[str, str]  # (monitor name, scope)
    down: bool  # True: went confirmed down; False: came back up
    since: datetime  # when the outage started (down), or when it ended (up)
    reason: str  # the reason of the check that decided it


@dataclass
class _Group:
    checks: deque[Checked] = field(default_factory=deque)
    down_since: datetime | None = None


class Tracker:
    def __init__(self) -> None:
        self.groups: dict[tuple[str, str], _Group] = {}

    def is_down(self, group: tuple[str, str]) -> bool:
        g = self.groups.get(group)
        return g is not None and g.down_since is not None

    def record(self, monitor: Monitor, result: ProbeResult, now: datetime) -> Change | None:
        """Take one check; return the change of confirmed state it causes, if any."""
        g = self.groups.setdefault(monitor.group, _Group())
        g.checks.append((monitor, result))
        horizon = now - lookback(monitor.rule) - timedelta(seconds=monitor.interval)
        while g.checks and g.checks[0][1].at < horizon:
            g.checks.popleft()
        if g.down_since is None and all(r.ok for _, r in g.checks):
            return None  # nothing failing and nothing open: no need to judge
        since = down_since(monitor.rule, to_samples(list(g.checks)), now)
        if since is not None and g.down_since is None:
            # An outage older than the window keeps the start seen when it was confirmed.
            g.down_since = since
            return Change(monitor.group, True, since, result.reason)
        if since is None and g.down_since is not None:
            g.down_since = None
            return Change(monitor.group, False, result.at, result.reason)
        return None
