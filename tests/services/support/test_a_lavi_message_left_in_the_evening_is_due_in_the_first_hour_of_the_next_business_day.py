"""Lavi V3: "Messages will be responded within the first one (1) hour of the next Business
Day." A Severity 3 ticket (first reply 4 hours, from 06:00 when opened after hours) is
due at 07:00 rather than 10:00: the stricter promise governs."""

from __future__ import annotations

import pytest

from .lavi_messages import at, first_response


@pytest.mark.parametrize(
    ("opened", "due"),
    [
        # Tuesday 20:00: Wednesday 07:00.
        ("2029-11-27T20:00-08:00", "2029-11-28T07:00-08:00"),
        # Before the opening on a business day: the same day's 07:00.
        ("2029-12-04T05:00-08:00", "2029-12-04T07:00-08:00"),
        # Friday 20:00: Monday 07:00.
        ("2029-12-07T20:00-08:00", "2029-12-10T07:00-08:00"),
        # 18:00 is closing time, already after hours.
        ("2029-12-10T18:00-08:00", "2029-12-11T07:00-08:00"),
    ],
)
def test_a_severity_3_ticket_opened_after_hours_is_due_at_seven(opened: str, due: str) -> None:
    clock = first_response("3", opened)
    assert clock.due == at(due)
    assert clock.severity == "3"  # the clock keeps the severity's name


def test_a_reply_at_eight_misses_although_the_severity_allows_until_ten() -> None:
    clock = first_response("3", "2029-11-27T20:00-08:00", "2029-11-28T08:00-08:00")
    assert clock.met is False


def test_a_stricter_severity_target_still_governs() -> None:
    # Severity 1: 30 minutes from 06:00 comes before the message's 07:00.
    assert first_response("1", "2029-11-27T20:00-08:00").due == at("2029-11-28T06:30-08:00")
