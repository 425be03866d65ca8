"""A credit owed on a fee the evidence does not give: the finding names that fee."""

from __future__ import annotations

from datetime import UTC, datetime

from accord.domain.evidence import Evidence, Fees, Outage
from accord.domain.period import parse_months
from accord.services.evaluate import evaluate

from .conftest import NOW, example

DAY = Outage(datetime(2026, 11, 10, tzinfo=UTC), datetime(2026, 11, 11, tzinfo=UTC))


def _fee_findings(name: str, fees: Fees, outage: Outage, month: str) -> list[str]:
    loaded = example(name)
    evidence = Evidence(fees=fees, outages=(outage,))
    [s] = evaluate(loaded, evidence, parse_months(month, loaded.contract.zone), NOW)
    return [f.message for f in s.findings if f.kind == "fee_missing"]


def test_a_store_without_a_fee_is_named() -> None:
    at_z = Outage(DAY.start, DAY.end, scope="Z")
    found = _fee_findings("lavi-qtrac", Fees("USD", None, {"A": 100.0}), at_z, "2026-11")
    assert found == ["queuing-uptime (Z): 30 % is owed but the evidence gives no fee for 'Z'."]


def test_a_whole_service_credit_without_the_monthly_fee_says_so() -> None:
    found = _fee_findings("ethnio", Fees("USD", None), DAY, "2026-11")
    assert found == ["uptime: 15 % is owed but the evidence gives no monthly fee."]
