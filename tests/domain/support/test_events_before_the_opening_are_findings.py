"""An event dated before its ticket's opening cannot be measured: it is a finding and is
ignored. Events arrive in any order and are taken in time order."""

from __future__ import annotations

from .support_examples import lavi, one, ticket, utc

NOW = "2030-01-01T00:00Z"
OPENED = "2029-12-03T10:00-08:00"


def test_a_reply_before_the_opening_is_ignored_and_flagged() -> None:
    t = ticket("1", OPENED, ("2029-12-03T09:00-08:00", "first_response"))
    result = one(lavi(), t, NOW)
    clock = result.clock("first_response")
    assert clock is not None
    assert (clock.achieved_at, clock.met) == (None, False)
    assert [(f.code, f.at) for f in result.findings] == [
        ("event_before_opening", utc("2029-12-03T09:00-08:00"))
    ]


def test_events_out_of_order_are_read_in_time_order() -> None:
    t = ticket("1", OPENED,
               ("2029-12-03T13:00-08:00", "resolved"),
               ("2029-12-03T10:10-08:00", "first_response"))  # fmt: skip
    result = one(lavi(), t, NOW)
    first_response = result.clock("first_response")
    assert first_response is not None
    assert first_response.achieved_at == utc("2029-12-03T10:10-08:00")
