"""examples/evidence/infopromo.json, October 2026 (UTC), Premium plan, worked out by hand."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from accord.domain.period import parse_months
from accord.domain.statement import Statement
from accord.evidence import read_evidence
from accord.services.evaluate import evaluate

from .conftest import EXAMPLES, NOW, example, month_seconds

H, M = 3600, 60


@pytest.fixture(scope="module")
def statement() -> Statement:
    infopromo = example("infopromo")
    evidence = read_evidence(EXAMPLES / "evidence" / "infopromo.json")
    [october] = evaluate(infopromo, evidence, parse_months("2026-10", "UTC"), NOW)
    return october


def test_the_premium_month_credits_ten_percent_per_point_short(statement: Statement) -> None:
    # Down 2 h + 45 min; excluded 2 h maintenance, 2 h third party, 1 h attack, 3 h force
    # majeure. 99.6264 % is 0.3236 points under 99.95 %: 3.236 % of 800 EUR.
    judged = month_seconds(31) - 8 * H
    achieved = 100 * (judged - 165 * M) / judged
    [row] = statement.availability
    assert (row.target_percent, row.met) == (99.95, False)
    assert row.achieved_percent == pytest.approx(achieved)
    [line] = statement.credits
    assert line.percent == pytest.approx(10 * (99.95 - achieved))
    assert line.amount == round(800 * 10 * (99.95 - achieved) / 100, 2) == 25.89


def test_each_failure_has_its_own_seven_day_claim_window(statement: Statement) -> None:
    assert [d.deadline for d in statement.claim_deadlines] == [
        datetime(2026, 10, 10, 10, tzinfo=UTC),
        datetime(2026, 11, 3, 14, 45, tzinfo=UTC),
    ]


def test_network_metrics_hold_to_their_strict_and_inclusive_bounds(
    statement: Statement,
) -> None:
    found = {p.objective: (p.achieved, p.met) for p in statement.performance}
    assert found["latency"] == (pytest.approx(47.4), True)  # < 50 ms
    assert found["throughput"] == (pytest.approx(103.75), True)  # >= 100 Mbps
    assert found["packet-loss"] == (pytest.approx(0.1125), False)  # not < 0.1 %


def test_acknowledgement_is_held_to_the_upper_bound_of_its_range(statement: Statement) -> None:
    clocks = {t.id: t.clock("first_response") for t in statement.tickets}
    # Level 2: 15-30 minutes, upper bound: 35 minutes is late.
    late = clocks["INC-7002"]
    assert late is not None and late.met is False
    on_time = clocks["INC-7001"]
    assert on_time is not None and on_time.met is True  # 10 minutes of 15
