from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.domain.period import month, parse_month, parse_months


@pytest.mark.parametrize(
    ("year", "number", "zone", "hours"),
    [
        (2026, 10, "Europe/Paris", 745),  # the clocks go back on 25 October
        (2026, 3, "Europe/Paris", 743),  # and forward on 29 March
        (2026, 11, "America/Los_Angeles", 721),
        (2026, 3, "America/Los_Angeles", 743),
        (2026, 4, "Australia/Lord_Howe", 720.5),  # a 30-minute shift on 5 April
        (2028, 2, "UTC", 29 * 24),  # leap February
        (2026, 2, "UTC", 28 * 24),
    ],
)
def test_it_gives_the_real_length_of_a_local_month(year, number, zone, hours):
    assert month(year, number, zone).seconds == hours * 3600


def test_it_starts_at_local_midnight_expressed_in_utc():
    period = month(2026, 10, "America/Los_Angeles")
    assert period.start == datetime(2026, 10, 1, 7, tzinfo=UTC)
    assert period.end == datetime(2026, 11, 1, 7, tzinfo=UTC)
    assert period.label == "2026-10"


@given(
    st.integers(min_value=1990, max_value=2060),
    st.integers(min_value=1, max_value=12),
    st.sampled_from(["Europe/Paris", "America/Los_Angeles", "Australia/Lord_Howe", "UTC"]),
)
def test_consecutive_months_tile_time_without_gap_or_overlap(year, number, zone):
    this = month(year, number, zone)
    following = month(year + number // 12, number % 12 + 1, zone)
    assert this.end == following.start
    # Oracle: count local days by stepping local dates, each day's length from UTC.
    tz = ZoneInfo(zone)
    day = datetime(year, number, 1, tzinfo=tz)
    total = timedelta()
    while day.month == number:
        tomorrow = datetime.combine(day.date() + timedelta(days=1), day.time(), tz)
        total += tomorrow.astimezone(UTC) - day.astimezone(UTC)
        day = tomorrow
    assert timedelta(seconds=this.seconds) == total


def test_a_range_of_months_includes_both_ends_and_crosses_the_year():
    labels = [p.label for p in parse_months("2025-11..2026-02", "UTC")]
    assert labels == ["2025-11", "2025-12", "2026-01", "2026-02"]


@pytest.mark.parametrize("text", ["2026-13", "2026-1", "October", "2026-10-01", ""])
def test_it_refuses_a_month_that_is_not_yyyy_mm(text):
    with pytest.raises(ValueError, match="YYYY-MM"):
        parse_month(text, "UTC")


def test_it_refuses_a_range_that_runs_backwards():
    with pytest.raises(ValueError, match="backwards"):
        parse_months("2026-10..2026-05", "UTC")
