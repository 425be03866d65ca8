from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import event, given
from hypothesis import strategies as st

from accord.domain.calendars import add_business_days
from hypothesis_budget import examples

from .calendar_oracle import MINUTE, Oracle, oracle
from .calendar_strategies import WINDOW_MINUTES, Case, cases, minutes_in_window


def _same_wall_time_later(truth: Oracle, start: int, n: int) -> int | None:
    """Walk the window's minutes: the opening's wall time on the n-th later business date.

    None when the window is too short to tell.
    """
    window = truth.window
    opening = truth.next_opening(start)
    if opening is None:
        return None
    k = truth.index(opening)
    day, wall = window.dates[k], int(window.walls[k])
    whole_days = sorted(set(window.dates))[1:-1]  # the window's first and last are partial
    business = [
        d for d in whole_days if d > day and truth.open[[x == d for x in window.dates]].any()
    ]
    if len(business) < n:
        return None
    target = business[n - 1]
    for m in range(len(window.dates)):
        if (window.dates[m], int(window.walls[m])) >= (target, wall):
            return truth.next_opening(window.start + MINUTE * m)
    return None


@examples(800)
@given(case=cases(), k=minutes_in_window, n=st.integers(0, 3))
def test_it_lands_on_the_same_wall_time_n_business_dates_later(case: Case, k: int, n: int) -> None:
    start = case.minute(k)
    truth = oracle(case.cal, case.start, WINDOW_MINUTES)
    found = add_business_days(case.cal, datetime.fromtimestamp(start, UTC), n)
    expected = truth.next_opening(start) if n == 0 else _same_wall_time_later(truth, start, n)
    event("checked" if expected is not None else "window too short to tell")
    if expected is not None:
        assert found.timestamp() == expected
