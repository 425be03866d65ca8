"""S9: more than 10 % of orders delayed over a 30-minute period, in tumbling windows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.domain.evidence import MetricPoint, Samples
from accord.domain.performance import evaluate_performance

from .conftest import OCTOBER, objective

S9 = objective(
    ratio={"bad": "orders_delayed", "total": "orders", "window": "30m", "at_most_percent": 10}
)


def at(minutes: float, name: str, value: float) -> MetricPoint:
    return MetricPoint(name, OCTOBER.start + timedelta(minutes=minutes), value)


def test_windows_are_aligned_to_the_period_start() -> None:
    # 20 delayed of 100 straddling 00:30 would be 20 % in a rolling window; aligned windows
    # split them into 10 of 50 (00:00-00:30) and 10 of 50 (00:30-01:00): 20 % each.
    evidence = [at(29, "orders", 50), at(29, "orders_delayed", 10),
                at(31, "orders", 50), at(31, "orders_delayed", 4)]  # fmt: skip
    result = evaluate_performance(S9, evidence, Samples.empty(), OCTOBER)
    assert result.ratio is not None
    assert (result.ratio.windows, result.ratio.windows_over) == (2, 1)
    assert result.achieved == 20.0
    assert result.ratio.worst_start == OCTOBER.start
    assert result.met is False


def test_exactly_ten_percent_is_not_more_than_ten_percent() -> None:
    evidence = [at(5, "orders", 100), at(6, "orders_delayed", 10)]
    result = evaluate_performance(S9, evidence, Samples.empty(), OCTOBER)
    assert (result.achieved, result.met) == (10.0, True)


def test_no_orders_leave_the_objective_undecided() -> None:
    result = evaluate_performance(S9, [at(5, "orders_delayed", 3)], Samples.empty(), OCTOBER)
    assert (result.achieved, result.met) == (None, None)


events = st.lists(
    st.tuples(st.integers(0, 6 * 60 - 1), st.integers(0, 40), st.integers(0, 40)),
    max_size=40,
)


@given(events=events)
def test_the_worst_window_and_the_count_over_the_limit_match_a_window_by_window_count(
    events: list[tuple[int, int, int]],
) -> None:
    evidence = [at(m, "orders", total) for m, total, _ in events]
    evidence += [at(m, "orders_delayed", min(bad, total)) for m, total, bad in events]
    shares: list[float] = []
    for window in range(12):  # the first six hours; nothing happens after them
        inside = [(t, min(b, t)) for m, t, b in events if window * 30 <= m < window * 30 + 30]
        total = sum(t for t, _ in inside)
        if total:
            shares.append(100 * sum(b for _, b in inside) / total)
    result = evaluate_performance(S9, evidence, Samples.empty(), OCTOBER)
    assert result.ratio is not None
    assert result.ratio.windows == len(shares)
    assert result.ratio.windows_over == sum(s > 10 for s in shares)
    assert result.achieved == (pytest.approx(max(shares)) if shares else None)
    assert result.met == (all(s <= 10 for s in shares) if shares else None)
