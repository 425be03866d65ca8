from __future__ import annotations

from accord.domain.availability.evaluate import MeasurementRule, Objective
from accord.domain.evidence import Evidence

from .builders import every, one, samples, window


def test_samples_of_other_monitors_are_left_out() -> None:
    rows = every(60, "xxxx" + "." * 56, monitor="api") + every(60, "." * 60, monitor="web")
    objective = Objective(
        "web", 99.0, MeasurementRule(interval=60, monitors=frozenset({"", "web"}))
    )
    assert one(objective, Evidence(samples=samples(rows)), window(1)).downtime_seconds == 0


def test_every_monitor_counts_when_none_is_named() -> None:
    rows = every(60, "xxxx" + "." * 56, monitor="api") + every(60, "." * 60, monitor="web")
    objective = Objective("web", 99.0, MeasurementRule(interval=60))
    assert one(objective, Evidence(samples=samples(rows)), window(1)).downtime_seconds == 240
