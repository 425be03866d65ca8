"""Amazon EC2: a region down while two zones are, an instance on its own, in one contract."""

from __future__ import annotations

import json
from dataclasses import replace

from accord.domain.period import parse_months
from accord.evidence import read_evidence
from accord.services.evaluate import evaluate

from .conftest import EXAMPLES, NOW, example

MONTH = 30 * 24 * 60  # November 2026: minutes
# Zones a (10:00-11:00) and b (10:20:30-10:50:10) are down together 10:20:30-10:50:10;
# every minute touched counts: 10:20 to 10:51, 31 minutes. One zone alone is no outage.
REGION_DOWN = 31
INSTANCE_DOWN = {"i-0a1": 6 * 60, "i-0b2": 10}  # minutes


def _november(facts: dict[str, float] | None = None):
    compute = example("aws-compute")
    evidence = read_evidence(EXAMPLES / "evidence" / "aws-compute.json")
    if facts is not None:
        evidence = replace(evidence, facts=facts)
    [s] = evaluate(compute, evidence, parse_months("2026-11", "UTC"), NOW)
    return s


def test_each_objective_counts_its_own_scopes() -> None:
    s = _november()
    rows = {(r.objective, r.scope): r for r in s.availability}
    assert set(rows) == {("region", None), ("instance", "i-0a1"), ("instance", "i-0b2")}
    assert rows["region", None].downtime_seconds == REGION_DOWN * 60
    for scope, minutes in INSTANCE_DOWN.items():
        assert rows["instance", scope].downtime_seconds == minutes * 60
    region = 100 * (MONTH - REGION_DOWN) / MONTH  # 99.9282 %: the 10 % tier
    assert abs(rows["region", None].achieved_percent - region) < 1e-9


def test_the_region_and_the_instance_are_paid_once_each() -> None:
    s = _november()
    # Region: 10 % of 5,000; i-0a1 (99.1667 %): 10 % of its 300; i-0b2 (99.9769 %): 0.
    paid = {(c.objective, c.scope): c.amount for c in s.credits if c.percent}
    assert paid == {("region", None): 500.0, ("instance", "i-0a1"): 30.0}
    assert s.credit_total.amount == 530.0


def test_one_zone_leaves_the_region_sla_not_applicable_but_not_the_instances() -> None:
    s = _november({"zones": 1.0})
    assert [c.objective for c in s.credits if c.percent] == ["instance"]
    assert s.credit_total.amount == 30.0
    assert "for region" in s.not_applicable[0]


def test_the_evidence_file_states_the_zones() -> None:
    data = json.loads((EXAMPLES / "evidence" / "aws-compute.json").read_text())
    assert data["facts"] == {"zones": 3}
