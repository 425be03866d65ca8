"""The final resolution is the first `resolved` event; a ticket closed without one (iStockist
S4: no answer from the client, or the client's written confirmation) is resolved when
it closes."""

from __future__ import annotations

from .support_examples import lavi, one, ticket, utc

NOW = "2030-01-01T00:00Z"
OPENED = "2029-12-03T10:00-08:00"


def test_the_resolved_event_wins_over_a_later_closure() -> None:
    t = ticket("1", OPENED,
               ("2029-12-03T10:10-08:00", "first_response"),
               ("2029-12-03T13:00-08:00", "resolved"),
               ("2029-12-03T15:00-08:00", "closed"))  # fmt: skip
    clock = one(lavi(), t, NOW).clock("resolution")
    assert clock is not None
    assert (clock.achieved_at, clock.met) == (utc("2029-12-03T13:00-08:00"), True)


def test_a_closure_without_resolution_ends_the_clock() -> None:
    t = ticket("1", OPENED,
               ("2029-12-03T10:10-08:00", "first_response"),
               ("2029-12-03T15:00-08:00", "closed"))  # fmt: skip
    clock = one(lavi(), t, NOW).clock("resolution")
    assert clock is not None
    assert (clock.achieved_at, clock.met) == (utc("2029-12-03T15:00-08:00"), False)
