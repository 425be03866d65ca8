"""Open periods on the days clocks change, with the real transition instants.

Los Angeles: 2026-03-08T10:00Z 02:00 PST -> 03:00 PDT; 2026-11-01T09:00Z 02:00 PDT -> 01:00 PST.
Paris: 2026-03-29T01:00Z 02:00 CET -> 03:00 CEST; 2026-10-25T01:00Z 03:00 CEST -> 02:00 CET.
Lord Howe (30-minute shift): 2026-04-04T15:00Z 02:00 (+11) -> 01:30 (+10:30) on 5 April;
2026-10-03T15:30Z 02:00 (+10:30) -> 02:30 (+11) on 4 October.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from accord.domain.calendars import business_time_between, open_periods

from .calendar_examples import only_on, utc

TRANSITIONS = [
    # zone, instant of the change, UTC offset before, UTC offset after
    ("America/Los_Angeles", "2026-03-08T10:00Z", timedelta(hours=-8), timedelta(hours=-7)),
    ("America/Los_Angeles", "2026-11-01T09:00Z", timedelta(hours=-7), timedelta(hours=-8)),
    ("Europe/Paris", "2026-03-29T01:00Z", timedelta(hours=1), timedelta(hours=2)),
    ("Europe/Paris", "2026-10-25T01:00Z", timedelta(hours=2), timedelta(hours=1)),
    ("Australia/Lord_Howe", "2026-04-04T15:00Z", timedelta(hours=11), timedelta(hours=10.5)),
    ("Australia/Lord_Howe", "2026-10-03T15:30Z", timedelta(hours=10.5), timedelta(hours=11)),
]


@pytest.mark.parametrize(("zone", "instant", "before", "after"), TRANSITIONS)
def test_the_table_lists_the_real_transition_instants(
    zone: str, instant: str, before: timedelta, after: timedelta
) -> None:
    at = utc(instant)
    assert (at - timedelta(seconds=1)).astimezone(ZoneInfo(zone)).utcoffset() == before
    assert at.astimezone(ZoneInfo(zone)).utcoffset() == after


PERIODS = [
    # zone, local date, hours that day, the open periods in UTC
    ("America/Los_Angeles", "2026-03-08", "00:00-03:00", [("03-08T08:00", "03-08T10:00")]),
    ("America/Los_Angeles", "2026-03-08", "02:00-03:00", []),  # all in the gap
    ("America/Los_Angeles", "2026-03-08", "02:30-05:00", [("03-08T10:00", "03-08T12:00")]),
    ("America/Los_Angeles", "2026-03-08", "01:00-02:30", [("03-08T09:00", "03-08T10:00")]),
    ("America/Los_Angeles", "2026-11-01", "00:00-03:00", [("11-01T07:00", "11-01T11:00")]),
    ("America/Los_Angeles", "2026-11-01", "01:00-02:00", [("11-01T08:00", "11-01T10:00")]),
    (
        "America/Los_Angeles",
        "2026-11-01",
        "01:30-02:00",  # met twice: 01:30-02:00 PDT, then 01:30-02:00 PST
        [("11-01T08:30", "11-01T09:00"), ("11-01T09:30", "11-01T10:00")],
    ),
    (
        "America/Los_Angeles",
        "2026-11-01",
        "00:30-01:30",
        [("11-01T07:30", "11-01T08:30"), ("11-01T09:00", "11-01T09:30")],
    ),
    ("Europe/Paris", "2026-03-29", "00:00-03:00", [("03-28T23:00", "03-29T01:00")]),
    ("Europe/Paris", "2026-03-29", "02:15-02:45", []),
    ("Europe/Paris", "2026-03-29", "09:00-17:00", [("03-29T07:00", "03-29T15:00")]),
    ("Europe/Paris", "2026-10-25", "00:00-03:00", [("10-24T22:00", "10-25T02:00")]),
    (
        "Europe/Paris",
        "2026-10-25",
        "02:30-03:00",
        [("10-25T00:30", "10-25T01:00"), ("10-25T01:30", "10-25T02:00")],
    ),
    ("Europe/Paris", "2026-10-25", "00:00-24:00", [("10-24T22:00", "10-25T23:00")]),
    ("Australia/Lord_Howe", "2026-04-05", "00:00-03:00", [("04-04T13:00", "04-04T16:30")]),
    ("Australia/Lord_Howe", "2026-04-05", "01:30-02:00", [("04-04T14:30", "04-04T15:30")]),
    (
        "Australia/Lord_Howe",
        "2026-04-05",
        "01:45-02:00",
        [("04-04T14:45", "04-04T15:00"), ("04-04T15:15", "04-04T15:30")],
    ),
    ("Australia/Lord_Howe", "2026-10-04", "00:00-03:00", [("10-03T13:30", "10-03T16:00")]),
    ("Australia/Lord_Howe", "2026-10-04", "02:00-02:30", []),
    ("Australia/Lord_Howe", "2026-10-04", "02:10-04:00", [("10-03T15:30", "10-03T17:00")]),
]


@pytest.mark.parametrize(("zone", "day", "hours", "expected"), PERIODS)
def test_it_maps_each_local_day_to_the_utc_instants_its_wall_clock_shows(
    zone: str, day: str, hours: str, expected: list[tuple[str, str]]
) -> None:
    local = date.fromisoformat(day)
    cal = only_on(zone, local.weekday(), hours)
    around = datetime(local.year, local.month, local.day, tzinfo=UTC)
    found = open_periods(cal, around - timedelta(days=2), around + timedelta(days=2))
    year = local.year
    assert found == [(utc(f"{year}-{s}Z"), utc(f"{year}-{e}Z")) for s, e in expected]


LENGTHS = [
    # zone, local date, length of that local day
    ("America/Los_Angeles", "2026-03-08", timedelta(hours=23)),
    ("America/Los_Angeles", "2026-11-01", timedelta(hours=25)),
    ("America/Los_Angeles", "2026-11-02", timedelta(hours=24)),
    ("Europe/Paris", "2026-03-29", timedelta(hours=23)),
    ("Europe/Paris", "2026-10-25", timedelta(hours=25)),
    ("Australia/Lord_Howe", "2026-04-05", timedelta(hours=24, minutes=30)),
    ("Australia/Lord_Howe", "2026-10-04", timedelta(hours=23, minutes=30)),
    ("Asia/Kolkata", "2026-03-08", timedelta(hours=24)),
]


@pytest.mark.parametrize(("zone", "day", "length"), LENGTHS)
def test_a_day_open_around_the_clock_lasts_as_long_as_its_local_date(
    zone: str, day: str, length: timedelta
) -> None:
    local = date.fromisoformat(day)
    cal = only_on(zone, local.weekday(), "00:00-24:00")
    around = datetime(local.year, local.month, local.day, tzinfo=UTC)
    assert (
        business_time_between(cal, around - timedelta(days=2), around + timedelta(days=2)) == length
    )
