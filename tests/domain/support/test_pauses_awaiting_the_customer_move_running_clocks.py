"""Clocks still running stop while support awaits the customer, when the contract says so;
the pause is measured on the clock's own terms (elapsed or open time)."""

from __future__ import annotations

from .support_examples import istockist, lavi, one, ticket, utc

NOW = "2030-01-01T00:00Z"
OPENED = "2029-12-03T08:00-08:00"  # Lavi, Monday, within business hours


def test_a_pause_moves_the_resolution_due_instant_by_its_length() -> None:
    t = ticket("2", OPENED,
               ("2029-12-03T08:30-08:00", "first_response"),
               ("2029-12-03T10:00-08:00", "awaiting_customer"),
               ("2029-12-03T13:00-08:00", "customer_replied"))  # fmt: skip
    result = one(lavi(), t, NOW)
    resolution = result.clock("resolution")
    assert resolution is not None
    # 36 hours from Monday 08:00 is Tuesday 20:00; the 3-hour pause makes it 23:00.
    assert resolution.due == utc("2029-12-04T23:00-08:00")


def test_a_pause_after_a_metric_was_achieved_leaves_it_alone() -> None:
    t = ticket("2", OPENED,
               ("2029-12-03T08:30-08:00", "first_response"),
               ("2029-12-03T08:40-08:00", "awaiting_customer"),
               ("2029-12-03T13:00-08:00", "customer_replied"))  # fmt: skip
    first_response = one(lavi(), t, NOW).clock("first_response")
    assert first_response is not None
    assert first_response.due == utc("2029-12-03T09:00-08:00")


def test_a_pause_that_starts_after_the_due_instant_rescues_nothing() -> None:
    t = ticket("1", OPENED,
               ("2029-12-03T09:00-08:00", "awaiting_customer"),
               ("2029-12-03T12:00-08:00", "customer_replied"),
               ("2029-12-03T12:05-08:00", "first_response"))  # fmt: skip
    first_response = one(lavi(), t, NOW).clock("first_response")
    assert first_response is not None
    assert first_response.due == utc("2029-12-03T08:30-08:00")
    assert first_response.met is False


def test_without_pauses_in_the_contract_the_clock_keeps_running() -> None:
    t = ticket("2", OPENED,
               ("2029-12-03T10:00-08:00", "awaiting_customer"),
               ("2029-12-03T13:00-08:00", "customer_replied"))  # fmt: skip
    resolution = one(lavi(pause=False), t, NOW).clock("resolution")
    assert resolution is not None
    assert resolution.due == utc("2029-12-04T20:00-08:00")


def test_a_pause_without_a_reply_lasts_until_now_and_leaves_the_clock_pending() -> None:
    t = ticket("1", OPENED, ("2029-12-03T08:10-08:00", "awaiting_customer"))
    first_response = one(lavi(), t, "2029-12-05T00:00Z").clock("first_response")
    assert first_response is not None
    assert first_response.met is None
    assert first_response.due > utc("2029-12-05T00:00Z")


def test_a_pause_on_a_business_clock_counts_only_its_open_time() -> None:
    # iStockist, 09:00-17:00 GMT: awaiting from 16:00 to 10:00 the next day is 2 open hours.
    t = ticket("critical", "2029-06-04T10:00Z",
               ("2029-06-04T10:30Z", "first_response"),
               ("2029-06-04T16:00Z", "awaiting_customer"),
               ("2029-06-05T10:00Z", "customer_replied"),
               id="T1", role="client_administrator")  # fmt: skip
    resolution = one(istockist(), t, NOW).clock("resolution")
    assert resolution is not None
    # 8 open hours from 10:00: 7 on the 4th, 1 on the 5th -> 10:00; plus 2 -> 12:00.
    assert resolution.due == utc("2029-06-05T12:00Z")


def test_the_part_of_a_pause_before_an_after_hours_clock_starts_is_not_counted() -> None:
    # Notice at 19:00, clocks start at 06:00; awaiting from 19:30 to 07:00 pauses 1 hour.
    t = ticket("1", "2029-12-03T19:00-08:00",
               ("2029-12-03T19:30-08:00", "awaiting_customer"),
               ("2029-12-04T07:00-08:00", "customer_replied"))  # fmt: skip
    resolution = one(lavi(), t, NOW).clock("resolution")
    assert resolution is not None
    assert resolution.due == utc("2029-12-04T11:00-08:00")
