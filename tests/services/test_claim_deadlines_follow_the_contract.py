"""I4: claims within 7 days of each failure; V9: within 30 days of the month's end."""

from __future__ import annotations

from datetime import UTC, datetime

from accord.domain.evidence import Evidence, Fees, Outage
from accord.domain.period import parse_months
from accord.services.evaluate import evaluate

from .conftest import NOW, example


def test_each_infopromo_failure_opens_its_own_seven_day_window() -> None:
    infopromo = example("infopromo")
    first = Outage(datetime(2026, 10, 3, 8, tzinfo=UTC), datetime(2026, 10, 3, 10, tzinfo=UTC))
    second = Outage(datetime(2026, 10, 20, 1, tzinfo=UTC), datetime(2026, 10, 20, 2, tzinfo=UTC))
    evidence = Evidence(plan="premium", fees=Fees("EUR", 500.0), outages=(second, first))
    [s] = evaluate(infopromo, evidence, parse_months("2026-10", "UTC"), NOW)
    assert [d.deadline for d in s.claim_deadlines] == [
        datetime(2026, 10, 10, 10, tzinfo=UTC),
        datetime(2026, 10, 27, 2, tzinfo=UTC),
    ]
    assert s.claim_deadline == datetime(2026, 10, 10, 10, tzinfo=UTC)
    assert "claim_required" in {f.kind for f in s.findings}


def test_an_excluded_outage_opens_no_claim_window() -> None:
    infopromo = example("infopromo")
    attack = Outage(datetime(2026, 10, 3, 8, tzinfo=UTC), datetime(2026, 10, 3, 10, tzinfo=UTC),
                    cause="attack")  # fmt: skip
    evidence = Evidence(plan="premium", fees=Fees("EUR", 500.0), outages=(attack,))
    [s] = evaluate(infopromo, evidence, parse_months("2026-10", "UTC"), NOW)
    assert s.availability[0].met is True
    assert s.claim_deadlines == ()


def test_no_credit_owed_means_no_claim_deadline() -> None:
    lavi = example("lavi-qtrac")
    evidence = Evidence(fees=Fees("USD", None, {"store-12": 400.0}))
    [s] = evaluate(lavi, evidence, parse_months("2026-10", lavi.contract.zone), NOW)
    assert s.claim_deadline is None
