"""iStockist attaches no credit to its objectives: the total is still an object, zero."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from accord.domain.evidence import Evidence, Fees, Outage
from accord.domain.period import parse_months
from accord.domain.statement import statement_json
from accord.services.evaluate import evaluate

from .conftest import NOW, example

# Two days down: the 98 % objective is missed, and still nothing is owed.
OUTAGE = Outage(datetime(2026, 10, 20, 7, tzinfo=UTC), datetime(2026, 10, 22, 7, tzinfo=UTC))


@pytest.mark.parametrize(
    ("fees", "currency"), [(Fees("EUR", 500.0), "EUR"), (None, None)]
)  # fmt: skip
def test_the_total_is_zero_in_the_evidence_currency_and_not_capped(
    fees: Fees | None, currency: str | None
) -> None:
    istockist = example("istockist")
    evidence = Evidence(fees=fees, outages=(OUTAGE,))
    [s] = evaluate(istockist, evidence, parse_months("2026-10", istockist.contract.zone), NOW)
    assert s.availability[0].met is False
    data = statement_json(s)
    assert data["credits"] == []
    assert data["credit_total"] == {
        "amount": 0.0, "currency": currency, "capped": False, "uncapped": 0.0, "requires": None,
    }  # fmt: skip
    assert not {"fee_missing", "credit_undecided", "capped"} & {f.kind for f in s.findings}
