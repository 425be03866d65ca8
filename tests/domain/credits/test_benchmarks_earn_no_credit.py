from __future__ import annotations

from accord.contracts.model import Availability
from accord.domain.credits import availability_earned


def objective(**fields: object) -> Availability:
    return Availability.model_validate(
        {"id": "servers", "target": 99.95, "credit": {"kind": "flat", "percent": 10}} | fields
    )


def test_a_benchmark_objective_earns_nothing_even_when_missed() -> None:
    assert availability_earned(objective(benchmark_only=True), None, 90.0, 99.95) is None


def test_an_objective_without_a_credit_rule_earns_nothing() -> None:
    assert availability_earned(objective(credit=None), None, 90.0, 99.95) is None


def test_a_missed_objective_with_a_rule_earns_for_its_scope() -> None:
    earned = availability_earned(objective(), "paris", 90.0, 99.95)
    assert earned is not None
    assert (earned.objective, earned.scope, earned.percent) == ("servers", "paris", 10.0)
