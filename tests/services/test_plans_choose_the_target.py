"""Infopromo (I1): the plan chooses the target; an unknown plan is refused or noted."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from accord.domain.evidence import Evidence, Fees, Outage
from accord.domain.period import parse_months
from accord.services.evaluate import UnknownPlan, evaluate

from .conftest import NOW, example

# 30 minutes of October (744 h): 99.9328 % achieved.
OUTAGE = Outage(datetime(2026, 10, 5, 10, tzinfo=UTC), datetime(2026, 10, 5, 10, 30, tzinfo=UTC))


@pytest.mark.parametrize(
    ("plan", "met"), [("standard", True), ("premium", False), ("enterprise", False)]
)
def test_the_same_month_meets_one_plan_and_misses_another(plan: str, met: bool) -> None:
    infopromo = example("infopromo")
    evidence = Evidence(plan=plan, fees=Fees("EUR", 500.0), outages=(OUTAGE,))
    [s] = evaluate(infopromo, evidence, parse_months("2026-10", "UTC"), NOW)
    assert s.availability[0].met is met


def test_a_plan_asked_for_overrides_the_evidence() -> None:
    infopromo = example("infopromo")
    evidence = Evidence(plan="standard", fees=Fees("EUR", 500.0), outages=(OUTAGE,))
    [s] = evaluate(infopromo, evidence, parse_months("2026-10", "UTC"), NOW, plan="enterprise")
    assert (s.plan, s.availability[0].target_percent) == ("enterprise", 99.99)


def test_an_unknown_plan_asked_for_is_refused() -> None:
    infopromo = example("infopromo")
    with pytest.raises(UnknownPlan, match="'gold'.*'standard', 'premium', 'enterprise'"):
        evaluate(infopromo, Evidence(), parse_months("2026-10", "UTC"), NOW, plan="gold")


def test_an_unknown_plan_in_the_evidence_is_a_finding_and_leaves_the_target_unknown() -> None:
    infopromo = example("infopromo")
    evidence = Evidence(plan="gold", fees=Fees("EUR", 500.0), outages=(OUTAGE,))
    [s] = evaluate(infopromo, evidence, parse_months("2026-10", "UTC"), NOW)
    assert s.availability[0].met is None
    assert s.credits[0].percent is None
    assert "plan" in {f.kind for f in s.findings}
