from __future__ import annotations

from accord.domain.availability.evaluate import Objective
from accord.domain.evidence import Evidence, Outage

from .builders import HOUR, at, one, window

EXCLUDING = Objective("web", 99.0, excluded_causes=frozenset({"force_majeure", "attack"}))


def test_an_excluded_cause_is_excluded_time_not_downtime() -> None:
    evidence = Evidence(
        outages=(
            Outage(at(0), at(HOUR), cause="force_majeure"),
            Outage(at(2 * HOUR), at(3 * HOUR), cause="third_party"),
        )
    )
    result = one(EXCLUDING, evidence, window(10))
    assert dict(result.excluded_seconds) == {"force_majeure": HOUR}
    assert result.downtime_seconds == HOUR  # third parties are not excluded here


def test_overlapping_causes_give_each_second_to_the_first_cause_in_order() -> None:
    evidence = Evidence(
        outages=(
            Outage(at(HOUR), at(3 * HOUR), cause="attack"),
            Outage(at(0), at(2 * HOUR), cause="force_majeure"),
        )
    )
    result = one(EXCLUDING, evidence, window(10))
    assert result.excluded_seconds == (("force_majeure", 2 * HOUR), ("attack", HOUR))


def test_an_excluded_cause_wins_over_measured_and_unplanned_downtime() -> None:
    evidence = Evidence(
        outages=(Outage(at(0), at(2 * HOUR)), Outage(at(HOUR), at(3 * HOUR), cause="attack"))
    )
    result = one(EXCLUDING, evidence, window(10))
    assert result.downtime_seconds == HOUR
    assert dict(result.excluded_seconds) == {"attack": 2 * HOUR}


def test_the_introductory_period_is_excluded() -> None:
    objective = Objective("web", 99.0, introductory=2 * HOUR)
    evidence = Evidence(outages=(Outage(at(0), at(3 * HOUR)),), first_order_at=at(-HOUR))
    result = one(objective, evidence, window(10))
    assert dict(result.excluded_seconds) == {"introductory_period": HOUR}
    assert result.downtime_seconds == 2 * HOUR
