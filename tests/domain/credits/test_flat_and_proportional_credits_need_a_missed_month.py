from __future__ import annotations

import pytest

from accord.domain.remedies import availability_credit

from .conftest import rule

ETHNIO = rule(kind="flat", percent=15)


@pytest.mark.parametrize(
    ("achieved", "percent"), [(100.0, 0.0), (99.95, 0.0), (99.9499, 15.0), (0.0, 15.0)]
)
def test_a_flat_credit_is_earned_whole_by_any_missed_month(achieved: float, percent: float) -> None:
    assert availability_credit(ETHNIO, achieved, 99.95) == percent


@pytest.mark.parametrize(
    ("achieved", "percent"), [(99.9, 0.0), (99.8, 2.0), (99.0, 10.0), (90.0, 100.0)]
)
def test_a_proportional_credit_is_the_downtime_share_times_the_multiplier(
    achieved: float, percent: float
) -> None:
    ten_times = rule(kind="proportional", multiplier=10)
    assert availability_credit(ten_times, achieved, 99.9) == pytest.approx(percent)


def test_no_data_earns_an_undecided_credit_rather_than_nothing() -> None:
    assert availability_credit(ETHNIO, None, 99.95) is None


def test_an_unknown_target_leaves_a_missed_month_undecided() -> None:
    assert availability_credit(ETHNIO, 99.0, None) is None


def test_a_tier_table_needs_no_target() -> None:
    table = rule(kind="tiered", tiers=[{"range": "[0, 99)", "percent": 10}])
    assert availability_credit(table, 98.0, None) == 10.0
