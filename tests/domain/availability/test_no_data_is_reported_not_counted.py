from __future__ import annotations

from accord.domain.availability.evaluate import MeasurementRule, Objective
from accord.domain.evidence import Evidence, MaintenanceWindow, Outage

from .builders import at, every, one, samples, window

MEASURED = Objective("web", 99.0, MeasurementRule(interval=60))


def test_a_silence_is_no_data_and_leaves_the_ratio() -> None:
    rows = every(60, ".....     .........x", start=0)
    result = one(MEASURED, Evidence(samples=samples(rows)), window(1200 / 3600))
    assert result.no_data_seconds == 300
    assert result.downtime_seconds == 60
    assert result.achieved_percent == 100 * (900 - 60) / 900


def test_samples_without_any_in_the_month_give_no_figure() -> None:
    rows = every(60, "....", start=-3600)
    result = one(MEASURED, Evidence(samples=samples(rows)), window(1))
    assert result.no_data_seconds == 3600
    assert result.achieved_percent is None


def test_given_outages_and_maintenance_fill_a_silence() -> None:
    rows = every(60, ".          .", start=0)
    evidence = Evidence(
        samples=samples(rows),
        outages=(Outage(at(60), at(300)),),
        maintenance=(MaintenanceWindow(at(300), at(660)),),
    )
    result = one(MEASURED, evidence, window(720 / 3600))
    assert result.no_data_seconds == 0
    assert result.downtime_seconds == 600


def test_without_samples_the_outages_tell_everything() -> None:
    result = one(MEASURED, Evidence(outages=(Outage(at(0), at(60)),)), window(1))
    assert result.no_data_seconds == 0
    assert result.achieved_percent == 100 * (3600 - 60) / 3600
