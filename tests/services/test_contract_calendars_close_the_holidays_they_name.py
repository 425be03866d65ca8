from __future__ import annotations

from datetime import UTC, date, datetime

from accord.domain.calendars import is_holiday, is_open
from accord.services.calendars import contract_calendars

from .conftest import example


def test_lavi_business_hours_close_on_the_last_thursday_and_friday_of_november() -> None:
    business = contract_calendars(example("lavi-qtrac"))["business"]
    assert is_holiday(business, date(2029, 11, 29))  # the last Thursday, not Thanksgiving
    assert not is_holiday(business, date(2029, 11, 22))
    assert is_holiday(business, date(2026, 11, 27))
    assert is_holiday(business, date(2026, 12, 25))


def test_lavi_business_hours_open_at_six_pacific_on_weekdays() -> None:
    business = contract_calendars(example("lavi-qtrac"))["business"]
    assert is_open(business, datetime(2026, 10, 5, 13, tzinfo=UTC))  # 06:00 PDT, a Monday
    assert not is_open(business, datetime(2026, 10, 5, 12, 59, tzinfo=UTC))
    assert not is_open(business, datetime(2026, 10, 4, 18, tzinfo=UTC))  # a Sunday


def test_letsignit_after_hours_calendar_runs_past_midnight_into_the_next_day() -> None:
    after_hours = contract_calendars(example("letsignit"))["after_hours"]
    assert is_open(after_hours, datetime(2026, 10, 6, 21, 30, tzinfo=UTC))  # 23:30 Paris
    assert is_open(after_hours, datetime(2026, 10, 7, 4, tzinfo=UTC))  # 06:00 Paris
    assert not is_open(after_hours, datetime(2026, 10, 7, 8, tzinfo=UTC))  # 10:00 Paris
