"""The availability rules written the slow, obvious way: one mark per second.

Everything is a boolean array over the seconds [horizon_start, horizon_end) of one scope,
filled by looping over the evidence; no interval arithmetic is shared with the code under
test. Allowed maintenance windows come from `is_open`, asked once per minute (the windows
are whole local minutes and clocks change on whole minutes).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from fnmatch import fnmatchcase

import numpy as np
import pytest
from numpy.typing import NDArray

from accord.domain.availability.evaluate import AvailabilityResult, Objective, evaluate
from accord.domain.calendars import is_open
from accord.domain.evidence import CAUSES, Evidence, Outage
from accord.domain.period import Period

from .strategies import World

Marks = NDArray[np.bool_]
REASONS = ("", "maintenance", *CAUSES[2:], "introductory_period", "before_notice")


@dataclass(frozen=True)
class Expected:
    downtime: int
    excluded: dict[str, int]  # reasons with time only
    no_data: int
    achieved: float | None
    downtime_marks: Marks  # per second of the period
    heard: bool = True  # some sample watches the scope or some record touches the month


def _sec(at: datetime) -> int:
    return int(at.timestamp() // 1)


def _utc(second: int) -> datetime:
    return datetime.fromtimestamp(second, UTC)


class Line:
    """Per-second marks for one scope over a horizon holding all the evidence."""

    def __init__(self, low: int, high: int) -> None:
        self.low = low
        self.size = high - low

    def marks(self) -> Marks:
        return np.zeros(self.size, np.bool_)

    def mark(self, marks: Marks, start: int, end: int, value: bool = True) -> None:
        lo, hi = max(start - self.low, 0), min(end - self.low, self.size)
        if lo < hi:
            marks[lo:hi] = value


def _concerns(scope_of_evidence: str | None, scope: str | None, per_scope: bool) -> bool:
    """Whole-service evidence concerns every line; a scope's, its own line alone."""
    return not scope_of_evidence or scope_of_evidence == scope


def covered_names(obj: Objective, ev: Evidence) -> list[str]:
    """The scopes the evidence names that the objective's patterns cover, sorted."""
    named = {ev.samples.scopes[c] for c in ev.samples.scope.tolist()}
    named |= {o.scope or "" for o in ev.outages} | {w.scope or "" for w in ev.maintenance}
    if ev.fees is not None:
        named |= set(ev.fees.by_scope)
    return sorted(
        n for n in named if n and (obj.covers is None or any(fnmatchcase(n, p) for p in obj.covers))
    )


def _rolled_up(
    obj: Objective, ev: Evidence, period: Period, low: int, high: int
) -> tuple[Marks, bool]:
    """Seconds of [low, high) at which at least k covered scopes are down, each judged
    alone, and whether any covered scope was heard in the month."""
    names = covered_names(obj, ev)
    k = len(names) if obj.rollup == "all" else obj.rollup
    each = replace(obj, per_scope=True, rollup=None)
    count = np.zeros(high - low, np.int64)
    p0 = _sec(period.start)
    heard = False
    for name in names:
        found = expected(each, ev, period, name, low, high)
        count[p0 - low : p0 - low + found.downtime_marks.size] += found.downtime_marks
        heard = heard or found.heard
    assert k is not None
    return ((count >= k) if names else np.zeros(high - low, np.bool_)), heard


def _vantage_marks(
    obj: Objective, ev: Evidence, scope: str | None, line: Line
) -> tuple[list[Marks], list[Marks]]:
    m = obj.measurement
    assert m is not None
    s = ev.samples
    series: dict[tuple[int, int, int], list[tuple[int, bool]]] = {}
    for i in range(len(s)):
        monitor = s.monitors[s.monitor[i]]
        if m.monitors is not None and monitor not in m.monitors:
            continue
        if not _concerns(s.scopes[s.scope[i]], scope, obj.per_scope):
            continue
        key = (int(s.scope[i]), int(s.location[i]), int(s.monitor[i]))
        series.setdefault(key, []).append((int(s.at[i]), bool(s.ok[i])))
    data_all, down_all = [], []
    for points in series.values():
        points.sort(key=lambda p: p[0])  # stable: equal times keep their order
        data, down = line.marks(), line.marks()
        holds = []
        for i, (t, _) in enumerate(points):
            nxt = points[i + 1][0] if i + 1 < len(points) else None
            close = nxt is not None and nxt - t <= m.tolerance * m.interval
            holds.append((t, nxt if close and nxt is not None else t + m.interval))
        run: list[int] = []
        for i in range(len(points) + 1):
            failing = i < len(points) and not points[i][1]
            if failing:
                run.append(i)
                continue
            if len(run) >= m.confirmations:
                for j in run:
                    line.mark(down, *holds[j])
            run = []
        for t, end in holds:
            line.mark(data, t, end)
        data_all.append(data)
        down_all.append(down)
    return data_all, down_all


def _runs(marks: Marks) -> list[tuple[int, int]]:
    """Maximal stretches of marked seconds, as (first, after last)."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], marks.astype(np.int8), [0]))))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True))


def _allowed(obj: Objective, line: Line, p0: int, p1: int) -> Marks:
    rules = obj.maintenance
    allowed = line.marks()
    assert rules is not None
    if rules.allowed is None:
        line.mark(allowed, p0, p1)
        return allowed
    for minute in range(p0 - p0 % 60, p1, 60):
        if is_open(rules.allowed, datetime.fromtimestamp(minute, UTC)):
            line.mark(allowed, minute, minute + 60)
    return allowed


def _maintenance(
    obj: Objective, ev: Evidence, scope: str | None, line: Line, p0: int, p1: int
) -> tuple[Marks, Marks]:
    """(all maintenance, excused maintenance) within the period."""
    windows = [(w.start, w.end, w.announced_at, w.scope) for w in ev.maintenance]
    windows += [(o.start, o.end, None, o.scope) for o in ev.outages if o.cause == "maintenance"]
    every, eligible = line.marks(), line.marks()
    rules = obj.maintenance
    allowed = _allowed(obj, line, p0, p1) if rules is not None else None
    for start, end, announced, where in windows:
        if not _concerns(where, scope, obj.per_scope):
            continue
        line.mark(every, _sec(start), _sec(end))
        if rules is None:
            continue
        noticed = rules.notice is None or (
            announced is not None and _sec(start) - _sec(announced) >= rules.notice
        )
        if not noticed and rules.without_notice == "downtime":
            continue
        mine = line.marks()
        line.mark(mine, _sec(start), _sec(end))
        if rules.outside_windows == "downtime":
            assert allowed is not None
            mine &= allowed
        eligible |= mine
    period = line.marks()
    line.mark(period, p0, p1)
    every &= period
    eligible &= period
    if rules is not None and rules.monthly_cap is not None and rules.beyond_cap == "downtime":
        for used, i in enumerate(np.flatnonzero(eligible)):
            if used >= rules.monthly_cap:  # seconds already excused, in time order
                eligible[i] = False
    return every, eligible


def expected(
    obj: Objective, ev: Evidence, period: Period, scope: str | None, low: int, high: int
) -> Expected:
    """The oracle's figures for one scope; [low, high) holds every instant of the evidence."""
    line = Line(low, high)
    p0, p1 = _sec(period.start), _sec(period.end)
    in_period = line.marks()
    line.mark(in_period, p0, p1)
    measured, sample_down = line.marks(), line.marks()
    watched = False
    if obj.measurement is not None and len(ev.samples):
        data, down = _vantage_marks(obj, ev, scope, line)
        watched = bool(data)
        q = obj.measurement.quorum
        measured = np.sum(data, axis=0) >= q if data else measured
        sample_down = np.sum(down, axis=0) >= q if down else sample_down
    outages = [
        o
        for o in ev.outages
        if o.cause != "maintenance" and _concerns(o.scope, scope, obj.per_scope)
    ]
    by_cause = {c: line.marks() for c in CAUSES}
    for o in outages:
        line.mark(by_cause[o.cause], _sec(o.start), _sec(o.end))
    scopes_heard = False
    if scope is None and obj.rollup is not None:
        rolled, scopes_heard = _rolled_up(obj, ev, period, low, high)
        by_cause["unplanned"] |= rolled
        outages = outages + [Outage(_utc(a + low), _utc(b + low)) for a, b in _runs(rolled)]
    maintenance, excused = _maintenance(obj, ev, scope, line, p0, p1)
    recorded = bool(np.any(in_period & (maintenance | np.any(list(by_cause.values()), axis=0))))
    if not watched and (recorded or scopes_heard or obj.without_evidence == "up"):
        measured = in_period.copy()  # judged by the records alone: every other second up

    # The reason each second is excluded for, as an index into REASONS (0: not excluded).
    reason = np.zeros(line.size, np.int8)
    reason[excused] = REASONS.index("maintenance")
    for cause in CAUSES:
        if cause in obj.excluded_causes:
            reason[(reason == 0) & by_cause[cause] & in_period] = REASONS.index(cause)
    if obj.introductory is not None and ev.first_order_at is not None:
        intro = line.marks()
        begin = _sec(ev.first_order_at)
        line.mark(intro, begin, begin + obj.introductory)
        reason[(reason == 0) & intro & in_period] = REASONS.index("introductory_period")
    free = reason == 0
    any_outage = np.any([by_cause[c] for c in CAUSES], axis=0)
    no_data = in_period & free & ~measured & ~any_outage & ~maintenance
    counted = np.any(
        [by_cause[c] for c in CAUSES if c not in obj.excluded_causes] + [line.marks()], axis=0
    )
    episodes = sample_down | counted  # an outage, whatever its source, is judged whole
    minimum = obj.measurement.minimum_outage if obj.measurement is not None else 0
    for a, b in _runs(episodes):
        if b - a < minimum:
            episodes[a:b] = False
    down = in_period & free & (episodes | maintenance)
    if obj.downtime_from_notice:
        _before_notice(obj, down, reason, outages, line)
    if obj.minutes is not None:
        _in_minutes(obj, down, no_data, in_period & (reason == 0), line)
    counts = np.bincount(reason, minlength=len(REASONS))
    excluded = {REASONS[i]: int(counts[i]) for i in range(1, len(REASONS)) if counts[i]}
    nd, dt = int(no_data.sum()), int(down.sum())
    judged = (
        (p1 - p0)
        - nd
        - (sum(excluded.values()) if obj.excluded_time == "leaves_denominator" else 0)
    )
    achieved = 100.0 * (judged - dt) / judged if judged > 0 else None
    heard = watched or recorded
    return Expected(dt, excluded, nd, achieved, down[p0 - low : p1 - low].copy(), heard)


def _in_minutes(obj: Objective, down: Marks, no_data: Marks, free: Marks, line: Line) -> None:
    """Each clock minute down by the objective's rule, in place; excluded seconds stay."""
    first = line.low - line.low % 60
    for minute in range(first, line.low + line.size, 60):
        lo, hi = max(minute - line.low, 0), min(minute + 60 - line.low, line.size)
        whole = hi - lo == 60 and bool(down[lo:hi].all())
        is_down = bool(down[lo:hi].any()) if obj.minutes == "any_second" else whole
        down[lo:hi] = is_down & free[lo:hi]
    no_data &= ~down


def _before_notice(
    obj: Objective, down: Marks, reason: NDArray[np.int8], outages: list[Outage], line: Line
) -> None:
    counted = [o for o in outages if o.cause not in obj.excluded_causes]
    for a, b in _runs(down):
        reports = []
        for o in counted:
            s, e = _sec(o.start) - line.low, _sec(o.end) - line.low
            # a record that gives no report moves no notice: the earliest known counts
            if s < b and e > a and o.reported_at is not None:
                reports.append(_sec(o.reported_at) - line.low)
        if not reports:
            continue
        notice = min(max(min(reports), a), b)
        down[a:notice] = False
        reason[a:notice] = REASONS.index("before_notice")


def _marks_of(result: AvailabilityResult, period: Period) -> Marks:
    p0 = _sec(period.start)
    marks = np.zeros(period.seconds, np.bool_)
    for start, end in result.downtime:
        marks[_sec(start) - p0 : _sec(end) - p0] = True
    return marks


def assert_agrees(world: World) -> None:
    """The evaluation of `world` gives, scope by scope, the oracle's figures."""
    results = evaluate(world.objective, world.evidence, world.period)
    assert results
    if world.objective.per_scope:
        names = covered_names(world.objective, world.evidence)
        assert [r.scope for r in results] == (names or [None])
    for result in results:
        want = expected(
            world.objective, world.evidence, world.period, result.scope, world.low, world.high
        )
        assert result.downtime_seconds == want.downtime
        assert dict(result.excluded_seconds) == want.excluded
        assert result.no_data_seconds == want.no_data
        if want.achieved is None:
            assert result.achieved_percent is None
        else:
            assert result.achieved_percent == pytest.approx(want.achieved, abs=1e-9)
        assert (_marks_of(result, world.period) == want.downtime_marks).all()
        assert all(s.tzinfo is UTC and s < e for s, e in result.downtime)
        assert result.period_seconds == world.period.seconds
