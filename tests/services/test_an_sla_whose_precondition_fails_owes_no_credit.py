"""'Applies only when the customer runs in two or more zones': one zone, no credit."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from accord.contracts.loader import load_contract
from accord.domain.evidence import Evidence, Fees, Outage
from accord.domain.period import parse_months
from accord.domain.statement import statement_json
from accord.services.evaluate import evaluate

from .conftest import NOW

CONTRACT = """\
id: region
title: A region SLA
provider: Example
version: "1"
effective_from: 2026-01-01
zone: UTC
preconditions:
  - id: multi-zone
    description: the customer runs in two or more zones
    fact: zones
    at_least: 2
availability:
  - id: region
    target: 99.99
    credit: {kind: flat, percent: 10}
"""


def _statement(tmp_path: Path, zones: float | None):
    path = tmp_path / "r.yaml"
    path.write_text(CONTRACT, encoding="utf-8")
    loaded = load_contract(path)
    down = Outage(datetime(2026, 11, 3, tzinfo=UTC), datetime(2026, 11, 3, 2, tzinfo=UTC))
    facts = {} if zones is None else {"zones": zones}
    evidence = Evidence(fees=Fees("USD", 500.0), outages=(down,), facts=facts)
    [s] = evaluate(loaded, evidence, parse_months("2026-11", "UTC"), NOW)
    return s


def test_one_zone_is_not_applicable_and_owes_nothing(tmp_path: Path) -> None:
    s = _statement(tmp_path, 1.0)
    assert s.availability[0].met is False  # the figures are still shown
    assert s.credits == () and s.credit_total.amount == 0.0
    assert s.not_applicable == ("the customer runs in two or more zones (zones = 1)",)
    assert statement_json(s)["not_applicable"] == list(s.not_applicable)
    assert any(f.kind == "not_applicable" for f in s.findings)


def test_two_zones_owe_the_credit(tmp_path: Path) -> None:
    s = _statement(tmp_path, 2.0)
    assert s.not_applicable == ()
    assert s.credit_total.amount == 50.0


def test_a_fact_the_evidence_lacks_leaves_the_sla_not_applicable(tmp_path: Path) -> None:
    s = _statement(tmp_path, None)
    assert s.credits == ()
    assert "gives no fact 'zones'" in s.not_applicable[0]
