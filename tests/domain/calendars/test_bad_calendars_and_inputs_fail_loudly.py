from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np
import pytest

from accord.domain.calendars import (
    BusinessCalendar,
    FixedDate,
    Interval,
    NthWeekday,
    WeeklyHours,
    add_business_time,
    add_business_time_many,
    always_open,
    business_seconds_between_many,
    business_time_between,
    is_open,
    next_opening,
)

from .calendar_examples import LAVI, utc


@pytest.mark.parametrize(("start", "end"), [(0, 0), (600, 540), (-1, 60), (0, 1441)])
def test_an_interval_must_run_forward_within_a_day(start: int, end: int) -> None:
    with pytest.raises(ValueError):
        Interval(start, end)


def test_weekly_hours_need_seven_days() -> None:
    with pytest.raises(ValueError, match="7 days"):
        WeeklyHours(days=((Interval(0, 60),),) * 6)


def test_weekly_hours_refuse_overlapping_intervals() -> None:
    overlapping = (Interval(0, 120), Interval(60, 180))
    with pytest.raises(ValueError, match="disjoint"):
        WeeklyHours(days=(overlapping,) + ((),) * 6)


def test_a_calendar_needs_a_real_zone() -> None:
    with pytest.raises(ValueError, match="Mars/Olympus_Mons"):
        BusinessCalendar("x", "Mars/Olympus_Mons", always_open())


@pytest.mark.parametrize(
    "make",
    [
        lambda: FixedDate("x", 13, 1),
        lambda: FixedDate("x", 2, 30),
        lambda: NthWeekday("x", 11, 7, 1),
        lambda: NthWeekday("x", 11, 3, 0),
        lambda: NthWeekday("x", 11, 3, 6),
    ],
)
def test_holiday_rules_refuse_days_that_cannot_exist(make: object) -> None:
    with pytest.raises(ValueError):
        make()  # type: ignore[operator]


def test_it_refuses_a_naive_datetime() -> None:
    with pytest.raises(ValueError, match="naive"):
        is_open(LAVI, datetime(2026, 11, 25, 10))


def test_it_refuses_a_negative_duration() -> None:
    with pytest.raises(ValueError, match="negative"):
        add_business_time(LAVI, utc("2026-11-25T18:00Z"), timedelta(seconds=-1))


def test_it_refuses_an_end_before_the_start() -> None:
    with pytest.raises(ValueError, match="before"):
        business_time_between(LAVI, utc("2026-11-25T18:00Z"), utc("2026-11-25T17:00Z"))


def test_a_calendar_that_never_opens_says_so_instead_of_searching_for_ever() -> None:
    closed = BusinessCalendar("closed", "UTC", WeeklyHours(days=((),) * 7))
    with pytest.raises(ValueError, match="never open"):
        next_opening(closed, utc("2026-11-25T18:00Z"))
    with pytest.raises(ValueError, match="never open"):
        add_business_time_many(closed, np.array([0]), np.array([60]))


def test_the_array_form_refuses_mismatched_or_fractional_inputs() -> None:
    with pytest.raises(ValueError, match="shape"):
        add_business_time_many(LAVI, np.array([0, 1]), np.array([60]))
    with pytest.raises(ValueError, match="integers"):
        add_business_time_many(LAVI, np.array([0.5]), np.array([60]))
    with pytest.raises(ValueError, match="negative"):
        add_business_time_many(LAVI, np.array([0]), np.array([-60]))
    with pytest.raises(ValueError, match="before"):
        business_seconds_between_many(LAVI, np.array([60]), np.array([0]))


def test_the_array_form_returns_nothing_for_nothing() -> None:
    empty = np.array([], dtype=np.int64)
    assert add_business_time_many(LAVI, empty, empty).shape == (0,)
    assert business_seconds_between_many(LAVI, empty, empty).shape == (0,)
