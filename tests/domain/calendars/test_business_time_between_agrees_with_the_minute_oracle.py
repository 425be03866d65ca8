from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given

from accord.domain.calendars import business_time_between, is_open, open_periods
from hypothesis_budget import examples

from .calendar_oracle import oracle
from .calendar_strategies import WINDOW_MINUTES, Case, cases, minutes_in_window


def _at(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


@examples(2000)
@given(case=cases(), a=minutes_in_window, b=minutes_in_window)
def test_it_counts_the_open_minutes_the_oracle_counts(case: Case, a: int, b: int) -> None:
    start, end = case.minute(min(a, b)), case.minute(max(a, b))
    truth = oracle(case.cal, case.start, WINDOW_MINUTES)
    found = business_time_between(case.cal, _at(start), _at(end))
    assert found == timedelta(seconds=truth.open_seconds(start, end))


@examples(800)
@given(case=cases(), a=minutes_in_window, b=minutes_in_window)
def test_its_open_periods_are_sorted_disjoint_and_open_inside(case: Case, a: int, b: int) -> None:
    start, end = _at(case.minute(min(a, b))), _at(case.minute(max(a, b)))
    periods = open_periods(case.cal, start, end)
    for (_, e1), (s2, _) in zip(periods, periods[1:], strict=False):
        assert e1 < s2  # touching periods are merged into one
    for s, e in periods:
        assert start <= s < e <= end
        assert s.tzinfo == UTC and e.tzinfo == UTC
        assert is_open(case.cal, s)
        assert is_open(case.cal, e - timedelta(seconds=1))
    total = sum((e - s for s, e in periods), timedelta())
    assert total == business_time_between(case.cal, start, end)
