"""E2 'average 15 ms or less', I3 'latency < 50 ms, throughput >= 100, packet loss < 0.1'."""

from __future__ import annotations

from datetime import timedelta

import pytest

from accord.domain.evidence import MetricPoint, Samples
from accord.domain.performance import evaluate_performance

from .conftest import OCTOBER, objective, points

EMPTY = Samples.empty()


@pytest.mark.parametrize(
    ("values", "met"), [([10.0, 20.0], True), ([15.0], True), ([15.0, 15.1], False)]
)
def test_an_average_of_at_most_15_ms_is_met_at_exactly_15(values: list[float], met: bool) -> (
    None
):  # fmt: skip
    e2 = objective(metric="response_ms", unit="ms", statistic="mean", at_most=15)
    result = evaluate_performance(e2, points("response_ms", values), EMPTY, OCTOBER)
    assert result.met is met
    assert result.requirement == "mean <= 15 ms"


@pytest.mark.parametrize(
    ("fields", "values", "met"),
    [
        ({"metric": "latency_ms", "below": 50}, [49.0, 51.0], False),  # mean 50 is not < 50
        ({"metric": "latency_ms", "below": 50}, [49.0, 50.0], True),
        ({"metric": "throughput_mbps", "at_least": 100}, [100.0, 100.0], True),
        ({"metric": "throughput_mbps", "at_least": 100}, [99.0, 100.0], False),
        ({"metric": "packet_loss_percent", "below": 0.1}, [0.1, 0.1, 0.1], False),
        ({"metric": "packet_loss_percent", "below": 0.1}, [0.05, 0.14], True),
        ({"metric": "queue", "above": 3, "statistic": "min"}, [4.0, 3.5], True),
    ],
)
def test_the_network_bounds_follow_their_comparison(
    fields: dict[str, object], values: list[float], met: bool
) -> None:
    goal = objective(**fields)
    name = str(fields["metric"])
    assert evaluate_performance(goal, points(name, values), EMPTY, OCTOBER).met is met


def test_a_bound_without_data_is_neither_met_nor_missed() -> None:
    goal = objective(metric="latency_ms", below=50)
    result = evaluate_performance(goal, points("other", [1.0]), EMPTY, OCTOBER)
    assert (result.achieved, result.met, result.samples) == (None, None, 0)


def test_points_outside_the_period_do_not_count() -> None:
    goal = objective(metric="latency_ms", below=50)
    before = MetricPoint("latency_ms", OCTOBER.start - timedelta(seconds=1), 500.0)
    after = MetricPoint("latency_ms", OCTOBER.end, 500.0)
    inside = MetricPoint("latency_ms", OCTOBER.end - timedelta(seconds=1), 10.0)
    result = evaluate_performance(goal, [before, inside, after], EMPTY, OCTOBER)
    assert (result.achieved, result.samples) == (10.0, 1)
