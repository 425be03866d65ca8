from __future__ import annotations

import pytest

from accord.domain.availability.evaluate import MeasurementRule, Objective
from accord.domain.evidence import Evidence

from .builders import every, one, samples, spans_of, window


@pytest.mark.parametrize(
    ("states", "confirmations", "down"),
    [
        (".xx.x.....", 2, [(60, 180)]),  # the lone failure is not confirmed
        (".xx.x.....", 3, []),
        (".xxx......", 3, [(60, 240)]),  # counted from the first failure of the run
        (".x.x.x.x..", 2, []),  # failures that never follow each other
        ("xxxxxxxxxx", 10, [(0, 600)]),
    ],
)
def test_a_vantage_point_is_down_after_enough_failures_in_a_row(
    states: str, confirmations: int, down: list[tuple[int, int]]
) -> None:
    objective = Objective("web", 99.0, MeasurementRule(interval=60, confirmations=confirmations))
    result = one(objective, Evidence(samples=samples(every(60, states))), window(600 / 3600))
    assert spans_of(result) == down


def test_a_run_is_counted_per_vantage_point() -> None:
    # Two locations fail alternately: neither has two failures in a row.
    rows = every(120, ".x.x.", location="paris") + every(120, "x.x.x", start=60, location="oslo")
    objective = Objective("web", 99.0, MeasurementRule(interval=120, confirmations=2))
    assert (
        one(objective, Evidence(samples=samples(sorted(rows))), window(600 / 3600)).downtime_seconds
        == 0
    )
