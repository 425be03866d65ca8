"""Without a measurement, samples are read at the median spacing of each vantage point."""

from __future__ import annotations

from accord.domain.availability.evaluate import MeasurementRule, Objective
from accord.domain.availability.inferred import (
    DEFAULT_INTERVAL,
    inferred_interval,
    inferred_measurement,
)
from accord.domain.evidence import Evidence, Samples

from .builders import Row, at, every, one, samples, window


def _second(offset: int) -> int:
    return int(at(offset).timestamp())


def test_the_interval_is_the_median_spacing_of_a_vantage_point() -> None:
    rows = every(300, "." * 10)
    rows.append((rows[-1][0] + 900, True, "", "", ""))  # one late sample does not move it
    assert inferred_interval(samples(rows)) == 300


def test_spacings_are_taken_within_each_vantage_point_not_across_them() -> None:
    # Two locations 10 s apart: across them the spacing would look like 10 s and 290 s.
    rows = every(300, "." * 12, location="paris") + every(300, "." * 12, 10, location="tokyo")
    assert inferred_interval(samples(sorted(rows))) == 300


def test_every_vantage_point_counts_towards_one_median() -> None:
    rows = every(60, "." * 4, scope="a") + every(120, "." * 10, scope="b")  # 3 x 60, 9 x 120
    assert inferred_interval(samples(rows)) == 120


def test_a_median_between_two_seconds_rounds_half_up() -> None:
    first = _second(0)
    rows: list[Row] = [(first + t, True, "", "", "") for t in (0, 60, 121)]  # 60 and 61
    assert inferred_interval(samples(rows)) == 61


def test_samples_at_the_same_second_make_no_spacing() -> None:
    first = _second(0)
    rows: list[Row] = [(first + t, True, "", "", "") for t in (0, 0, 0, 0, 90, 180)]
    assert inferred_interval(samples(rows)) == 90


def test_without_two_samples_of_one_vantage_point_a_minute_is_used() -> None:
    rows = every(300, ".", location="paris") + every(300, ".", location="tokyo")
    assert inferred_interval(samples(rows)) == DEFAULT_INTERVAL == 60


def test_no_samples_give_no_measurement() -> None:
    assert inferred_measurement(Samples.empty()) is None


def test_no_sample_of_the_objectives_monitors_gives_no_measurement() -> None:
    rows = every(60, "x" * 5, monitor="api")
    assert inferred_measurement(samples(rows), frozenset({"", "web"})) is None


def test_only_the_objectives_monitors_set_the_interval() -> None:
    rows = every(60, "." * 9, monitor="api") + every(300, "." * 5, monitor="web")
    inferred = inferred_measurement(samples(rows), frozenset({"", "web"}))
    assert inferred == MeasurementRule(interval=300, monitors=frozenset({"", "web"}))


def test_one_failed_sample_is_an_outage_of_its_interval_with_no_minimum() -> None:
    inferred = inferred_measurement(samples(every(300, ".....x......")))
    assert inferred is not None
    assert (inferred.confirmations, inferred.quorum, inferred.minimum_outage) == (1, 1, 0)
    evidence = Evidence(samples=samples(every(300, ".....x......")))
    result = one(Objective("uptime", 99.0, inferred), evidence, window(1))
    assert (result.downtime_seconds, result.no_data_seconds) == (300, 0)
