"""E3: connect time under 1.0 s 80 % of the time, 2.0 s 90 %, 4.0 s 100 %."""

from __future__ import annotations

import numpy as np

from accord.domain.evidence import Samples
from accord.domain.performance import evaluate_performance

from .conftest import OCTOBER, objective, points

E3 = objective(
    metric="connect_s",
    unit="s",
    bands=[{"under": 1.0, "percent": 80}, {"under": 2.0, "percent": 90},
           {"under": 4.0, "percent": 100}],
)  # fmt: skip


def test_every_band_met_meets_the_objective() -> None:
    values = [0.5] * 8 + [1.5] + [3.9]
    result = evaluate_performance(E3, points("connect_s", values), Samples.empty(), OCTOBER)
    assert [b.achieved_percent for b in result.bands] == [80.0, 90.0, 100.0]
    assert result.met is True
    assert result.requirement == "80% under 1 s, 90% under 2 s, 100% under 4 s"


def test_a_sample_at_the_band_value_is_not_under_it() -> None:
    values = [0.5] * 9 + [4.0]
    result = evaluate_performance(E3, points("connect_s", values), Samples.empty(), OCTOBER)
    assert [b.met for b in result.bands] == [True, True, False]
    assert result.met is False
    assert result.achieved == 90.0  # the 4 s band, 10 points short, speaks for the objective


def test_connect_times_can_come_from_the_probe_samples() -> None:
    e2 = objective(metric="response_ms", unit="ms", at_most=15)
    start = int(OCTOBER.start.timestamp())
    samples = Samples(
        at=np.array([start - 60, start, start + 60], dtype=np.int64),
        ok=np.array([True, True, True]),
        scope=np.zeros(3, dtype=np.int32),
        location=np.zeros(3, dtype=np.int32),
        monitor=np.zeros(3, dtype=np.int32),
        response_ms=np.array([900.0, 12.0, np.nan]),
    )
    result = evaluate_performance(e2, [], samples, OCTOBER)
    assert (result.achieved, result.samples, result.met) == (12.0, 1, True)
