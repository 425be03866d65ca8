from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from accord.domain.calendars import (
    add_business_time,
    add_business_time_many,
    business_seconds_between_many,
    business_time_between,
)
from hypothesis_budget import examples

from .calendar_oracle import oracle
from .calendar_strategies import WINDOW_MINUTES, Case, cases, minutes_in_window

pairs = st.lists(
    st.tuples(minutes_in_window, st.one_of(st.just(0), st.integers(1, 3 * 24 * 60))),
    min_size=1,
    max_size=30,
)


@examples(1300)
@given(case=cases(), queries=pairs)
def test_its_deadlines_are_the_ones_the_oracle_reaches(
    case: Case, queries: list[tuple[int, int]]
) -> None:
    starts = np.array([case.minute(k) for k, _ in queries], dtype=np.int64)
    durations = np.array([60 * minutes for _, minutes in queries], dtype=np.int64)
    truth = oracle(case.cal, case.start, WINDOW_MINUTES)
    found = add_business_time_many(case.cal, starts, durations)
    rows = zip(starts.tolist(), durations.tolist(), found.tolist(), strict=True)
    for start, duration, due in rows:
        expected = truth.add(start, duration)
        if expected is None:
            assert due >= case.end
        else:
            assert due == expected


@examples(1000)
@given(case=cases(), queries=st.lists(st.tuples(minutes_in_window, minutes_in_window), min_size=1))
def test_its_open_seconds_are_the_ones_the_oracle_counts(
    case: Case, queries: list[tuple[int, int]]
) -> None:
    starts = np.array([case.minute(min(a, b)) for a, b in queries], dtype=np.int64)
    ends = np.array([case.minute(max(a, b)) for a, b in queries], dtype=np.int64)
    truth = oracle(case.cal, case.start, WINDOW_MINUTES)
    found = business_seconds_between_many(case.cal, starts, ends)
    assert found.tolist() == [truth.open_seconds(s, e) for s, e in zip(starts, ends, strict=True)]


instants = st.integers(0, WINDOW_MINUTES * 60)
seconds = st.one_of(st.just(0), st.integers(1, 60), st.integers(1, 40 * 3600))


@examples(1000)
@given(case=cases(), queries=st.lists(st.tuples(instants, seconds), min_size=1, max_size=10))
def test_it_matches_the_scalar_form_to_the_second(
    case: Case, queries: list[tuple[int, int]]
) -> None:
    starts = np.array([case.start + offset for offset, _ in queries], dtype=np.int64)
    durations = np.array([duration for _, duration in queries], dtype=np.int64)
    due = add_business_time_many(case.cal, starts, durations)
    between = business_seconds_between_many(case.cal, starts, due)
    for k, (start, duration) in enumerate(zip(starts.tolist(), durations.tolist(), strict=True)):
        at = datetime.fromtimestamp(start, UTC)
        expected = add_business_time(case.cal, at, timedelta(seconds=duration))
        assert due[k] == expected.timestamp()
        assert between[k] == business_time_between(case.cal, at, expected).total_seconds()
