"""Lavi support deadlines (Los Angeles, Mon-Fri 06:00-18:00), worked out by hand."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from accord.domain.calendars import add_business_time, business_time_between, is_open, next_opening

from .calendar_examples import LAVI, utc

DEADLINES = [
    # start, business time to add, deadline
    ("2026-11-25T18:00Z", "1h", "2026-11-25T19:00Z"),  # Wed 10:00 PST -> 11:00
    ("2026-11-26T01:00Z", "1h", "2026-11-26T02:00Z"),  # Wed 17:00 -> 18:00 sharp, not Mon
    # Wed 17:30: 30 min on Wed, Thanksgiving and the day after closed, weekend: Mon 06:30.
    ("2026-11-26T01:30Z", "1h", "2026-11-30T14:30Z"),
    ("2026-11-26T04:00Z", "1h", "2026-11-30T15:00Z"),  # Wed 20:00 -> Mon 07:00
    ("2026-11-28T18:00Z", "0h", "2026-11-30T14:00Z"),  # Saturday, nothing to add: Mon 06:00
    ("2026-11-25T18:00Z", "0h", "2026-11-25T18:00Z"),  # open: the start itself
    # Mon 29 Jun 09:00 PDT + 36h: 9 + 12 + 12 on Mon-Wed, 3 on Thu: Thu 09:00 PDT.
    ("2026-06-29T16:00Z", "36h", "2026-07-02T16:00Z"),
    # Thu 2 Jul 12:00 PDT + 40h: 6 Thu, 12 Fri (4 July is a Saturday), 12 Mon, 10 Tue.
    ("2026-07-02T19:00Z", "40h", "2026-07-07T23:00Z"),
    # Fri 6 Mar 17:00 PST + 2h: 1h Fri, clocks spring forward on Sunday, Mon 07:00 PDT.
    ("2026-03-07T01:00Z", "2h", "2026-03-09T14:00Z"),
    # Fri 30 Oct 17:00 PDT + 2h: 1h Fri, clocks fall back on Sunday, Mon 07:00 PST.
    ("2026-10-31T00:00Z", "2h", "2026-11-02T15:00Z"),
    # Thu 31 Dec 17:00 PST + 3h: 1h Thu, New Year's Day closed, weekend, Mon 4 Jan 08:00.
    ("2027-01-01T01:00Z", "3h", "2027-01-04T16:00Z"),
    # Seconds count: Wed 10:00:00.5 PST + 90 minutes and 0.25 s.
    ("2026-11-25T18:00:00.500000Z", "5400.25s", "2026-11-25T19:30:00.750000Z"),
]


def _duration(text: str) -> timedelta:
    if text.endswith("h"):
        return timedelta(hours=float(text[:-1]))
    return timedelta(seconds=float(text[:-1]))


@pytest.mark.parametrize(("start", "add", "due"), DEADLINES)
def test_it_counts_only_open_hours_towards_a_deadline(start: str, add: str, due: str) -> None:
    assert add_business_time(LAVI, utc(start), _duration(add)) == utc(due)


@pytest.mark.parametrize(("start", "add", "due"), [d for d in DEADLINES if d[1] != "0h"])
def test_the_open_time_from_start_to_deadline_is_what_was_added(
    start: str, add: str, due: str
) -> None:
    assert business_time_between(LAVI, utc(start), utc(due)) == _duration(add)


def test_it_counts_two_open_days_in_thanksgiving_week() -> None:
    # Wed 25 Nov 00:00 PST to Tue 1 Dec 00:00 PST: only Wednesday and Monday are open.
    between = business_time_between(LAVI, utc("2026-11-25T08:00Z"), utc("2026-12-01T08:00Z"))
    assert between == timedelta(hours=24)


OPEN = [
    ("2026-11-25T14:00Z", True),  # Wed 06:00 PST, the first open instant
    ("2026-11-25T13:59:59Z", False),
    ("2026-11-26T01:59:59Z", True),  # Wed 17:59:59
    ("2026-11-26T02:00Z", False),  # Wed 18:00: closing time is closed
    ("2026-11-26T18:00Z", False),  # Thanksgiving (last Thursday) at 10:00
    ("2026-11-27T18:00Z", False),  # the day after, at 10:00
    ("2026-11-28T18:00Z", False),  # Saturday
    ("2026-11-30T14:00Z", True),  # Monday 06:00
]


@pytest.mark.parametrize(("at", "expected"), OPEN)
def test_it_skips_a_holiday_that_falls_on_a_business_day(at: str, expected: bool) -> None:
    assert is_open(LAVI, utc(at)) is expected


@pytest.mark.parametrize(
    ("at", "opening"),
    [
        ("2026-11-25T18:00Z", "2026-11-25T18:00Z"),  # open: itself
        ("2026-11-26T02:00Z", "2026-11-30T14:00Z"),  # Wed 18:00 -> Mon 06:00
        ("2026-03-07T18:00Z", "2026-03-09T13:00Z"),  # Sat -> Mon 06:00 PDT, after the change
        ("2029-11-29T02:00Z", "2029-12-03T14:00Z"),  # Wed 18:00 PST 2029: 29-30 Nov closed
    ],
)
def test_it_finds_the_next_opening(at: str, opening: str) -> None:
    assert next_opening(LAVI, utc(at)) == utc(opening)


def test_it_answers_in_utc_whatever_zone_the_question_uses() -> None:
    asked = utc("2026-11-26T04:00Z").astimezone(ZoneInfo("Asia/Tokyo"))
    due = add_business_time(LAVI, asked, timedelta(hours=1))
    assert due == utc("2026-11-30T15:00Z")
    assert due.utcoffset() == timedelta(0)
