from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from accord.contracts.loader import load_contract
from accord.contracts.model import Availability, Contract
from accord.domain.availability import AvailabilityResult, evaluate
from accord.domain.evidence import Evidence, MaintenanceWindow, Outage, Samples
from accord.domain.period import Period, month
from accord.services.terms import choose_plan
from accord.services.terms.availability import availability_objective

EXAMPLES = Path(__file__).parents[3] / "examples" / "contracts"


def evaluate_availability(
    contract: Contract, objective: Availability, evidence: Evidence, period: Period
) -> list[AvailabilityResult]:
    plan = choose_plan(contract, evidence, None)
    return evaluate(availability_objective(contract, objective, evidence, plan), evidence, period)


def test_lavi_stores_count_downtime_from_the_report_and_maintenance_up_to_six_hours() -> None:
    contract = load_contract(EXAMPLES / "lavi-qtrac.yaml").contract
    october = month(2026, 10, contract.zone)
    evidence = Evidence(
        outages=(
            Outage(datetime(2026, 10, 14, 15, tzinfo=UTC), datetime(2026, 10, 14, 19, tzinfo=UTC),
                   "store-12", reported_at=datetime(2026, 10, 14, 16, tzinfo=UTC)),
            Outage(datetime(2026, 10, 20, tzinfo=UTC), datetime(2026, 10, 20, 2, tzinfo=UTC),
                   "store-7", cause="force_majeure"),
        ),
        maintenance=(MaintenanceWindow(datetime(2026, 10, 4, 8, tzinfo=UTC),
                                       datetime(2026, 10, 4, 16, tzinfo=UTC)),),
    )  # fmt: skip
    results = evaluate_availability(contract, contract.availability[0], evidence, october)
    by_scope = {r.scope: r for r in results}
    assert sorted(by_scope) == ["store-12", "store-7"]
    store_12, store_7 = by_scope["store-12"], by_scope["store-7"]
    # Maintenance of the whole service: 6 h excused, the 2 h beyond the cap are downtime.
    assert dict(store_12.excluded_seconds) == {"maintenance": 6 * 3600, "before_notice": 3600}
    assert store_12.downtime_seconds == 2 * 3600 + 3 * 3600
    assert dict(store_7.excluded_seconds) == {"maintenance": 6 * 3600, "force_majeure": 7200}
    assert store_7.downtime_seconds == 2 * 3600
    assert store_7.target_percent == 99.0 and store_7.met is True


def test_samples_named_for_another_objective_do_not_count() -> None:
    contract = load_contract(EXAMPLES / "letsignit.yaml").contract
    october = month(2026, 10, contract.zone)
    start = int(october.start.timestamp())
    n = october.seconds // 300
    at = np.tile(start + 300 * np.arange(n, dtype=np.int64), 2)
    ok = np.ones(2 * n, np.bool_)
    ok[n : n + 12] = False  # the benchmark's monitor fails for an hour
    samples = Samples(at=at, ok=ok, scope=np.zeros(2 * n, np.int32),
                      location=np.zeros(2 * n, np.int32),
                      monitor=np.repeat(np.array([1, 2], np.int32), n),
                      response_ms=np.full(2 * n, np.nan),
                      monitors=("", "https-check", "server-benchmark"))  # fmt: skip
    evidence = Evidence(samples=samples)
    found = {o.id: evaluate_availability(contract, o, evidence, october)[0]
             for o in contract.availability}  # fmt: skip
    app, bench = found["application-servers"], found["server-benchmark"]
    assert (app.objective, app.downtime_seconds) == ("application-servers", 0)
    assert (bench.objective, bench.downtime_seconds) == ("server-benchmark", 3600)
