"""Mean, median, nearest-rank percentiles, max and min against plain-Python oracles."""

from __future__ import annotations

import math
import statistics as py

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.domain.performance import statistic

samples = st.lists(st.floats(0, 1e6, allow_nan=False), min_size=1, max_size=200)


def nearest_rank(values: list[float], rank: float) -> float:
    ordered = sorted(values)
    return ordered[max(1, math.ceil(rank / 100 * len(ordered))) - 1]


@given(values=samples, name=st.sampled_from(["p90", "p95", "p99"]))
def test_a_percentile_is_the_nearest_rank_value(values: list[float], name: str) -> None:
    expected = nearest_rank(values, float(name[1:]))
    assert statistic(np.array(values), name) == expected


@given(values=samples)
def test_mean_median_max_and_min_are_the_usual_ones(values: list[float]) -> None:
    array = np.array(values)
    assert statistic(array, "mean") == pytest.approx(py.fmean(values), rel=1e-9, abs=1e-9)
    assert statistic(array, "median") == pytest.approx(py.median(values))
    assert statistic(array, "max") == max(values)
    assert statistic(array, "min") == min(values)


def test_p90_of_ten_values_is_the_ninth() -> None:
    assert statistic(np.arange(1.0, 11.0), "p90") == 9.0


def test_no_values_have_no_statistic() -> None:
    assert statistic(np.array([], dtype=np.float64), "mean") is None
