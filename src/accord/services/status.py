"""The status of a service as a status page shows it: now, and day by day for 90 days.

The use case behind the status page (`accord status export` and the page `accord serve`
shows). Downtime is the contract's own: each month of the contract is evaluated by the
availability engine, and its counted downtime is cut into the contract's local days.
Maintenance and excluded time are shown apart from downtime: a second of a day is down
when the contract counts it so (unexcused maintenance included), else maintenance when a
window or a maintenance outage covers it, else excluded when an outage of a cause the
contract excludes covers it, else up. Time before the contract month of the first evidence is
'no data', as is time after `now`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
from numpy.typing import NDArray

from accord.contracts.loader import LoadedContract
from accord.domain.availability import Objective, epoch_seconds, utc
from accord.domain.availability import evaluate as evaluate_availability
from accord.domain.availability import intervals as iv
from accord.domain.evidence import Evidence, MaintenanceWindow, Outage
from accord.domain.period import Period, month
from accord.services.terms import translate

__all__ = ["Day", "Incident", "ScopeStatus", "ServiceStatus", "service_status"]

DAYS = 90  # of history on a status page


@dataclass(frozen=True)
class Day:
    day: date  # the contract's local date
    seconds: int  # length of the local day (23, 24 or 25 hours)
    down: int  # seconds counted as downtime by the contract
    maintenance: int  # seconds of maintenance not counted as downtime
    excluded: int  # seconds of outages of an excluded cause, not counted
    no_data: int  # seconds before the scope's first evidence, or after `now`

    @property
    def up(self) -> int:
        return self.seconds - self.down - self.maintenance - self.excluded - self.no_data


@dataclass(frozen=True)
class ScopeStatus:
    scope: str | None  # the location, None for the whole service
    state: str  # now: 'operational', 'outage', 'maintenance'
    days: tuple[Day, ...]  # oldest first, ending with today
    achieved_percent: float | None  # up / (up + down) over the days; None without data


@dataclass(frozen=True)
class Incident:
    scope: str | None  # None: the whole service
    start: datetime  # UTC
    end: datetime  # UTC
    cause: str  # 'unplanned' or an evidence cause
    reported_at: datetime | None  # the customer's notice, when known
    ongoing: bool  # `now` falls inside it


@dataclass(frozen=True)
class ServiceStatus:
    contract: str  # contract id
    title: str
    provider: str
    zone: str  # the contract's zone: days and times are shown in it
    objective: str | None  # the availability objective drawn; None when there is none
    target_percent: float | None
    now: datetime  # UTC: the page is 'as of' this instant
    scopes: tuple[ScopeStatus, ...]
    incidents: tuple[Incident, ...]  # within the days shown, newest first
    maintenance: tuple[MaintenanceWindow, ...]  # ongoing or scheduled, soonest first
    past_maintenance: tuple[MaintenanceWindow, ...]  # within the days shown, newest first


def service_status(
    loaded: LoadedContract, evidence: Evidence, now: datetime, days: int = DAYS
) -> ServiceStatus:
    """The status page's view of one contract's service, as of `now`."""
    contract = loaded.contract
    zone = contract.zone
    local_days = _local_days(now, zone, days)
    first, last = local_days[0][0], local_days[-1][1]
    terms = translate(loaded, evidence, None)
    objective = next(
        (o for o in terms.availability if o.id not in terms.benchmarks),
        terms.availability[0] if terms.availability else None,
    )
    scopes: list[ScopeStatus] = []
    if objective is not None:
        down = _downtime(objective, evidence, _months(first, last, zone))
        since = _known_since(evidence, zone)
        for scope, spans in down.items():
            scopes.append(_scope(scope, spans, objective, evidence, local_days, since, now))
    return ServiceStatus(
        contract=contract.id,
        title=contract.title,
        provider=contract.provider,
        zone=zone,
        objective=objective.id if objective else None,
        target_percent=objective.target_percent if objective else None,
        now=now,
        scopes=tuple(scopes),
        incidents=_incidents(evidence.outages, first, now),
        maintenance=tuple(
            sorted((w for w in _windows(evidence) if w.end > now), key=lambda w: w.start)
        ),
        past_maintenance=tuple(
            sorted(
                (w for w in _windows(evidence) if first <= w.end <= now),
                key=lambda w: w.start,
                reverse=True,
            )
        ),
    )


def _local_days(now: datetime, zone: str, count: int) -> list[tuple[datetime, datetime, date]]:
    """The last `count` local days up to today, as UTC (start, end, date): local midnights,
    converted, so a day of a clock change has its 23 or 25 hours."""
    tz = ZoneInfo(zone)
    today = now.astimezone(tz).date()
    result = []
    for back in range(count - 1, -1, -1):
        d = today - timedelta(days=back)
        start = datetime(d.year, d.month, d.day, tzinfo=tz).astimezone(now.tzinfo)
        n = d + timedelta(days=1)
        end = datetime(n.year, n.month, n.day, tzinfo=tz).astimezone(now.tzinfo)
        result.append((start, end, d))
    return result


def _months(first: datetime, last: datetime, zone: str) -> list[Period]:
    """The contract's months that overlap [first, last)."""
    tz = ZoneInfo(zone)
    local = first.astimezone(tz)
    periods = [month(local.year, local.month, zone)]
    while periods[-1].end < last:
        y, m = int(periods[-1].label[:4]), int(periods[-1].label[5:])
        periods.append(month(y + m // 12, m % 12 + 1, zone))
    return periods


def _downtime(
    objective: Objective, evidence: Evidence, periods: Sequence[Period]
) -> dict[str | None, iv.Spans]:
    """Counted downtime per scope, over the months, as the contract judges each month."""
    found: dict[str | None, list[iv.Spans]] = {}
    for period in periods:
        for r in evaluate_availability(objective, evidence, period):
            found.setdefault(r.scope, []).append(_spans(r.downtime))
    return {scope: iv.union(*parts) for scope, parts in found.items()}


def _spans(pairs: Sequence[tuple[datetime, datetime]]) -> iv.Spans:
    return iv.spans(
        [epoch_seconds(a) for a, _ in pairs], [epoch_seconds(b) for _, b in pairs]
    )  # fmt: skip


def _windows(evidence: Evidence) -> list[MaintenanceWindow]:
    """Announced windows, and outages recorded as maintenance (never announced)."""
    return list(evidence.maintenance) + [
        MaintenanceWindow(o.start, o.end, o.scope, None)
        for o in evidence.outages
        if o.cause == "maintenance"
    ]


def _scope(
    scope: str | None,
    down: iv.Spans,
    objective: Objective,
    evidence: Evidence,
    local_days: list[tuple[datetime, datetime, date]],
    since: datetime | None,
    now: datetime,
) -> ScopeStatus:
    def mine(item_scope: str | None) -> bool:
        return scope is None or item_scope is None or item_scope == scope

    windows = [w for w in _windows(evidence) if mine(w.scope)]
    maintenance = iv.subtract(_spans([(w.start, w.end) for w in windows]), down)
    excused = [
        (o.start, o.end)
        for o in evidence.outages
        if mine(o.scope) and o.cause in objective.excluded_causes
    ]
    excluded = iv.subtract(iv.subtract(_spans(excused), down), maintenance)
    known = iv.spans([epoch_seconds(since or now)], [epoch_seconds(now)])
    starts = np.array([epoch_seconds(a) for a, _, _ in local_days], np.int64)
    ends = np.array([epoch_seconds(b) for _, b, _ in local_days], np.int64)

    def per_day(spans: iv.Spans) -> NDArray[np.int64]:
        return _within(iv.intersect(spans, known), starts, ends)

    down_s, maintenance_s, excluded_s = per_day(down), per_day(maintenance), per_day(excluded)
    seen = _within(known, starts, ends)
    days = tuple(
        Day(d, int(ends[i] - starts[i]), int(down_s[i]), int(maintenance_s[i]),
            int(excluded_s[i]), int(ends[i] - starts[i] - seen[i]))
        for i, (_, _, d) in enumerate(local_days)
    )  # fmt: skip
    up = sum(d.up for d in days)
    lost = sum(d.down for d in days)
    achieved = None if up + lost == 0 else 100 * up / (up + lost)
    return ScopeStatus(scope, _state(now, down, maintenance), days, achieved)


def _within(
    spans: iv.Spans, starts: NDArray[np.int64], ends: NDArray[np.int64]
) -> NDArray[np.int64]:
    """Seconds of `spans` inside each [starts[i], ends[i]), for every i at once: the
    covered time up to an instant, read at both ends of each range."""
    return _covered_until(spans, ends) - _covered_until(spans, starts)


def _covered_until(spans: iv.Spans, at: NDArray[np.int64]) -> NDArray[np.int64]:
    if not len(spans):
        return np.zeros(at.shape, np.int64)
    before = np.concatenate(([0], np.cumsum(spans.lengths)))  # covered by the first k spans
    k = np.searchsorted(spans.end, at, side="right")  # spans wholly before each instant
    inside = k < len(spans)
    partial = np.zeros(at.shape, np.int64)
    kk = k[inside]
    partial[inside] = np.clip(at[inside] - spans.start[kk], 0, spans.lengths[kk])
    return before[k] + partial


def _known_since(evidence: Evidence, zone: str) -> datetime | None:
    """The start of the contract month of the earliest evidence: a month is judged whole
    once anything of it is known (as its statement judges it), and nothing before it is."""
    instants = [o.start for o in evidence.outages] + [w.start for w in evidence.maintenance]
    instants += [t.opened_at for t in evidence.tickets]
    if len(evidence.samples):
        instants.append(utc(int(evidence.samples.at.min())))
    if not instants:
        return None
    local = min(instants).astimezone(ZoneInfo(zone))
    return month(local.year, local.month, zone).start


def _state(now: datetime, down: iv.Spans, maintenance: iv.Spans) -> str:
    at = iv.spans([epoch_seconds(now)], [epoch_seconds(now) + 1])
    if iv.intersect(at, down).total:
        return "outage"
    if iv.intersect(at, maintenance).total:
        return "maintenance"
    return "operational"


def _incidents(outages: Sequence[Outage], first: datetime, now: datetime) -> tuple[Incident, ...]:
    shown = [
        Incident(o.scope, o.start, o.end, o.cause, o.reported_at, o.start <= now < o.end)
        for o in outages
        if o.cause != "maintenance" and o.end > first and o.start <= now
    ]
    return tuple(sorted(shown, key=lambda i: i.start, reverse=True))
