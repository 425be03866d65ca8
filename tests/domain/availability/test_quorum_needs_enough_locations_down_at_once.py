from __future__ import annotations

import pytest

from accord.domain.availability.evaluate import MeasurementRule, Objective
from accord.domain.evidence import Evidence

from .builders import every, one, samples, spans_of, window

PARIS = ".xxxx....."
OSLO = "...xxxx..."
TOKYO = "....xxxx.."


@pytest.mark.parametrize(
    ("quorum", "down"),
    [(1, [(60, 480)]), (2, [(180, 420)]), (3, [(240, 300)])],
)
def test_the_service_is_down_where_enough_locations_agree(
    quorum: int, down: list[tuple[int, int]]
) -> None:
    rows = (
        every(60, PARIS, location="paris")
        + every(60, OSLO, location="oslo")
        + every(60, TOKYO, location="tokyo")
    )
    objective = Objective("web", 99.0, MeasurementRule(interval=60, quorum=quorum))
    result = one(objective, Evidence(samples=samples(rows)), window(600 / 3600))
    assert spans_of(result) == down
    assert result.no_data_seconds == 0


def test_with_fewer_locations_reporting_than_the_quorum_there_is_no_data() -> None:
    rows = every(60, "..........", location="paris") + every(60, ".....     ", location="oslo")
    objective = Objective("web", 99.0, MeasurementRule(interval=60, quorum=2))
    result = one(objective, Evidence(samples=samples(rows)), window(600 / 3600))
    assert result.no_data_seconds == 300
    assert result.achieved_percent == 100.0
