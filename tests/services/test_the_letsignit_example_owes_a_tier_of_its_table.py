"""examples/evidence/letsignit.json, October 2026, worked out by hand.

October in Paris has 745 hours (clocks fall back on the 25th): 2,682,000 s. Downtime:
3 h (7 Oct) + 1.5 h (28 Oct). Excluded: 2 h third-party backbone, 1 h attack, and
3.5 h of maintenance (Letsignit excludes all of it, in the off-peak window or not).
"""

from __future__ import annotations

import pytest

from accord.domain.period import parse_months
from accord.domain.statement import Statement
from accord.evidence import read_evidence
from accord.services.evaluate import evaluate

from .conftest import EXAMPLES, NOW, example, month_seconds

H = 3600
JUDGED = month_seconds(31, hours_more=1) - (2 + 1 + 3.5) * H
DOWN = 4.5 * H


@pytest.fixture(scope="module")
def statement() -> Statement:
    letsignit = example("letsignit")
    evidence = read_evidence(EXAMPLES / "evidence" / "letsignit.json")
    zone = letsignit.contract.zone
    [october] = evaluate(letsignit, evidence, parse_months("2026-10", zone), NOW)
    return october


def test_excluded_network_trouble_and_maintenance_leave_the_ratio(statement: Statement) -> None:
    app = next(r for r in statement.availability if r.objective == "application-servers")
    assert app.downtime_seconds == DOWN
    assert dict(app.excluded_seconds) == {
        "maintenance": 3.5 * H, "third_party": 2 * H, "attack": 1 * H,
    }  # fmt: skip
    assert app.achieved_percent == pytest.approx(100 * (JUDGED - DOWN) / JUDGED)  # 99.3907
    assert app.met is True  # the 99 % guarantee holds...


def test_the_table_still_owes_the_tier_of_the_achieved_percent(statement: Statement) -> None:
    # ...but 99.39 % lies in [99.35, 99.4): 6 % of the 1,200 EUR subscription.
    [line] = statement.credits
    assert (line.objective, line.percent, line.amount) == ("application-servers", 6.0, 72.0)
    assert statement.credit_total is not None
    assert (statement.credit_total.amount, statement.credit_requires) == (72.0, "automatic")
    assert statement.claim_deadlines == ()


def test_the_missed_benchmark_is_reported_and_earns_nothing(statement: Statement) -> None:
    bench = next(r for r in statement.availability if r.objective == "server-benchmark")
    assert bench.met is False
    assert "server-benchmark" in statement.benchmarks
    assert "benchmark_missed" in {f.kind for f in statement.findings}
