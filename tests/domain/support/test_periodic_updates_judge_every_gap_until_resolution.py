"""Lavi V5: Severity 1 is updated hourly. From the first reply to the resolution, no gap
between two messages from support may exceed the interval; the clock reports the
first gap that did, else the last one judged."""

from __future__ import annotations

from .support_examples import lavi, one, ticket, utc

NOW = "2030-01-01T00:00Z"
OPENED = "2029-12-03T10:00-08:00"  # Monday, within business hours
REPLY = ("2029-12-03T10:20-08:00", "first_response")


def test_hourly_updates_until_the_resolution_are_met() -> None:
    t = ticket("1", OPENED, REPLY,
               ("2029-12-03T11:15-08:00", "update"),
               ("2029-12-03T12:10-08:00", "update"),
               ("2029-12-03T13:00-08:00", "resolved"))  # fmt: skip
    clock = one(lavi(), t, NOW).clock("periodic_update")
    assert clock is not None
    assert (clock.due, clock.achieved_at, clock.met) == (
        utc("2029-12-03T13:10-08:00"), utc("2029-12-03T13:00-08:00"), True,
    )  # fmt: skip


def test_one_gap_over_the_hour_misses_the_target() -> None:
    t = ticket("1", OPENED, REPLY,
               ("2029-12-03T11:15-08:00", "update"),
               ("2029-12-03T12:30-08:00", "update"),
               ("2029-12-03T13:00-08:00", "resolved"))  # fmt: skip
    clock = one(lavi(), t, NOW).clock("periodic_update")
    assert clock is not None
    assert (clock.due, clock.achieved_at, clock.met) == (
        utc("2029-12-03T12:15-08:00"), utc("2029-12-03T12:30-08:00"), False,
    )  # fmt: skip


def test_an_open_gap_is_pending_until_its_deadline_passes() -> None:
    t = ticket("1", OPENED, REPLY)
    pending = one(lavi(), t, "2029-12-03T11:00-08:00").clock("periodic_update")
    late = one(lavi(), t, "2029-12-03T12:00-08:00").clock("periodic_update")
    assert pending is not None and late is not None
    assert (pending.due, pending.achieved_at, pending.met) == (
        utc("2029-12-03T11:20-08:00"), None, None,
    )  # fmt: skip
    assert (late.due, late.met) == (utc("2029-12-03T11:20-08:00"), False)


def test_a_ticket_resolved_with_its_first_reply_needs_no_update() -> None:
    t = ticket("1", OPENED, ("2029-12-03T10:20-08:00", "resolved"))
    assert one(lavi(), t, NOW).clock("periodic_update") is None


def test_without_a_reply_the_first_update_is_due_an_interval_after_the_clock_starts() -> None:
    # Notice at 19:00: the clock starts at 06:00, the first message is due by 07:00.
    clock = one(lavi(), ticket("1", "2029-12-03T19:00-08:00"), NOW).clock("periodic_update")
    assert clock is not None
    assert (clock.due, clock.met) == (utc("2029-12-04T07:00-08:00"), False)


def test_a_pause_awaiting_the_customer_stretches_the_gap_it_falls_in() -> None:
    t = ticket("1", OPENED, REPLY,
               ("2029-12-03T10:30-08:00", "awaiting_customer"),
               ("2029-12-03T12:30-08:00", "customer_replied"),
               ("2029-12-03T13:00-08:00", "update"))  # fmt: skip
    clock = one(lavi(), t, "2029-12-03T13:05-08:00").clock("periodic_update")
    assert clock is not None
    # 10:20 + 1 hour + the 2-hour pause = 13:20; the update at 13:00 is in time.
    assert clock.met is None
    assert clock.due == utc("2029-12-03T14:00-08:00")


def test_each_gap_uses_the_interval_of_the_severity_in_force_at_its_start() -> None:
    t = ticket("2", OPENED, REPLY,
               ("2029-12-03T10:30-08:00", "reclassified", "1"),
               ("2029-12-03T13:00-08:00", "update"))  # fmt: skip
    clock = one(lavi(), t, NOW).clock("periodic_update")
    assert clock is not None
    # The first gap started under Severity 2 (every 4 hours) and is met; the next one,
    # from 13:00 under Severity 1, is due at 14:00 and never closed.
    assert (clock.severity, clock.due, clock.met) == ("1", utc("2029-12-03T14:00-08:00"), False)
