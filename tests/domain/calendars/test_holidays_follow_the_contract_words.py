from __future__ import annotations

from datetime import date

import pytest

from accord.domain.calendars import BusinessCalendar, FixedDate, NthWeekday, holidays_in_year

from .calendar_examples import LAVI, MONDAY

# Read off printed calendars for each year (the last Thursday of November 2028 is the
# 30th, so that year the "day after" rule, the last Friday, falls six days *before* it).
LAVI_HOLIDAYS = {
    2026: ["01-01", "05-25", "07-04", "09-07", "11-26", "11-27", "12-25"],
    2027: ["01-01", "05-31", "07-04", "09-06", "11-25", "11-26", "12-25"],
    2028: ["01-01", "05-29", "07-04", "09-04", "11-24", "11-30", "12-25"],
    2029: ["01-01", "05-28", "07-04", "09-03", "11-29", "11-30", "12-25"],
    2030: ["01-01", "05-27", "07-04", "09-02", "11-28", "11-29", "12-25"],
}


@pytest.mark.parametrize("year", sorted(LAVI_HOLIDAYS))
def test_it_lists_the_lavi_holidays_of_a_year_in_date_order(year: int) -> None:
    found = [h.date for h in holidays_in_year(LAVI, year)]
    assert found == [date.fromisoformat(f"{year}-{md}") for md in LAVI_HOLIDAYS[year]]


def test_it_reads_last_thursday_literally_when_november_has_five() -> None:
    # US Thanksgiving 2029 is the fourth Thursday, 22 November; the contract says "last".
    names = {h.date: h.name for h in holidays_in_year(LAVI, 2029)}
    assert names[date(2029, 11, 29)] == "Thanksgiving"
    assert date(2029, 11, 22) not in names


def test_it_gives_no_holiday_for_a_fifth_weekday_the_month_lacks() -> None:
    rule = NthWeekday("Fifth Monday", 3, MONDAY, 5)
    cal = BusinessCalendar("x", "UTC", LAVI.week, (rule,))
    assert [h.date for h in holidays_in_year(cal, 2026)] == [date(2026, 3, 30)]
    assert holidays_in_year(cal, 2028) == []  # March 2028 has four Mondays


def test_it_keeps_29_february_to_leap_years() -> None:
    cal = BusinessCalendar("x", "UTC", LAVI.week, (FixedDate("Leap day", 2, 29),))
    assert holidays_in_year(cal, 2027) == []
    assert [h.date for h in holidays_in_year(cal, 2028)] == [date(2028, 2, 29)]
