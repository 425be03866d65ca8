"""Deadlines on days the clock changes, scalar and array forms, worked out by hand.

The transition instants are listed in test_open_periods_follow_clock_changes.py.
"""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest

from accord.domain.calendars import (
    add_business_time,
    add_business_time_many,
    business_time_between,
    is_open,
    next_opening,
)

from .calendar_examples import SUNDAY, only_on, utc

DEADLINES = [
    # zone, Sunday hours, start, minutes to add, deadline
    # LA 8 Mar, open all day: 00:00 PST + 3h of real time is 04:00 PDT.
    ("America/Los_Angeles", "00:00-24:00", "2026-03-08T08:00Z", 180, "2026-03-08T11:00Z"),
    # LA 1 Nov, 01:30-02:00 met twice: 15 min in PDT, then 15 min in PST.
    ("America/Los_Angeles", "01:30-02:00", "2026-11-01T08:45Z", 30, "2026-11-01T09:45Z"),
    ("America/Los_Angeles", "01:30-02:00", "2026-11-01T08:00Z", 60, "2026-11-01T10:00Z"),
    # Paris 29 Mar, 02:30-04:00 opens at the jump (03:00 CEST, 01:00Z) and ends at 02:00Z.
    ("Europe/Paris", "02:30-04:00", "2026-03-29T00:30Z", 60, "2026-03-29T02:00Z"),
    # ...and one minute more waits for the next Sunday, 02:30 CEST (00:30Z) + 1 min.
    ("Europe/Paris", "02:30-04:00", "2026-03-29T00:30Z", 61, "2026-04-05T00:31Z"),
    # Lord Howe 5 Apr, 01:00-03:00 lasts 2.5 h: 01:00 (+11) is 14:00Z, 03:00 (+10:30) 16:30Z.
    ("Australia/Lord_Howe", "01:00-03:00", "2026-04-04T14:00Z", 120, "2026-04-04T16:00Z"),
    ("Australia/Lord_Howe", "01:00-03:00", "2026-04-04T14:00Z", 150, "2026-04-04T16:30Z"),
    # Lord Howe 4 Oct, 01:00-03:00 lasts 1.5 h: 14:30Z to 16:00Z, the clock skipping 02:00-02:30.
    ("Australia/Lord_Howe", "01:00-03:00", "2026-10-03T14:30Z", 60, "2026-10-03T15:30Z"),
    ("Australia/Lord_Howe", "01:00-03:00", "2026-10-03T14:30Z", 90, "2026-10-03T16:00Z"),
]


@pytest.mark.parametrize(("zone", "hours", "start", "minutes", "due"), DEADLINES)
def test_it_counts_real_open_time_across_a_clock_change(
    zone: str, hours: str, start: str, minutes: int, due: str
) -> None:
    cal = only_on(zone, SUNDAY, hours)
    assert add_business_time(cal, utc(start), timedelta(minutes=minutes)) == utc(due)
    assert business_time_between(cal, utc(start), utc(due)) == timedelta(minutes=minutes)


@pytest.mark.parametrize(("zone", "hours", "start", "minutes", "due"), DEADLINES)
def test_the_array_form_counts_the_same(
    zone: str, hours: str, start: str, minutes: int, due: str
) -> None:
    cal = only_on(zone, SUNDAY, hours)
    starts = np.array([int(utc(start).timestamp())])
    found = add_business_time_many(cal, starts, np.array([60 * minutes]))
    assert found.tolist() == [int(utc(due).timestamp())]


FOLD = only_on("America/Los_Angeles", SUNDAY, "01:30-02:00")


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        ("2026-11-01T08:29Z", False),  # 01:29 PDT
        ("2026-11-01T08:45Z", True),  # 01:45 PDT
        ("2026-11-01T09:15Z", False),  # 01:15 PST, after the clock went back
        ("2026-11-01T09:45Z", True),  # 01:45 PST, the second time round
        ("2026-11-01T10:00Z", False),  # 02:00 PST
    ],
)
def test_a_repeated_wall_time_is_open_both_times(at: str, expected: bool) -> None:
    assert is_open(FOLD, utc(at)) is expected


def test_the_next_opening_after_the_first_pass_is_the_second_pass() -> None:
    assert next_opening(FOLD, utc("2026-11-01T09:00Z")) == utc("2026-11-01T09:30Z")


def test_an_opening_inside_a_gap_is_the_instant_the_clock_jumps() -> None:
    cal = only_on("America/Los_Angeles", SUNDAY, "02:30-05:00")
    assert next_opening(cal, utc("2026-03-08T09:00Z")) == utc("2026-03-08T10:00Z")
    assert not is_open(cal, utc("2026-03-08T09:59:59Z"))
