"""Letsignit (L3): the 99.95 % server benchmark is reported, missed, and never credited."""

from __future__ import annotations

from datetime import UTC, datetime

from accord.domain.evidence import Evidence, Fees, Outage
from accord.domain.period import parse_months
from accord.services.evaluate import evaluate

from .conftest import NOW, example


def test_a_missed_benchmark_gives_no_credit_line_while_the_tiered_objective_does() -> None:
    letsignit = example("letsignit")
    # 10 hours down: 98.66 % on both objectives, the benchmark and the application servers.
    outage = Outage(datetime(2026, 10, 7, 7, tzinfo=UTC), datetime(2026, 10, 7, 17, tzinfo=UTC))
    evidence = Evidence(fees=Fees("EUR", 1000.0), outages=(outage,))
    [s] = evaluate(letsignit, evidence, parse_months("2026-10", letsignit.contract.zone), NOW)
    assert {r.objective: r.met for r in s.availability} == {
        "server-benchmark": False, "application-servers": False,
    }  # fmt: skip
    assert [(line.objective, line.percent) for line in s.credits] == [("application-servers", 50.0)]
    assert s.credit_total is not None and s.credit_total.amount == 500.0  # 50 %, the cap


def test_an_objective_without_a_credit_rule_has_no_credit_line() -> None:
    istockist = example("istockist")
    outage = Outage(datetime(2026, 10, 20, 7, tzinfo=UTC), datetime(2026, 10, 22, 7, tzinfo=UTC))
    [s] = evaluate(istockist, Evidence(outages=(outage,)),
                   parse_months("2026-10", istockist.contract.zone), NOW)  # fmt: skip
    assert s.availability[0].met is False
    assert s.credits == ()
    assert (s.credit_total.amount, s.credit_total.capped, s.credit_requires) == (0.0, False, None)
