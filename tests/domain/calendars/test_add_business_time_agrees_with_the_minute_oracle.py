from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from accord.domain.calendars import add_business_time, business_time_between
from hypothesis_budget import examples

from .calendar_oracle import oracle
from .calendar_strategies import WINDOW_MINUTES, Case, cases, minutes_in_window

durations = st.one_of(st.just(0), st.integers(1, 120), st.integers(1, 3 * 24 * 60))


@examples(2000)
@given(case=cases(), k=minutes_in_window, minutes=durations)
def test_it_reaches_the_deadline_the_oracle_reaches(case: Case, k: int, minutes: int) -> None:
    start = case.minute(k)
    truth = oracle(case.cal, case.start, WINDOW_MINUTES)
    expected = truth.add(start, 60 * minutes)
    at = datetime.fromtimestamp(start, UTC)
    due = add_business_time(case.cal, at, timedelta(minutes=minutes))
    assert due.tzinfo == UTC
    if expected is None:  # not enough open time left in the window
        assert due.timestamp() > case.end or (minutes == 0 and due.timestamp() >= case.end)
    else:
        assert due.timestamp() == expected


@examples(400)
@given(
    case=cases(),
    k=minutes_in_window,
    seconds=st.integers(1, 10**6),
    micros=st.integers(0, 10**6 - 1),
)
def test_the_business_time_up_to_its_deadline_is_the_duration(
    case: Case, k: int, seconds: int, micros: int
) -> None:
    start = datetime.fromtimestamp(case.minute(k), UTC) + timedelta(microseconds=micros)
    duration = timedelta(seconds=seconds, microseconds=micros)
    due = add_business_time(case.cal, start, duration)
    assert business_time_between(case.cal, start, due) == duration
    # ...and no earlier instant gets there: the last microsecond before it was open.
    assert business_time_between(case.cal, start, due - timedelta(microseconds=1)) < duration
