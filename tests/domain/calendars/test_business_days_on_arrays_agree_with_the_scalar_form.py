"""The array form of add_business_days gives the scalar form's answer for every row,
including wall times that a clock change skips or repeats, and days whose hours differ."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.domain.calendars import (
    BusinessCalendar,
    Interval,
    WeeklyHours,
    add_business_days,
    add_business_days_many,
    same_hours,
)
from hypothesis_budget import examples

from .calendar_examples import LAVI, interval, utc

DAILY_PACIFIC = BusinessCalendar(
    "daily", "America/Los_Angeles", same_hours(range(7), interval("08:00-20:00"))
)
DAILY_GMT = BusinessCalendar("daily", "Etc/GMT", same_hours(range(7), interval("09:00-17:00")))
# 01:00-03:00 on Sundays meets both clock changes of Los Angeles; Saturdays are short.
NIGHT_SHIFT = BusinessCalendar(
    "night_shift",
    "America/Los_Angeles",
    WeeklyHours(days=((Interval(360, 1080),),) * 5 + ((Interval(600, 720),), (Interval(60, 180),))),
)
CALENDARS = [LAVI, DAILY_PACIFIC, DAILY_GMT, NIGHT_SHIFT]
AROUND = [utc(t) for t in ("2029-03-08T00:00Z", "2029-10-31T00:00Z", "2029-11-25T00:00Z",
                           "2029-12-22T00:00Z")]  # fmt: skip


def _seconds(at: datetime) -> int:
    return int(at.timestamp())


def _instant(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


@examples(1000)
@given(
    st.sampled_from(CALENDARS),
    st.lists(
        st.tuples(st.sampled_from(AROUND), st.integers(0, 8 * 86400), st.integers(0, 12)),
        max_size=30,
    ),
)
def test_each_row_is_the_scalar_answer(
    calendar: BusinessCalendar, rows: list[tuple[datetime, int, int]]
) -> None:
    starts = [_seconds(base) + offset for base, offset, _ in rows]
    days = [n for _, _, n in rows]
    found = add_business_days_many(calendar, np.array(starts, np.int64), np.array(days, np.int64))
    pairs = zip(starts, days, strict=True)
    expected = [_seconds(add_business_days(calendar, _instant(s), n)) for s, n in pairs]
    assert found.tolist() == expected


def test_a_wall_time_skipped_by_the_spring_change_lands_where_the_clock_jumps() -> None:
    # Sunday 4 March 2029 02:30 PST on the night shift, every day a business date: seven
    # on is Sunday 11 March, when 02:30 does not exist. The clock jumps to 03:00 PDT,
    # closing time, so the deadline is the next opening, Monday 06:00.
    start = utc("2029-03-04T02:30-08:00")
    found = add_business_days_many(NIGHT_SHIFT, [_seconds(start)], [7])
    assert _instant(int(found[0])) == utc("2029-03-12T06:00-07:00")
    assert _instant(int(found[0])) == add_business_days(NIGHT_SHIFT, start, 7)


def test_it_refuses_what_the_scalar_form_refuses_and_returns_nothing_for_nothing() -> None:
    with pytest.raises(ValueError, match="differ in shape"):
        add_business_days_many(LAVI, [0, 1], [1])
    with pytest.raises(ValueError, match="cannot be negative"):
        add_business_days_many(LAVI, [0], [-1])
    assert add_business_days_many(LAVI, np.array([], np.int64), np.array([], np.int64)).size == 0
