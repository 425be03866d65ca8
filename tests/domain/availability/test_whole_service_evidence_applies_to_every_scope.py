from __future__ import annotations

from accord.domain.availability.evaluate import MeasurementRule, Objective, evaluate
from accord.domain.evidence import Evidence, Fees, Outage

from .builders import HOUR, at, every, samples, window

PER_LOCATION = Objective("stores", 99.0, MeasurementRule(interval=60), per_scope=True)
FOR_THE_SERVICE = Objective("web", 99.0, MeasurementRule(interval=60))


def _downtime(
    objective: Objective, evidence: Evidence, scopes: list[str] | None = None
) -> dict[str | None, int]:
    return {r.scope: r.downtime_seconds for r in evaluate(objective, evidence, window(1), scopes)}


def test_each_scope_named_in_the_evidence_gets_a_result() -> None:
    evidence = Evidence(
        samples=samples(every(60, "xx" + "." * 58, scope="store-1")),
        outages=(Outage(at(0), at(600), scope="store-2"),),
        fees=Fees("USD", None, {"store-3": 100.0}),
    )
    assert _downtime(PER_LOCATION, evidence) == {"store-1": 120, "store-2": 600, "store-3": 0}


def test_an_outage_without_scope_hits_every_scope() -> None:
    evidence = Evidence(
        samples=samples(
            every(60, "." * 60, scope="store-1") + every(60, "." * 60, scope="store-2")
        ),
        outages=(Outage(at(0), at(HOUR / 2)),),
    )
    assert _downtime(PER_LOCATION, evidence) == {"store-1": 1800, "store-2": 1800}


def test_samples_without_scope_watch_every_scope() -> None:
    evidence = Evidence(
        samples=samples(every(60, "x" * 10 + "." * 50)),
        outages=(Outage(at(0), at(60), scope="store-9"),),
    )
    assert _downtime(PER_LOCATION, evidence) == {"store-9": 600}


def test_the_caller_may_name_the_scopes() -> None:
    evidence = Evidence(
        outages=(Outage(at(0), at(60), scope="store-1"), Outage(at(0), at(120), scope="store-2"))
    )
    assert _downtime(PER_LOCATION, evidence, ["store-2", "store-4"]) == {
        "store-2": 120,
        "store-4": 0,
    }
