"""Lavi V5: "If Initial Notice occurs outside Business Hours, the times will be calculated
starting at 6:00am the next business day." 2029: the last Thursday and the last Friday
of November are the 29th and the 30th, both holidays."""

from __future__ import annotations

from datetime import timedelta

import pytest

from accord.domain.support.terms import SupportTerms

from .support_examples import lavi, one, ticket, utc

NOW = "2030-01-01T00:00Z"


@pytest.mark.parametrize(
    ("opened", "starts"),
    [
        # Within business hours: the clock starts at once.
        ("2029-11-27T10:00-08:00", "2029-11-27T10:00-08:00"),
        # Tuesday evening: Wednesday 06:00.
        ("2029-11-27T19:00-08:00", "2029-11-28T06:00-08:00"),
        # Before opening: the same day's 06:00.
        ("2029-11-28T05:59-08:00", "2029-11-28T06:00-08:00"),
        # Wednesday evening before the two November holidays: Monday 3 December.
        ("2029-11-28T19:00-08:00", "2029-12-03T06:00-08:00"),
        # On the holiday itself, at an hour that is open on other days.
        ("2029-11-29T10:00-08:00", "2029-12-03T06:00-08:00"),
        # Saturday: Monday.
        ("2029-12-08T11:00-08:00", "2029-12-10T06:00-08:00"),
        # 18:00 is closing time, already outside.
        ("2029-12-10T18:00-08:00", "2029-12-11T06:00-08:00"),
    ],
)
def test_it_starts_severity_1_clocks_at_the_next_opening(opened: str, starts: str) -> None:
    result = one(lavi(), ticket("1", opened), NOW)
    first_response, resolution = result.clock("first_response"), result.clock("resolution")
    assert first_response is not None and resolution is not None
    assert first_response.due == utc(starts) + timedelta(minutes=30)
    assert resolution.due == utc(starts) + timedelta(hours=4)


def test_once_started_the_elapsed_clock_runs_through_the_night() -> None:
    # Severity 2, 36 hours from Monday 06:00 (notice on Sunday): Tuesday 18:00.
    result = one(lavi(), ticket("2", "2029-12-09T12:00-08:00"), NOW)
    resolution = result.clock("resolution")
    assert resolution is not None
    assert resolution.due == utc("2029-12-11T18:00-08:00")


def test_a_reply_before_the_opening_meets_the_first_response_target() -> None:
    result = one(lavi(), ticket("1", "2029-11-28T19:00-08:00",
                                ("2029-11-28T22:00-08:00", "first_response")), NOW)  # fmt: skip
    clock = result.clock("first_response")
    assert clock is not None
    assert clock.met is True
    assert clock.achieved_at == utc("2029-11-28T22:00-08:00")


def test_with_immediately_the_clock_starts_at_the_notice() -> None:
    terms = lavi()
    at_once = SupportTerms(terms.severities, start_at_next_opening=False)
    result = one(at_once, ticket("1", "2029-11-28T19:00-08:00"), NOW)
    clock = result.clock("first_response")
    assert clock is not None
    assert clock.due == utc("2029-11-28T19:30-08:00")
