from __future__ import annotations

import pytest

from accord.domain.availability.evaluate import MeasurementRule, Objective
from accord.domain.evidence import Evidence

from .builders import every, one, samples, spans_of, window

MEASURED = Objective("web", 99.0, MeasurementRule(interval=60))


def test_a_failure_is_down_until_the_next_sample() -> None:
    result = one(MEASURED, Evidence(samples=samples(every(60, "..xx..", start=0))), window(0.1))
    assert spans_of(result) == [(120, 240)]
    assert result.downtime_seconds == 120


@pytest.mark.parametrize(
    ("late_by", "down"),
    [
        (0, 60),  # on time
        (30, 90),  # late within two intervals: down until it comes
        (60, 120),  # exactly two intervals after the failure: still tolerated
        (61, 60),  # later than two intervals: one interval down, then no data
    ],
)
def test_a_late_next_sample_extends_the_failure_up_to_two_intervals(
    late_by: int, down: int
) -> None:
    rows = [(0, True), (60, False), (120 + late_by, True), (180 + late_by, True)]
    first = int(window().start.timestamp())
    evidence = Evidence(samples=samples((first + t, ok, "", "", "") for t, ok in rows))
    result = one(MEASURED, evidence, window(0.1))
    assert result.downtime_seconds == down
    assert result.no_data_seconds == (late_by if late_by > 60 else 0) + (360 - 240 - late_by)


def test_a_failure_with_nothing_after_it_holds_one_interval() -> None:
    result = one(MEASURED, Evidence(samples=samples(every(60, "...x"))), window(0.1))
    assert spans_of(result) == [(180, 240)]
    assert result.no_data_seconds == 360 - 240


def test_a_passing_sample_at_the_same_second_ends_the_failure_at_once() -> None:
    first = int(window().start.timestamp())
    rows = [(first, True), (first + 60, False), (first + 60, True), (first + 120, True)]
    evidence = Evidence(samples=samples((t, ok, "", "", "") for t, ok in rows))
    assert one(MEASURED, evidence, window(0.05)).downtime_seconds == 0
