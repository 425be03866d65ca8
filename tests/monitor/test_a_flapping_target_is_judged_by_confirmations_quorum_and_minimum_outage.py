"""The confirmed state of a group follows the contract's rules, as the evaluation does."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from accord.domain.availability import MeasurementRule
from accord.monitor.monitors import Monitor
from accord.monitor.probes import ProbeResult, ProbeTarget
from accord.monitor.tracker import Change, Tracker

T0 = datetime(2026, 10, 5, 8, 0, tzinfo=UTC)


def monitors(rule: MeasurementRule, locations: list[str]) -> dict[str, Monitor]:
    target = ProbeTarget("http", "https://app.test/")
    return {loc: Monitor("app", target, rule.interval, rule, location=loc) for loc in locations}


def play(rule: MeasurementRule, rounds: list[str]) -> list[tuple[int, Change]]:
    """Each round: one letter per location, 'u' up, 'd' down; checks one interval apart."""
    locations = [f"loc{i}" for i in range(len(rounds[0]))]
    mons = monitors(rule, locations)
    tracker = Tracker()
    changes = []
    for k, round_ in enumerate(rounds):
        at = T0 + timedelta(seconds=k * rule.interval)
        for loc, letter in zip(locations, round_, strict=True):
            result = ProbeResult(at, letter == "u", 20.0, "ok" if letter == "u" else "503")
            change = tracker.record(mons[loc], result, at + timedelta(seconds=1))
            if change is not None:
                changes.append((k, change))
    return changes


def test_one_failure_is_not_an_outage_when_two_confirm_it() -> None:
    rule = MeasurementRule(interval=60, confirmations=2)
    assert play(rule, ["u", "d", "u", "d", "u"]) == []


def test_the_second_failure_confirms_an_outage_that_started_at_the_first() -> None:
    rule = MeasurementRule(interval=60, confirmations=2)
    changes = play(rule, ["u", "d", "d", "d", "u"])
    assert [(k, c.down, c.since) for k, c in changes] == [
        (2, True, T0 + timedelta(minutes=1)),
        (4, False, T0 + timedelta(minutes=4)),
    ]


def test_one_location_down_is_not_enough_for_a_quorum_of_two() -> None:
    rule = MeasurementRule(interval=60, quorum=2)
    assert play(rule, ["uuu", "duu", "duu", "duu", "uuu"]) == []


def test_two_locations_down_together_meet_the_quorum() -> None:
    rule = MeasurementRule(interval=60, quorum=2)
    changes = play(rule, ["uuu", "duu", "ddu", "ddu", "uuu"])
    assert [(k, c.down, c.since) for k, c in changes] == [
        (2, True, T0 + timedelta(minutes=2)),
        (4, False, T0 + timedelta(minutes=4)),
    ]


def test_an_outage_shorter_than_the_minimum_is_never_confirmed() -> None:
    # Letsignit L5: downtime shorter than 5 minutes is not recorded.
    rule = MeasurementRule(interval=60, minimum_outage=300)
    assert play(rule, ["u", "d", "d", "d", "d", "u", "u"]) == []


def test_an_outage_reaching_the_minimum_is_confirmed_from_its_start() -> None:
    rule = MeasurementRule(interval=60, minimum_outage=300)
    changes = play(rule, ["u", "d", "d", "d", "d", "d", "d", "u"])
    assert [(k, c.down, c.since) for k, c in changes] == [
        (5, True, T0 + timedelta(minutes=1)),
        (7, False, T0 + timedelta(minutes=7)),
    ]
