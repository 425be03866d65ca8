"""RRULE windows keep their local wall time across DST; the transitions are written out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from accord.services.maintenance_plan import occurrences
from services.maintenance.plans import example, plan


def test_friday_19_00_pacific_is_02_00_utc_before_1_november_2026_and_03_00_after() -> None:
    # US clocks fall back on Sunday 1 November 2026 at 02:00 PDT (09:00 UTC).
    windows = occurrences(datetime(2026, 10, 23, 19, 0), timedelta(hours=8),
                          "FREQ=WEEKLY;BYDAY=FR;COUNT=3", "America/Los_Angeles")  # fmt: skip
    assert [w.start for w in windows] == [
        datetime(2026, 10, 24, 2, 0, tzinfo=UTC),
        datetime(2026, 10, 31, 2, 0, tzinfo=UTC),
        datetime(2026, 11, 7, 3, 0, tzinfo=UTC),
    ]
    assert all(w.end - w.start == timedelta(hours=8) for w in windows)


def test_a_weekend_window_over_the_clock_change_stays_inside_the_allowed_window() -> None:
    # Saturday 31 October 22:00 PDT for 30 h of elapsed time: until Monday 03:00 PST.
    check = plan(example("ethnio"), datetime(2026, 10, 31, 22, 0), hours=30)
    assert check.outside_allowed_seconds == 0
    # One hour more crosses Monday 03:00 PST: the extra hour is outside.
    longer = plan(example("ethnio"), datetime(2026, 10, 31, 22, 0), hours=31)
    assert longer.outside_allowed_seconds == 3600


def test_a_wall_time_skipped_by_spring_forward_falls_an_hour_later() -> None:
    # Paris skips 02:00-03:00 on Sunday 29 March 2026 (01:00 UTC).
    (window,) = occurrences(datetime(2026, 3, 29, 2, 30), timedelta(hours=1), None,
                            "Europe/Paris")  # fmt: skip
    assert window.start == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # 03:30 CEST


def test_a_wall_time_that_occurs_twice_is_the_first_of_the_two() -> None:
    # Paris repeats 02:00-03:00 on Sunday 25 October 2026; the first 02:30 is CEST.
    (window,) = occurrences(datetime(2026, 10, 25, 2, 30), timedelta(hours=1), None,
                            "Europe/Paris")  # fmt: skip
    assert window.start == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
