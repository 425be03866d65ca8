"""A region objective and an instance objective in one contract: each takes its own scopes."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from accord.contracts.loader import load_contract
from accord.domain.evidence import Evidence, Fees, Outage
from accord.domain.period import parse_months
from accord.services.evaluate import evaluate

from .conftest import NOW

CONTRACT = """\
id: cloud
title: Region and instances
provider: Example
version: "1"
effective_from: 2026-01-01
zone: UTC
availability:
  - id: region
    target: 99.99
    covers: ["eu-west-1*"]
    rollup: all
    credit: {kind: flat, percent: 10}
  - id: instance
    target: 99.5
    scope: location
    covers: ["i-*"]
    credit: {kind: flat, percent: 10}
credits: {basis: monthly_fee}
"""


def _at(day: int, hour: int) -> datetime:
    return datetime(2026, 10, day, hour, tzinfo=UTC)


def test_an_instance_outage_credits_the_instance_and_not_the_region(tmp_path: Path) -> None:
    path = tmp_path / "cloud.yaml"
    path.write_text(CONTRACT, encoding="utf-8")
    loaded = load_contract(path)
    evidence = Evidence(
        fees=Fees("USD", 1000.0),
        outages=(
            Outage(_at(3, 0), _at(3, 6), scope="i-1"),  # 6 h: 99.19 % for i-1
            Outage(_at(9, 0), _at(9, 1), scope="eu-west-1a"),  # one zone of two
            Outage(_at(9, 0), _at(9, 1), scope="eu-west-1b"),  # ... then both: 1 h
            Outage(_at(9, 1), _at(9, 2), scope="eu-west-1b"),
        ),
    )
    [s] = evaluate(loaded, evidence, parse_months("2026-10", "UTC"), NOW)
    downtime = {(r.objective, r.scope): r.downtime_seconds for r in s.availability}
    assert downtime == {("region", None): 3600, ("instance", "i-1"): 6 * 3600}
    assert [(c.objective, c.scope, c.amount) for c in s.credits] == [
        ("region", None, 100.0),
        ("instance", "i-1", 100.0),
    ]
    assert s.credit_total.amount == 200.0
