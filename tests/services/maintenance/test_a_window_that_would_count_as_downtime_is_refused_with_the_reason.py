"""A plan the contract would not excuse is refused, and the reason says why."""

from __future__ import annotations

from datetime import datetime

from services.maintenance.plans import example, plan


def test_a_wednesday_window_falls_outside_the_weekend_window() -> None:
    check = plan(example("ethnio"), datetime(2026, 10, 14, 10, 0), hours=2)
    assert not check.accepted
    assert check.outside_allowed_seconds == 7200
    assert check.downtime_seconds == 7200
    assert check.reasons == (
        "2 h outside the contract's allowed windows",
        "2 h would count as downtime",
    )


def test_a_window_straddling_the_end_of_the_allowed_window_counts_only_its_tail() -> None:
    # Monday 01:00-05:00 Pacific: the window closes at 03:00.
    check = plan(example("ethnio"), datetime(2026, 10, 12, 1, 0), hours=4)
    assert check.outside_allowed_seconds == check.downtime_seconds == 7200


def test_fridays_beyond_the_monthly_cap_are_refused_for_the_month_they_exceed() -> None:
    # Five Friday nights of 8 h in October 2026: 40 h against a cap of 24 h.
    check = plan(example("ethnio"), datetime(2026, 10, 2, 19, 0), 8, "FREQ=WEEKLY;BYDAY=FR;COUNT=5")
    assert not check.accepted
    (october,) = check.caps
    assert october.used_seconds == 24 * 3600 and october.left_seconds == 0
    assert october.downtime_seconds == check.downtime_seconds == 16 * 3600
    assert check.reasons[0] == "2026-10: beyond the month's cap of 24 h"


def test_lavi_excuses_any_window_within_its_six_hour_cap() -> None:
    check = plan(example("lavi-qtrac"), datetime(2026, 10, 14, 10, 0), hours=2)
    assert check.accepted
    assert check.caps[0].left_seconds == 4 * 3600
