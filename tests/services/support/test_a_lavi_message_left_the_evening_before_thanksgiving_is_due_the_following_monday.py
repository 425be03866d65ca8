"""Lavi V1 closes "Thanksgiving Day - Last Thursday in November" and the last Friday, taken
literally. In 2029 these are the 29th and the 30th (US Thanksgiving is the 22nd), so a
message left on Wednesday the 28th is answered in the first hour of Monday 3 December."""

from __future__ import annotations

from .lavi_messages import at, first_response


def test_a_severity_3_message_on_the_evening_before_the_last_thursday_waits_for_monday() -> None:
    clock = first_response("3", "2029-11-28T20:00-08:00")
    assert clock.due == at("2029-12-03T07:00-08:00")


def test_the_evening_before_us_thanksgiving_is_an_ordinary_evening_that_year() -> None:
    # Thursday 22 November 2029 is not the last Thursday: a business day under V1's words.
    clock = first_response("3", "2029-11-21T20:00-08:00")
    assert clock.due == at("2029-11-22T07:00-08:00")
