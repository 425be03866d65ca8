"""Maintenance during the support calendar's business hours is pointed out, day by day."""

from __future__ import annotations

from datetime import date, datetime

from services.maintenance.plans import example, plan


def test_lavi_maintenance_on_a_wednesday_morning_touches_that_business_day() -> None:
    check = plan(example("lavi-qtrac"), datetime(2026, 10, 14, 10, 0), hours=2)
    assert check.protected_days == (date(2026, 10, 14),)


def test_lavi_maintenance_on_thanksgiving_touches_no_business_day() -> None:
    check = plan(example("lavi-qtrac"), datetime(2026, 11, 26, 10, 0), hours=2)
    assert check.protected_days == ()


def test_a_support_calendar_open_around_the_clock_protects_no_day() -> None:
    check = plan(example("ethnio"), datetime(2026, 10, 9, 20, 0), hours=4)
    assert check.protected_days == ()
