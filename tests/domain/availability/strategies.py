"""Hypothesis strategies: small worlds of evidence and rules around clock changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
from hypothesis import strategies as st

from accord.domain.availability.evaluate import MeasurementRule, Objective
from accord.domain.availability.maintenance import MaintenanceRules
from accord.domain.calendars import BusinessCalendar, Interval, WeeklyHours
from accord.domain.evidence import CAUSES, Evidence, MaintenanceWindow, Outage
from accord.domain.period import Period, month

from .builders import Row, samples

# (zone, an instant a few hours before something interesting happens there)
BASES = (
    ("Europe/Paris", datetime(2026, 3, 28, 22, tzinfo=UTC)),  # spring forward 01:00Z on the 29th
    ("Europe/Paris", datetime(2026, 10, 24, 22, tzinfo=UTC)),  # fall back 01:00Z on the 25th
    ("America/Los_Angeles", datetime(2026, 11, 1, 5, tzinfo=UTC)),  # fall back 09:00Z
    ("UTC", datetime(2028, 2, 28, 20, tzinfo=UTC)),  # into the leap day
    ("UTC", datetime(2026, 7, 1, tzinfo=UTC)),
)
SCOPES = ("", "a", "b")
_BOUNDS = (0, 60, 90, 105, 120, 150, 180, 181, 1080, 1200, 1380, 1439, 1440)


@dataclass(frozen=True)
class World:
    objective: Objective
    evidence: Evidence
    period: Period
    low: int  # epoch seconds; every instant of the evidence lies in [low, high)
    high: int


@st.composite
def _hours(draw: st.DrawFn) -> tuple[Interval, ...]:
    bounds = sorted(draw(st.lists(st.sampled_from(_BOUNDS), max_size=4, unique=True)))
    bounds = bounds[: len(bounds) // 2 * 2]
    return tuple(Interval(a, b) for a, b in zip(bounds[::2], bounds[1::2], strict=True))


@st.composite
def _rules(draw: st.DrawFn, zone: str) -> MaintenanceRules:
    verdict = st.sampled_from(("downtime", "excluded"))
    allowed = None
    if draw(st.booleans()):
        week = WeeklyHours(tuple(draw(_hours()) for _ in range(7)))
        allowed = BusinessCalendar("maintenance", zone, week)
    return MaintenanceRules(
        allowed=allowed,
        notice=draw(st.none() | st.sampled_from((0, 600, 86_400))),
        monthly_cap=draw(st.none() | st.integers(0, 3 * 3600)),
        beyond_cap=draw(verdict),
        outside_windows=draw(verdict),
        without_notice=draw(verdict),
    )


@st.composite
def _vantage_point(draw: st.DrawFn, start: int, end: int, interval: int) -> list[Row]:
    scope = draw(st.sampled_from(SCOPES))
    location = draw(st.sampled_from(("", "paris", "oregon", "tokyo")))
    monitor = draw(st.sampled_from(("", "web", "other-objective")))
    t = start - draw(st.integers(0, 3 * interval))
    rows: list[Row] = []
    steps = (
        interval,
        interval,
        interval - 7,
        interval + 13,
        2 * interval,
        2 * interval + 1,
        3 * interval,
        0,
    )
    while t < end and len(rows) < 400:
        count = draw(st.integers(1, 40))
        ok = draw(st.booleans())
        step = draw(st.sampled_from(steps))
        for _ in range(count):
            rows.append((t, ok, scope, location, monitor))
            t += max(step, 0) or (0 if draw(st.booleans()) else interval)
    return rows


@st.composite
def _outage(draw: st.DrawFn, start: int, end: int) -> Outage:
    a = draw(st.integers(start - 3600, end))
    b = a + draw(st.integers(1, 3 * 3600))
    report = draw(st.none() | st.integers(a - 600, b + 600))
    return Outage(
        _utc(a),
        _utc(b),
        draw(st.sampled_from((None, "a", "b", "c"))),
        draw(st.sampled_from(CAUSES)),
        None if report is None else _utc(report),
    )


@st.composite
def _window(draw: st.DrawFn, start: int, end: int) -> MaintenanceWindow:
    a = draw(st.integers(start - 3600, end))
    b = a + draw(st.integers(1, 4 * 3600))
    announced = draw(
        st.none()
        | st.integers(a - 2 * 86_400, a + 60)
        | st.sampled_from((a - 86_400, a - 86_399, a - 600, a - 599, a, a + 1))
    )
    return MaintenanceWindow(
        _utc(a),
        _utc(b),
        draw(st.sampled_from((None, "a", "b"))),
        None if announced is None else _utc(announced),
    )


def _utc(second: int) -> datetime:
    return datetime.fromtimestamp(second, UTC)


@st.composite
def worlds(
    draw: st.DrawFn, max_hours: int = 6, rolled_up: bool = False, in_minutes: bool = False
) -> World:
    """`rolled_up`: a whole-service objective rolling up its covered scopes; `in_minutes`:
    downtime counted in whole minutes."""
    zone, base = draw(st.sampled_from(BASES))
    p0 = int(base.timestamp()) + 60 * draw(st.integers(0, 240))
    p1 = p0 + draw(st.integers(1, 3600 * max_hours))
    period = Period(_utc(p0), _utc(p1), zone, "test")
    interval = draw(st.sampled_from((60, 120, 300)))
    rows = [
        r
        for _ in range(draw(st.integers(0, 4)))
        for r in draw(_vantage_point(p0 - 2 * interval, p1 + interval, interval))
    ]
    if draw(st.booleans()):
        rows = draw(st.permutations(rows))
    outages = tuple(draw(st.lists(_outage(p0, p1), max_size=4)))
    windows = tuple(draw(st.lists(_window(p0, p1), max_size=3)))
    first_order = draw(st.none() | st.integers(p0 - 3600, p1))
    measured = draw(st.booleans())
    objective = Objective(
        id="web",
        target_percent=99.0,
        measurement=MeasurementRule(
            interval=interval,
            confirmations=draw(st.integers(1, 3)),
            minimum_outage=draw(st.sampled_from((0, 0, 90, interval, 5 * interval))),
            quorum=draw(st.integers(1, 3)),
            monitors=draw(st.sampled_from((None, frozenset({"", "web"})))),
        )
        if measured
        else None,
        maintenance=draw(st.none() | _rules(zone)),
        excluded_causes=frozenset(draw(st.sets(st.sampled_from(CAUSES[2:])))),
        downtime_from_notice=draw(st.booleans()),
        introductory=draw(st.none() | st.integers(0, 7200)),
        excluded_time=draw(st.sampled_from(("leaves_denominator", "counts_as_uptime"))),
        per_scope=False if rolled_up else draw(st.booleans()),
        covers=draw(st.sampled_from((None, None, ("a",), ("b", "c"), ("[ab]",), ("*",)))),
        rollup=draw(st.sampled_from((1, 2, "all") if rolled_up else (None, None, 1, 2, "all"))),
        minutes=draw(
            st.sampled_from(
                ("any_second", "whole_minute")
                if in_minutes
                else (None, None, "any_second", "whole_minute")
            )
        ),
    )
    evidence = Evidence(
        samples=samples(rows),
        outages=outages,
        maintenance=windows,
        first_order_at=None if first_order is None else _utc(first_order),
    )
    instants = [p0, p1] + [r[0] for r in rows]
    for event in (*outages, *windows):
        instants += [int(event.start.timestamp()), int(event.end.timestamp())]
    return World(objective, evidence, period, min(instants) - 10, max(instants) + 4 * interval + 10)


MONTHS = (
    month(2026, 10, "Europe/Paris"),  # 745 hours
    month(2026, 3, "Europe/Paris"),  # 743 hours
    month(2028, 2, "UTC"),  # a leap February
    month(2026, 11, "America/Los_Angeles"),
)


def _month_rows(seed: int, period: Period, interval: int, scope: str, location: str) -> list[Row]:
    """Samples over a whole month: failure streaks, skipped samples and silences."""
    rng = np.random.default_rng(seed)
    p0, p1 = int(period.start.timestamp()), int(period.end.timestamp())
    at = np.arange(p0 - 2 * interval, p1 + interval, interval)
    at = at + rng.integers(-7, 8, at.size) * (rng.random(at.size) < 0.1)
    keep = rng.random(at.size) > 0.01  # a skipped sample now and then
    for start in rng.integers(0, at.size, 3):  # some long silences
        keep[start : start + rng.integers(1, 50)] = False
    streaks = np.zeros(at.size, np.bool_)
    for start in rng.integers(0, at.size, 25):
        streaks[start : start + rng.integers(1, 12)] = True
    return [
        (int(t), not bad, scope, location, "")
        for t, bad, k in zip(at.tolist(), streaks.tolist(), keep.tolist(), strict=True)
        if k
    ]


@st.composite
def month_worlds(draw: st.DrawFn) -> World:
    """Whole months, with few samples (an interval of ten minutes) to keep the oracle quick."""
    period = draw(st.sampled_from(MONTHS))
    p0, p1 = int(period.start.timestamp()), int(period.end.timestamp())
    interval = 600
    rows: list[Row] = []
    for location in draw(
        st.lists(st.sampled_from(("paris", "oslo", "tokyo")), min_size=1, max_size=3, unique=True)
    ):
        rows += _month_rows(
            draw(st.integers(0, 2**32)),
            period,
            interval,
            draw(st.sampled_from(("", "a"))),
            location,
        )
    outages = tuple(draw(st.lists(_outage(p0, p1), max_size=6)))
    windows = tuple(draw(st.lists(_window(p0, p1), max_size=6)))
    objective = Objective(
        id="web",
        target_percent=99.0,
        measurement=MeasurementRule(
            interval=interval,
            confirmations=draw(st.integers(1, 2)),
            minimum_outage=draw(st.sampled_from((0, 1800))),
            quorum=draw(st.integers(1, 2)),
        ),
        maintenance=draw(_rules(period.zone)),
        excluded_causes=frozenset(draw(st.sets(st.sampled_from(CAUSES[2:])))),
        downtime_from_notice=draw(st.booleans()),
        excluded_time=draw(st.sampled_from(("leaves_denominator", "counts_as_uptime"))),
        per_scope=draw(st.booleans()),
    )
    instants = [p0, p1] + [r[0] for r in rows]
    for event in (*outages, *windows):
        instants += [int(event.start.timestamp()), int(event.end.timestamp())]
    evidence = Evidence(samples=samples(rows), outages=outages, maintenance=windows)
    return World(objective, evidence, period, min(instants) - 10, max(instants) + 3 * interval)
