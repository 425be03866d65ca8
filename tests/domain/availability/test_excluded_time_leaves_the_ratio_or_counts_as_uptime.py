from __future__ import annotations

import pytest

from accord.domain.availability.evaluate import ExcludedTime, Objective
from accord.domain.evidence import Evidence, Outage

from .builders import HOUR, at, one, window

# 10 hours: 1 hour down, 2 hours excluded (force majeure).
EVIDENCE = Evidence(
    outages=(Outage(at(0), at(HOUR)), Outage(at(HOUR), at(3 * HOUR), cause="force_majeure"))
)


@pytest.mark.parametrize(
    ("excluded_time", "achieved"),
    [("leaves_denominator", 100 * 7 / 8), ("counts_as_uptime", 100 * 9 / 10)],
)
def test_excluded_time_is_treated_as_the_objective_says(
    excluded_time: ExcludedTime, achieved: float
) -> None:
    objective = Objective(
        "web", 99.0, excluded_causes=frozenset({"force_majeure"}), excluded_time=excluded_time
    )
    result = one(objective, EVIDENCE, window(10))
    assert result.achieved_percent == pytest.approx(achieved)
    assert result.met is False


def test_a_month_with_everything_excluded_has_no_figure() -> None:
    objective = Objective("web", 99.0, excluded_causes=frozenset({"force_majeure"}))
    evidence = Evidence(outages=(Outage(at(-1), at(11 * HOUR), cause="force_majeure"),))
    result = one(objective, evidence, window(10))
    assert result.achieved_percent is None
    assert result.met is None
