"""Quarters and years are local calendar windows, checked against a brute-force oracle."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.domain.period import (
    month,
    months_after,
    parse_months,
    quarter,
    window_of,
    windows_over,
    year,
)
from hypothesis_budget import examples

ZONES = ("Europe/Paris", "America/Los_Angeles", "Australia/Lord_Howe", "Asia/Kolkata", "UTC")
_STEP = timedelta(minutes=15)  # every offset in use is a whole number of quarter hours


def _first_instant_of(day: datetime, zone: str) -> datetime:
    """Oracle: the first quarter hour of UTC whose local date is `day`'s date or later,
    found by walking the UTC clock across the whole day before."""
    tz = ZoneInfo(zone)
    t = datetime(day.year, day.month, day.day, tzinfo=UTC) - timedelta(hours=15)
    while t.astimezone(tz).date() < day.date():
        t += _STEP
    return t


def _first_month(kind: str, local: datetime) -> tuple[int, int]:
    if kind == "month":
        return local.year, local.month
    if kind == "quarter":
        return local.year, local.month - (local.month - 1) % 3
    return local.year, 1


@pytest.mark.parametrize(
    ("period", "hours"),
    [
        (quarter(2026, 4, "Europe/Paris"), 92 * 24 + 1),  # the autumn change is in October
        (quarter(2026, 1, "Europe/Paris"), 90 * 24 - 1),  # the spring one in March
        (quarter(2026, 2, "Europe/Paris"), 91 * 24),
        (quarter(2026, 2, "Australia/Lord_Howe"), 91 * 24 + 0.5),  # 30 minutes back in April
        (year(2026, "Europe/Paris"), 365 * 24),
        (year(2028, "UTC"), 366 * 24),
    ],
)
def test_it_gives_the_real_length_of_a_local_quarter_or_year(period, hours) -> None:
    assert period.seconds == hours * 3600


def test_periods_are_read_as_months_quarters_years_and_ranges() -> None:
    assert [p.label for p in parse_months("2026-Q4", "UTC")] == ["2026-Q4"]
    assert [p.label for p in parse_months("2026", "UTC")] == ["2026"]
    assert [p.label for p in parse_months("2026-Q4..2027-Q1", "UTC")] == ["2026-Q4", "2027-Q1"]
    assert parse_months("2026-Q4", "UTC")[0].kind == "quarter"


@pytest.mark.parametrize("text", ["2026-Q5", "2026-Q0", "26", "2026-10..2026-Q4", "2026-13"])
def test_a_period_that_is_no_window_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_months(text, "UTC")


def test_the_second_billing_month_after_november_ends_in_january() -> None:
    assert months_after(month(2026, 11, "UTC"), 2).label == "2027-01"
    assert months_after(quarter(2026, 4, "UTC"), 2).label == "2027-02"


@examples(1000)
@given(
    kind=st.sampled_from(("month", "quarter", "year")),
    zone=st.sampled_from(ZONES),
    at=st.datetimes(datetime(2020, 1, 1), datetime(2035, 1, 1), timezones=st.just(UTC)),
)
def test_a_window_starts_and_ends_where_the_oracle_walks_to(kind, zone, at) -> None:
    window = window_of(kind, at, zone)
    assert window.start <= at < window.end
    first_year, first_month = _first_month(kind, at.astimezone(ZoneInfo(zone)))
    start = datetime(first_year, first_month, 1)
    span = {"month": 1, "quarter": 3, "year": 12}[kind]
    after = first_month - 1 + span
    end = datetime(first_year + after // 12, after % 12 + 1, 1)
    assert window.start == _first_instant_of(start, zone)
    assert window.end == _first_instant_of(end, zone)
    months = windows_over("month", window)
    assert len(months) == span and months[0].start == window.start
    assert all(a.end == b.start for a, b in zip(months, months[1:], strict=False))
    assert months[-1].end == window.end
