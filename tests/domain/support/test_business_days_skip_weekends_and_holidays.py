"""Lavi V5: a Severity 3 is resolved within "5 business days": the same local time five
business dates later, on the business calendar (weekends and holidays skipped)."""

from __future__ import annotations

import pytest

from .support_examples import lavi, one, ticket, utc

NOW = "2030-01-01T00:00Z"


@pytest.mark.parametrize(
    ("opened", "due"),
    [
        # A plain week.
        ("2029-12-03T10:00-08:00", "2029-12-10T10:00-08:00"),
        # Over the last Thursday and Friday of November (29th and 30th).
        ("2029-11-26T10:00-08:00", "2029-12-05T10:00-08:00"),
        # US Thanksgiving (the 22nd) is no holiday in the contract's words.
        ("2029-11-21T10:00-08:00", "2029-11-28T10:00-08:00"),
        # After hours on a Friday: counted from Monday 06:00.
        ("2029-12-07T20:00-08:00", "2029-12-17T06:00-08:00"),
        # Over the spring clock change (11 March 2029): still 10:00 on the wall.
        ("2029-03-05T10:00-08:00", "2029-03-12T10:00-07:00"),
        # Over Christmas and New Year's Day.
        ("2029-12-24T09:00-08:00", "2030-01-02T09:00-08:00"),
    ],
)
def test_resolution_is_due_five_business_days_later(opened: str, due: str) -> None:
    clock = one(lavi(), ticket("3", opened), NOW).clock("resolution")
    assert clock is not None
    assert clock.due == utc(due)


def test_a_resolution_on_the_fifth_business_day_before_the_hour_is_met() -> None:
    resolved = ("2029-12-10T09:59-08:00", "resolved")
    clock = one(lavi(), ticket("3", "2029-12-03T10:00-08:00", resolved), NOW).clock("resolution")
    assert clock is not None
    assert clock.met is True


def test_a_resolution_after_the_fifth_business_day_is_missed() -> None:
    resolved = ("2029-12-10T10:01-08:00", "resolved")
    clock = one(lavi(), ticket("3", "2029-12-03T10:00-08:00", resolved), NOW).clock("resolution")
    assert clock is not None
    assert clock.met is False
