from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from accord.domain.calendars import is_open
from hypothesis_budget import examples

from .calendar_oracle import oracle
from .calendar_strategies import WINDOW_MINUTES, Case, cases


@examples(1200)
@given(case=cases(), ks=st.lists(st.integers(0, WINDOW_MINUTES - 1), min_size=1, max_size=20))
def test_it_is_open_exactly_in_the_minutes_the_oracle_finds_open(case: Case, ks: list[int]) -> None:
    truth = oracle(case.cal, case.start, WINDOW_MINUTES)
    for k in ks:
        at = datetime.fromtimestamp(case.minute(k), UTC)
        assert is_open(case.cal, at) == truth.is_open(case.minute(k)), at
