"""`simulate`: the credits of a month before and after outages that did not happen."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest

from accord.domain.evidence import Evidence, Fees, Outage, Samples
from accord.domain.period import Period, parse_months
from accord.services.evaluate import UnknownScope, simulate

from .conftest import NOW, example

FEES = Fees("USD", None, {"store-12": 400.0, "store-40": 250.0})


def watched(month: Period) -> Evidence:
    """The fees, and the service seen up every hour of `month` (every store: no scope)."""
    at = np.arange(int(month.start.timestamp()), int(month.end.timestamp()), 3600, np.int64)
    n = at.size
    samples = Samples(
        at=at, ok=np.ones(n, np.bool_), scope=np.zeros(n, np.int32),
        location=np.zeros(n, np.int32), monitor=np.zeros(n, np.int32),
        response_ms=np.full(n, np.nan),
    )  # fmt: skip
    return Evidence(fees=FEES, samples=samples)


def test_twelve_hours_down_at_one_location_costs_one_step_of_its_bill() -> None:
    lavi = example("lavi-qtrac")
    [october] = parse_months("2026-10", lavi.contract.zone)
    # 12 h of 744 h is 1.61 % of downtime: the 99 % warranty is missed, one whole step.
    outage = Outage(datetime(2026, 10, 14, 15, tzinfo=UTC), datetime(2026, 10, 15, 3, tzinfo=UTC),
                    scope="store-12")  # fmt: skip
    result = simulate(lavi, watched(october), october, [outage], NOW)
    by_scope = {c.scope: c for c in result.changes}
    assert (by_scope["store-12"].amount_before, by_scope["store-12"].amount_after) == (0.0, 40.0)
    assert (by_scope["store-40"].amount_before, by_scope["store-40"].amount_after) == (0.0, 0.0)
    assert result.difference == 40.0


def test_an_outage_of_the_whole_service_hits_every_location() -> None:
    lavi = example("lavi-qtrac")
    [october] = parse_months("2026-10", lavi.contract.zone)
    outage = Outage(datetime(2026, 10, 14, 15, tzinfo=UTC), datetime(2026, 10, 15, 3, tzinfo=UTC))
    result = simulate(lavi, watched(october), october, [outage], NOW)
    assert result.difference == 40.0 + 25.0


def test_on_a_month_without_evidence_the_outage_is_priced_but_no_difference_is_claimed() -> None:
    lavi = example("lavi-qtrac")
    [october] = parse_months("2026-10", lavi.contract.zone)
    outage = Outage(datetime(2026, 10, 14, 15, tzinfo=UTC), datetime(2026, 10, 15, 3, tzinfo=UTC))
    result = simulate(lavi, Evidence(fees=FEES), october, [outage], NOW)
    # Before: nothing is known of October, so nothing is owed nor cleared.
    assert all(r.achieved_percent is None for r in result.before.availability)
    assert result.before.credit_total.amount is None
    assert {f.kind for f in result.before.findings} >= {"no_data", "credit_undecided"}
    # After: the added outage is the only record; the rest of the month is taken as up.
    assert result.after.credit_total.amount == 40.0 + 25.0
    assert "records_only" in {f.kind for f in result.after.findings}
    assert result.difference is None


def test_an_outage_on_a_scope_the_evidence_does_not_know_is_refused() -> None:
    lavi = example("lavi-qtrac")
    [october] = parse_months("2026-10", lavi.contract.zone)
    outage = Outage(datetime(2026, 10, 14, 15, tzinfo=UTC), datetime(2026, 10, 15, 3, tzinfo=UTC),
                    scope="store-99")  # fmt: skip
    with pytest.raises(UnknownScope, match="store-99"):
        simulate(lavi, Evidence(fees=FEES), october, [outage], NOW)
