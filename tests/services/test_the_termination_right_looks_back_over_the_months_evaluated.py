"""E4: Ethnio customers may terminate once three months of any six are missed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from accord.domain.evidence import Evidence, Fees, Outage
from accord.domain.period import parse_months
from accord.services.evaluate import evaluate

from .conftest import NOW, example


def hour_down(month: int) -> Outage:
    # One hour is 0.13 % of a month: 99.95 % is missed.
    start = datetime(2026, month, 10, 17, tzinfo=UTC)
    return Outage(start, start + timedelta(hours=1))


def test_the_third_missed_month_grants_the_right_and_earlier_months_do_not() -> None:
    ethnio = example("ethnio")
    evidence = Evidence(
        fees=Fees("USD", 1000.0), outages=(hour_down(5), hour_down(7), hour_down(9))
    )
    months = parse_months("2026-05..2026-10", ethnio.contract.zone)
    statements = evaluate(ethnio, evidence, months, NOW)
    granted = [s.termination_right.granted for s in statements if s.termination_right]
    # June and August have no evidence at all: no data, so either may have been missed.
    # From July, three misses in six months are possible but not certain, until September.
    assert granted == [False, False, None, None, True, True]
    assert statements[4].termination_right is not None
    assert statements[4].termination_right.missed == ("2026-05", "2026-07", "2026-09")


def test_a_missed_ethnio_month_earns_fifteen_percent_if_the_customer_elects_it() -> None:
    ethnio = example("ethnio")
    evidence = Evidence(fees=Fees("USD", 1000.0), outages=(hour_down(5),))
    [may] = evaluate(ethnio, evidence, parse_months("2026-05", ethnio.contract.zone), NOW)
    assert may.credit_total is not None
    assert (may.credit_total.amount, may.credit_requires) == (150.0, "election")
    assert "election_required" in {f.kind for f in may.findings}


def test_a_single_month_cannot_grant_a_right_that_needs_three() -> None:
    ethnio = example("ethnio")
    evidence = Evidence(fees=Fees("USD", 1000.0), outages=(hour_down(5),))
    [may] = evaluate(ethnio, evidence, parse_months("2026-05", ethnio.contract.zone), NOW)
    assert may.termination_right is not None
    assert may.termination_right.granted is False
