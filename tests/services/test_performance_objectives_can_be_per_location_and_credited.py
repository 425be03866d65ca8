"""A performance objective per location, with a flat credit, in a contract of its own."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from accord.contracts.loader import LoadedContract, load_contract
from accord.domain.evidence import Evidence, Fees, MetricPoint
from accord.domain.period import parse_months
from accord.services.evaluate import evaluate

from .conftest import NOW

CONTRACT = """
id: shop
title: Shop SLA
provider: Shop Ltd
version: "1"
effective_from: 2026-01-01
zone: UTC
performance:
  - id: latency
    metric: latency_ms
    unit: ms
    statistic: p90
    below: 100
    scope: location
    credit: {kind: flat, percent: 5}
  - id: throughput
    metric: throughput_mbps
    unit: Mbps
    at_least: 100
    credit: {kind: linear, percent: 10}
credits:
  basis: scope_fee
"""


@pytest.fixture()
def shop(tmp_path: Path) -> LoadedContract:
    path = tmp_path / "shop.yaml"
    path.write_text(CONTRACT)
    return load_contract(path)


def at(day: int, name: str, value: float, scope: str | None = None) -> MetricPoint:
    return MetricPoint(name, datetime(2026, 10, day, 12, tzinfo=UTC), value, scope)


def test_each_location_is_judged_and_credited_on_its_own_values(shop: LoadedContract) -> None:
    # The nearest-rank p90 of ten values is the 9th smallest. Paris, 10..100 ms: 90 ms;
    # Lyon, one slow value: 50 ms; Nice, two slow values: 300 ms, missed: 5 % of 400 EUR.
    metrics = [at(d, "latency_ms", 10.0 * d, "paris") for d in range(1, 11)]
    metrics += [at(d, "latency_ms", 300.0 if d == 10 else 50.0, "lyon") for d in range(1, 11)]
    metrics += [at(d, "latency_ms", 300.0 if d >= 9 else 50.0, "nice") for d in range(1, 11)]
    fees = Fees("EUR", 1000.0, {"paris": 200.0, "lyon": 100.0, "nice": 400.0})
    [s] = evaluate(shop, Evidence(fees=fees, metrics=tuple(metrics)),
                   parse_months("2026-10", "UTC"), NOW)  # fmt: skip
    latency = {p.scope: (p.achieved, p.met) for p in s.performance if p.objective == "latency"}
    assert latency == {"lyon": (50.0, True), "nice": (300.0, False), "paris": (90.0, True)}
    owed = {line.scope: line.amount for line in s.credits if line.objective == "latency"}
    assert owed == {"lyon": 0.0, "nice": 20.0, "paris": 0.0}


def test_a_points_based_credit_on_a_performance_objective_earns_nothing_and_says_so(
    shop: LoadedContract,
) -> None:
    metrics = (at(1, "throughput_mbps", 50.0),)
    [s] = evaluate(shop, Evidence(fees=Fees("EUR", 1000.0), metrics=metrics),
                   parse_months("2026-10", "UTC"), NOW)  # fmt: skip
    [line] = [line for line in s.credits if line.objective == "throughput"]
    assert line.percent is None
    assert "credit_not_applicable" in {f.kind for f in s.findings}
