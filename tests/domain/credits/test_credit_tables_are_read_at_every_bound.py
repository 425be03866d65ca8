"""Edge cases at every bound of the Letsignit table and the Lavi / Infopromo linear rules."""

from __future__ import annotations

import pytest

from accord.domain.remedies import availability_credit

from .conftest import INFOPROMO, LAVI, LETSIGNIT


@pytest.mark.parametrize(
    ("achieved", "percent"),
    [
        (100.0, 0.0),  # above the table: silent, nothing
        (99.95, 0.0),  # the 99.9-99.95 silence
        (99.9, 0.0),
        (99.5, 0.0),
        (99.4999999999, 0.0),  # float noise of 99.5 stays in the 99.5 tier
        (99.4999, 3.0),
        (99.4, 3.0),
        (99.39999999999, 3.0),
        (99.3999, 6.0),
        (99.35, 6.0),
        (99.3499, 12.0),
        (99.2, 12.0),
        (99.1999, 25.0),
        (99.1, 25.0),
        (99.0999, 50.0),
        (99.0, 50.0),
        (42.0, 50.0),
        (0.0, 50.0),
    ],
)
def test_letsignit_credit_is_the_tier_that_contains_the_achieved_percent(
    achieved: float, percent: float
) -> None:
    assert availability_credit(LETSIGNIT, achieved, 99.0) == percent


def test_a_sum_that_lands_a_hair_under_a_bound_is_read_as_the_bound() -> None:
    achieved = 99.13 + 0.27  # 99.39999999999999 in binary floating point
    assert achieved < 99.4
    assert availability_credit(LETSIGNIT, achieved, 99.0) == 3.0


@pytest.mark.parametrize(
    ("achieved", "percent"),
    [
        (100.0, 0.0),
        (99.0, 0.0),  # target met exactly
        (98.99, 10.0),  # missed; 1.01 points of downtime, one whole step
        (98.0, 20.0),
        (97.5, 20.0),  # 2.5 points: two whole steps
        (97.000001, 20.0),
        (97.0000000001, 30.0),  # noise under a whole step is read as the step
        (91.0, 90.0),
        (90.0, 100.0),
        (50.0, 500.0),  # the 100 % cap is the policy's, not the rule's
    ],
)
def test_lavi_credit_counts_whole_points_of_downtime_once_the_target_is_missed(
    achieved: float, percent: float
) -> None:
    assert availability_credit(LAVI, achieved, 99.0) == pytest.approx(percent)


@pytest.mark.parametrize(
    ("achieved", "target", "percent"),
    [
        (99.9, 99.9, 0.0),
        (99.95, 99.9, 0.0),
        (99.4, 99.9, 5.0),  # half a point short: half of 10 %
        (98.9, 99.9, 10.0),
        (98.9, 99.99, 10.9),
        (99.94, 99.95, 0.1),
    ],
)
def test_infopromo_credit_is_pro_rata_to_the_shortfall_below_the_plan_target(
    achieved: float, target: float, percent: float
) -> None:
    assert availability_credit(INFOPROMO, achieved, target) == pytest.approx(percent)
