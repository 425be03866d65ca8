"""Hypothesis strategies: random calendars over small windows around clock changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from hypothesis import strategies as st

from accord.domain.calendars import (
    BusinessCalendar,
    CountrySet,
    ExplicitDates,
    FixedDate,
    HolidayRule,
    Interval,
    NthWeekday,
    Relative,
    WeeklyHours,
)

WINDOW_MINUTES = 5 * 24 * 60  # five days: small enough for a minute-by-minute walk


def _utc(text: str) -> int:
    return int(datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp())


# Each window starts two days before a clock change (or a new year, or nothing at all).
WINDOWS: dict[str, tuple[int, ...]] = {
    "America/Los_Angeles": (
        _utc("2026-03-06T08:00"),  # spring forward 2026-03-08T10:00Z
        _utc("2026-10-30T07:00"),  # fall back 2026-11-01T09:00Z
        _utc("2026-12-29T08:00"),
    ),
    "Europe/Paris": (
        _utc("2026-03-27T00:00"),  # spring forward 2026-03-29T01:00Z
        _utc("2026-10-23T00:00"),  # fall back 2026-10-25T01:00Z
        _utc("2026-12-29T23:00"),
    ),
    "Australia/Lord_Howe": (
        _utc("2026-04-02T13:00"),  # fall back by 30 minutes 2026-04-04T15:00Z
        _utc("2026-10-01T13:30"),  # spring forward by 30 minutes 2026-10-03T15:30Z
        _utc("2026-12-29T13:00"),
    ),
    "UTC": (_utc("2026-12-29T00:00"), _utc("2028-02-26T00:00")),
    "Asia/Kolkata": (_utc("2026-12-29T18:30"), _utc("2026-06-01T00:00")),
}

# Bounds near the usual clock changes (01:00-03:00), midnight and 24:00 come up often.
_TRICKY = (0, 60, 90, 105, 120, 130, 150, 180, 1380, 1439, 1440)
_ODD = (1, 7, 59, 61, 119, 121, 179, 181, 599, 1001)
_BOUNDS = sorted(set(_TRICKY) | set(_ODD) | set(range(0, 1441, 15)))
_boundary = st.one_of(st.sampled_from(_TRICKY), st.sampled_from(_BOUNDS))


@st.composite
def day_hours(draw: st.DrawFn) -> tuple[Interval, ...]:
    bounds = sorted(draw(st.lists(_boundary, max_size=6, unique=True)))
    if len(bounds) % 2:
        bounds = bounds[:-1]
    return tuple(Interval(a, b) for a, b in zip(bounds[::2], bounds[1::2], strict=True))


@st.composite
def weekly_hours(draw: st.DrawFn) -> WeeklyHours:
    """Most days share one set of hours; some have another, some are closed."""
    choices: list[tuple[Interval, ...]] = [(), draw(day_hours()), draw(day_hours())]
    pattern = draw(st.lists(st.sampled_from([0, 1, 1, 2]), min_size=7, max_size=7))
    days = [choices[k] for k in pattern]
    if not any(days):  # a calendar that never opens is tested on its own
        days[draw(st.integers(0, 6))] = (Interval(0, 1440),)
    return WeeklyHours(days=tuple(days))


def _nth_of(day: date) -> int:
    """The n of `day` as an n-th weekday of its month (1..5)."""
    return (day.day - 1) // 7 + 1


@st.composite
def holiday_rules(draw: st.DrawFn, days: list[date]) -> tuple[HolidayRule, ...]:
    """Rules that mostly hit the window's dates, so that they matter."""
    rules: list[HolidayRule] = []
    for k in range(draw(st.integers(0, 3))):
        name = f"H{k}"
        day = draw(st.sampled_from(days))
        kind = draw(st.sampled_from(["fixed", "nth", "last", "relative", "explicit"]))
        if kind == "fixed":
            rules.append(FixedDate(name, day.month, day.day))
        elif kind == "nth":
            rules.append(NthWeekday(name, day.month, day.weekday(), _nth_of(day)))
        elif kind == "last":
            rules.append(NthWeekday(name, day.month, day.weekday(), -1))
        elif kind == "relative" and rules:
            base = draw(st.sampled_from(rules))
            if not isinstance(base, CountrySet):
                rules.append(Relative(name, base.name, draw(st.integers(-3, 3))))
        else:
            rules.append(ExplicitDates(name, tuple(draw(st.sets(st.sampled_from(days))))))
    if draw(st.integers(0, 9)) == 0:
        rules.append(CountrySet(draw(st.sampled_from(["US", "FR", "AU", "IN"])), None))
    return tuple(rules)


@dataclass(frozen=True)
class Case:
    """A random calendar and the window of minutes the oracle walks."""

    cal: BusinessCalendar  # the calendar under test
    start: int  # first minute of the window, UTC seconds

    @property
    def end(self) -> int:
        return self.start + 60 * WINDOW_MINUTES

    def minute(self, k: int) -> int:
        return self.start + 60 * k


@st.composite
def cases(draw: st.DrawFn) -> Case:
    zone = draw(st.sampled_from(sorted(WINDOWS)))
    start = draw(st.sampled_from(WINDOWS[zone]))
    first = datetime.fromtimestamp(start, UTC).date() - timedelta(days=1)
    days = [first + timedelta(days=k) for k in range(8)]
    cal = BusinessCalendar(
        name="random", zone=zone, week=draw(weekly_hours()), holidays=draw(holiday_rules(days))
    )
    return Case(cal=cal, start=start)


minutes_in_window = st.integers(0, WINDOW_MINUTES)
