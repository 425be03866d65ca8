"""Lavi V3 speaks of messages left during Non-Business Hours: a ticket opened while the
HelpDesk is open owes its first reply on the severity's own clock only."""

from __future__ import annotations

import pytest

from .lavi_messages import at, first_response


@pytest.mark.parametrize(
    ("opened", "due"),
    [
        # Severity 3, 4 hours of elapsed time from the notice.
        ("2029-11-27T10:00-08:00", "2029-11-27T14:00-08:00"),
        # At the opening instant itself, 06:00.
        ("2029-11-27T06:00-08:00", "2029-11-27T10:00-08:00"),
        # 17:00, the clock runs on past the closing: 21:00, not the next day's 07:00.
        ("2029-11-27T17:00-08:00", "2029-11-27T21:00-08:00"),
    ],
)
def test_a_severity_3_ticket_opened_in_business_hours_is_unaffected(opened: str, due: str) -> None:
    assert first_response("3", opened).due == at(due)
