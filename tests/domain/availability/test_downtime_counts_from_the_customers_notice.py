from __future__ import annotations

from accord.domain.availability.evaluate import MeasurementRule, Objective
from accord.domain.evidence import Evidence, Outage

from .builders import HOUR, at, every, one, samples, spans_of, window

FROM_NOTICE = Objective("web", 99.0, downtime_from_notice=True)


def test_downtime_before_the_report_is_excluded() -> None:
    evidence = Evidence(outages=(Outage(at(0), at(2 * HOUR), reported_at=at(HOUR / 2)),))
    result = one(FROM_NOTICE, evidence, window(4))
    assert spans_of(result) == [(HOUR / 2, 2 * HOUR)]
    assert dict(result.excluded_seconds) == {"before_notice": HOUR / 2}


def test_a_report_before_the_outage_counts_it_all() -> None:
    evidence = Evidence(outages=(Outage(at(HOUR), at(2 * HOUR), reported_at=at(0)),))
    assert one(FROM_NOTICE, evidence, window(4)).downtime_seconds == HOUR


def test_a_report_after_the_outage_leaves_nothing() -> None:
    evidence = Evidence(outages=(Outage(at(0), at(HOUR), reported_at=at(3 * HOUR)),))
    result = one(FROM_NOTICE, evidence, window(4))
    assert result.downtime_seconds == 0
    assert dict(result.excluded_seconds) == {"before_notice": HOUR}


def test_measured_downtime_joined_to_a_reported_outage_counts_from_the_report() -> None:
    objective = Objective("web", 99.0, MeasurementRule(interval=60), downtime_from_notice=True)
    evidence = Evidence(
        samples=samples(every(60, "." + "x" * 30 + "." * 29)),
        outages=(Outage(at(600), at(1200), reported_at=at(900)),),
    )
    assert spans_of(one(objective, evidence, window(1))) == [(900, 1860)]


def test_an_outage_without_a_report_counts_in_full() -> None:
    evidence = Evidence(outages=(Outage(at(0), at(HOUR)),))
    assert one(FROM_NOTICE, evidence, window(4)).downtime_seconds == HOUR
