from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given

from accord.domain.calendars import next_opening
from hypothesis_budget import examples

from .calendar_oracle import oracle
from .calendar_strategies import WINDOW_MINUTES, Case, cases, minutes_in_window


@examples(1700)
@given(case=cases(), k=minutes_in_window)
def test_it_opens_at_the_first_minute_the_oracle_finds_open(case: Case, k: int) -> None:
    truth = oracle(case.cal, case.start, WINDOW_MINUTES)
    at = case.minute(k)
    expected = truth.next_opening(at)
    found = int(next_opening(case.cal, datetime.fromtimestamp(at, UTC)).timestamp())
    if expected is None:  # nothing open in the rest of the window
        assert found >= case.end
    else:
        assert found == expected
