"""Ethnio E5: each level's initial response time runs while that level is staffed: Level 1
around the clock, Level 2 08:00-20:00 Pacific, Levels 3 and 4 08:00-18:00 Pacific, every
day; Pacific time keeps its clock changes (11 March and 4 November 2029)."""

from __future__ import annotations

import pytest

from .support_examples import ethnio, one, ticket, utc

NOW = "2030-01-01T00:00Z"


@pytest.mark.parametrize(
    ("level", "opened", "due"),
    [
        # Level 1, 2 hours around the clock, in the middle of a Saturday night.
        ("1", "2029-07-07T03:00-07:00", "2029-07-07T05:00-07:00"),
        # Level 1 over the spring-forward night: 2 real hours.
        ("1", "2029-03-11T01:00-08:00", "2029-03-11T04:00-07:00"),
        # Level 2, 4 hours: 1 hour Saturday evening, 3 hours Sunday after the change.
        ("2", "2029-03-10T19:00-08:00", "2029-03-11T11:00-07:00"),
        # Level 2 over the fall-back night: 2 hours Saturday, 2 hours Sunday.
        ("2", "2029-11-03T18:00-07:00", "2029-11-04T10:00-08:00"),
        # Level 2 opened at night: from 08:00.
        ("2", "2029-07-02T23:00-07:00", "2029-07-03T12:00-07:00"),
        # Level 3, 6 hours: 3 hours Monday, 3 hours Tuesday.
        ("3", "2029-07-02T15:00-07:00", "2029-07-03T11:00-07:00"),
        # Level 4, 24 hours of 10-hour days: Monday, Tuesday and 4 hours Wednesday.
        ("4", "2029-07-02T08:00-07:00", "2029-07-04T12:00-07:00"),
    ],
)
def test_the_first_response_is_due_after_the_level_open_time(
    level: str, opened: str, due: str
) -> None:
    clock = one(ethnio(), ticket(level, opened), NOW).clock("first_response")
    assert clock is not None
    assert clock.due == utc(due)
    assert clock.severity == level


def test_levels_without_other_targets_have_only_a_first_response_clock() -> None:
    result = one(ethnio(), ticket("2", "2029-07-02T09:00-07:00"), NOW)
    assert [c.metric for c in result.clocks] == ["first_response"]
