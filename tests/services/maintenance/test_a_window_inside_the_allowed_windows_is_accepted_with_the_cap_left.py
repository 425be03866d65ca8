"""Ethnio E1: maintenance only Friday 18:00 to Monday 03:00 Pacific, at most 24 h a month."""

from __future__ import annotations

from datetime import datetime

from services.maintenance.plans import example, plan


def test_a_friday_night_window_is_accepted_and_says_what_is_left() -> None:
    check = plan(example("ethnio"), datetime(2026, 10, 9, 20, 0), hours=4)
    assert check.accepted
    assert check.reasons == ()
    assert check.outside_allowed_seconds == 0
    (october,) = check.caps
    assert (october.window, october.cap_seconds, october.used_seconds, october.left_seconds) == (
        "2026-10", 24 * 3600, 4 * 3600, 20 * 3600,
    )  # fmt: skip
