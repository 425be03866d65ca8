"""`simulate`: the credits of a month before and after outages that did not happen."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from accord.domain.evidence import Evidence, Fees, Outage
from accord.domain.period import parse_months
from accord.services.evaluate import UnknownScope, simulate

from .conftest import NOW, example

FEES = Fees("USD", None, {"store-12": 400.0, "store-40": 250.0})


def test_twelve_hours_down_at_one_location_costs_one_step_of_its_bill() -> None:
    lavi = example("lavi-qtrac")
    [october] = parse_months("2026-10", lavi.contract.zone)
    # 12 h of 744 h is 1.61 % of downtime: the 99 % warranty is missed, one whole step.
    outage = Outage(datetime(2026, 10, 14, 15, tzinfo=UTC), datetime(2026, 10, 15, 3, tzinfo=UTC),
                    scope="store-12")  # fmt: skip
    result = simulate(lavi, Evidence(fees=FEES), october, [outage], NOW)
    by_scope = {c.scope: c for c in result.changes}
    assert (by_scope["store-12"].amount_before, by_scope["store-12"].amount_after) == (0.0, 40.0)
    assert (by_scope["store-40"].amount_before, by_scope["store-40"].amount_after) == (0.0, 0.0)
    assert result.difference == 40.0


def test_an_outage_of_the_whole_service_hits_every_location() -> None:
    lavi = example("lavi-qtrac")
    [october] = parse_months("2026-10", lavi.contract.zone)
    outage = Outage(datetime(2026, 10, 14, 15, tzinfo=UTC), datetime(2026, 10, 15, 3, tzinfo=UTC))
    result = simulate(lavi, Evidence(fees=FEES), october, [outage], NOW)
    assert result.difference == 40.0 + 25.0


def test_an_outage_on_a_scope_the_evidence_does_not_know_is_refused() -> None:
    lavi = example("lavi-qtrac")
    [october] = parse_months("2026-10", lavi.contract.zone)
    outage = Outage(datetime(2026, 10, 14, 15, tzinfo=UTC), datetime(2026, 10, 15, 3, tzinfo=UTC),
                    scope="store-99")  # fmt: skip
    with pytest.raises(UnknownScope, match="store-99"):
        simulate(lavi, Evidence(fees=FEES), october, [outage], NOW)
