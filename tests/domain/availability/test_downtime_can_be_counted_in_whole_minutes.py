"""Downtime in whole minutes: a minute is down when any second is, or when all of them are."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given

from accord.domain.availability.evaluate import Objective
from accord.domain.evidence import Evidence, Outage
from hypothesis_budget import examples

from .builders import at, one, spans_of, window
from .oracle import assert_agrees
from .strategies import World, worlds

GIVEN_ONLY = Objective("web", 99.0)


@pytest.mark.parametrize(
    ("minutes", "down"),
    [
        (None, [(30, 100)]),  # 70 seconds, as they happened
        ("any_second", [(0, 120)]),  # two minutes touched: two minutes down
        ("whole_minute", []),  # no minute is down from :00 to :59
    ],
)
def test_seventy_seconds_astride_a_minute(minutes: str | None, down: list[tuple[int, int]]) -> None:
    objective = replace(GIVEN_ONLY, minutes=minutes)
    evidence = Evidence(outages=(Outage(at(30), at(100)),))
    assert spans_of(one(objective, evidence, window(1))) == down


def test_partial_minutes_are_not_counted_under_the_whole_minute_reading() -> None:
    # 00:00:30 to 00:03:10: minutes 1 and 2 are whole, the parts of 0 and 3 are not.
    objective = replace(GIVEN_ONLY, minutes="whole_minute")
    evidence = Evidence(outages=(Outage(at(30), at(190)),))
    assert one(objective, evidence, window(1)).downtime_seconds == 120


def test_excluded_time_stays_excluded_in_a_minute_that_is_down() -> None:
    objective = replace(
        GIVEN_ONLY, minutes="any_second", excluded_causes=frozenset({"third_party"})
    )
    evidence = Evidence(
        outages=(Outage(at(0), at(30), cause="third_party"), Outage(at(30), at(40)))
    )
    result = one(objective, evidence, window(1))
    assert (result.downtime_seconds, dict(result.excluded_seconds)) == (30, {"third_party": 30})


@examples(1000)
@given(worlds(in_minutes=True))
def test_minutes_and_minimum_outages_agree_with_the_per_second_oracle(world: World) -> None:
    assert_agrees(world)
