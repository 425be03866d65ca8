from __future__ import annotations

import pytest

from accord.domain.availability.evaluate import MeasurementRule, Objective
from accord.domain.evidence import Evidence, Outage

from .builders import at, every, one, samples, spans_of, window


@pytest.mark.parametrize(
    ("states", "down"),
    [
        ("..xxxx....", []),  # 4 minutes
        ("..xxxxx...", [(120, 420)]),  # exactly 5 minutes: recorded
        ("..xxxxxx..", [(120, 480)]),
        ("xx..xxxxx.", [(240, 540)]),  # each outage is judged on its own
    ],
)
def test_only_outages_of_five_minutes_or_more_count(
    states: str, down: list[tuple[int, int]]
) -> None:
    objective = Objective("web", 99.0, MeasurementRule(interval=60, minimum_outage=300))
    result = one(objective, Evidence(samples=samples(every(60, states))), window(600 / 3600))
    assert spans_of(result) == down


def test_the_minimum_applies_to_the_whole_outage_across_the_month_boundary() -> None:
    # Three minutes before the month starts, three inside: six in all, so it counts.
    objective = Objective("web", 99.0, MeasurementRule(interval=60, minimum_outage=300))
    rows = every(60, "..xxxxxx......", start=-300)
    result = one(objective, Evidence(samples=samples(rows)), window(540 / 3600))
    assert spans_of(result) == [(0, 180)]


def test_the_minimum_applies_to_recorded_outages_too() -> None:
    objective = Objective("web", 99.0, MeasurementRule(interval=60, minimum_outage=300))
    evidence = Evidence(samples=samples(every(60, "." * 10)), outages=(Outage(at(60), at(120)),))
    assert one(objective, evidence, window(600 / 3600)).downtime_seconds == 0


def test_a_measured_and_a_recorded_outage_that_touch_are_one_outage() -> None:
    # Three minutes measured down, then three minutes of a recorded outage: six in all.
    objective = Objective("web", 99.0, MeasurementRule(interval=60, minimum_outage=300))
    evidence = Evidence(
        samples=samples(every(60, ".xxx......")), outages=(Outage(at(240), at(420)),)
    )
    assert spans_of(one(objective, evidence, window(600 / 3600))) == [(60, 420)]
