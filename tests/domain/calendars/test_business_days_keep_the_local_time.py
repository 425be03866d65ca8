from __future__ import annotations

import pytest

from accord.domain.calendars import (
    BusinessCalendar,
    WeeklyHours,
    add_business_days,
    always_open,
)

from .calendar_examples import LAVI, interval, utc

LAVI_DAYS = [
    # start, business days, deadline (Los Angeles local times in the comments)
    ("2026-11-25T18:00Z", 1, "2026-11-30T18:00Z"),  # Wed 10:00 -> Mon 10:00 (Thanksgiving)
    ("2026-11-25T18:00Z", 5, "2026-12-04T18:00Z"),  # Wed 10:00 -> Fri 4 Dec 10:00
    ("2026-03-06T18:00Z", 1, "2026-03-09T17:00Z"),  # Fri 10:00 PST -> Mon 10:00 PDT
    ("2026-10-30T17:00Z", 1, "2026-11-02T18:00Z"),  # Fri 10:00 PDT -> Mon 10:00 PST
    ("2026-11-26T04:00Z", 1, "2026-12-01T14:00Z"),  # Wed 20:00: from Mon 06:00 to Tue 06:00
    ("2026-11-28T18:00Z", 0, "2026-11-30T14:00Z"),  # Saturday, zero days: Mon 06:00
    ("2026-12-31T18:00Z", 1, "2027-01-04T18:00Z"),  # Thu 10:00 -> Mon 10:00 (New Year)
]


@pytest.mark.parametrize(("start", "n", "due"), LAVI_DAYS)
def test_it_lands_on_the_same_local_time_n_business_dates_later(
    start: str, n: int, due: str
) -> None:
    assert add_business_days(LAVI, utc(start), n) == utc(due)


AROUND_THE_CLOCK = BusinessCalendar("always", "America/Los_Angeles", always_open())


def test_a_wall_time_that_does_not_exist_lands_where_the_clock_jumps() -> None:
    # Sat 7 Mar 02:30 PST; on Sunday 02:30 does not exist: 03:00 PDT, 10:00Z.
    assert add_business_days(AROUND_THE_CLOCK, utc("2026-03-07T10:30Z"), 1) == utc(
        "2026-03-08T10:00Z"
    )


def test_a_wall_time_that_occurs_twice_lands_on_its_first_occurrence() -> None:
    # Sat 31 Oct 01:30 PDT; on Sunday 01:30 occurs at 08:30Z (PDT) and 09:30Z (PST).
    assert add_business_days(AROUND_THE_CLOCK, utc("2026-10-31T08:30Z"), 1) == utc(
        "2026-11-01T08:30Z"
    )


def test_a_shorter_day_moves_the_deadline_to_the_next_opening() -> None:
    long_week = tuple((interval("06:00-18:00"),) for _ in range(4))
    short_friday = ((interval("06:00-12:00"),), (), ())
    cal = BusinessCalendar("short fridays", "UTC", WeeklyHours(days=long_week + short_friday))
    # Thu 3 Dec 15:00 + 1 business day: Friday 15:00 is closed, so Monday 06:00.
    assert add_business_days(cal, utc("2026-12-03T15:00Z"), 1) == utc("2026-12-07T06:00Z")


def test_it_refuses_a_negative_number_of_days() -> None:
    with pytest.raises(ValueError, match="negative"):
        add_business_days(LAVI, utc("2026-11-25T18:00Z"), -1)
