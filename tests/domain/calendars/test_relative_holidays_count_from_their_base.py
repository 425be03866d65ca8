from __future__ import annotations

from datetime import date

import pytest

from accord.domain.calendars import (
    BusinessCalendar,
    CountrySet,
    ExplicitDates,
    FixedDate,
    HolidayRule,
    NthWeekday,
    Relative,
    always_open,
    holidays_in_year,
)

from .calendar_examples import THURSDAY


def _dates(rules: tuple[HolidayRule, ...], year: int) -> list[tuple[str, date]]:
    cal = BusinessCalendar("x", "UTC", always_open(), rules)
    return [(h.name, h.date) for h in holidays_in_year(cal, year)]


US_THANKSGIVING = NthWeekday("Thanksgiving", 11, THURSDAY, 4)


@pytest.mark.parametrize(
    ("year", "thursday", "friday"),
    [
        (2026, date(2026, 11, 26), date(2026, 11, 27)),
        (2029, date(2029, 11, 22), date(2029, 11, 23)),
    ],
)
def test_it_puts_the_day_after_thanksgiving_after_thanksgiving(
    year: int, thursday: date, friday: date
) -> None:
    rules = (US_THANKSGIVING, Relative("Day after", "Thanksgiving", 1))
    assert _dates(rules, year) == [("Thanksgiving", thursday), ("Day after", friday)]


def test_it_counts_backwards_across_a_new_year() -> None:
    rules = (FixedDate("New Year's Day", 1, 1), Relative("Closing day", "New Year's Day", -2))
    assert _dates(rules, 2026) == [
        ("New Year's Day", date(2026, 1, 1)),
        ("Closing day", date(2026, 12, 30)),
    ]


def test_it_follows_a_chain_of_relative_days() -> None:
    rules: tuple[HolidayRule, ...] = (
        Relative("Third", "Second", 1),  # listed before its base on purpose
        FixedDate("First", 12, 24),
        Relative("Second", "First", 1),
    )
    assert _dates(rules, 2026) == [
        ("First", date(2026, 12, 24)),
        ("Second", date(2026, 12, 25)),
        ("Third", date(2026, 12, 26)),
    ]


def test_it_shifts_every_date_of_an_explicit_list() -> None:
    rules = (
        ExplicitDates("Release", (date(2026, 3, 2), date(2026, 9, 14))),
        Relative("Release rest", "Release", 1),
    )
    assert _dates(rules, 2026) == [
        ("Release", date(2026, 3, 2)),
        ("Release rest", date(2026, 3, 3)),
        ("Release", date(2026, 9, 14)),
        ("Release rest", date(2026, 9, 15)),
    ]


def test_it_counts_from_a_country_holiday_by_its_name() -> None:
    rules = (CountrySet("US", None), Relative("Bridge", "Thanksgiving Day", 1))
    found = _dates(rules, 2029)
    assert ("Thanksgiving Day", date(2029, 11, 22)) in found
    assert ("Bridge", date(2029, 11, 23)) in found


def test_it_refuses_a_relative_day_without_a_base() -> None:
    with pytest.raises(ValueError, match="no holiday named 'Thanksgiving'"):
        BusinessCalendar("x", "UTC", always_open(), (Relative("Day after", "Thanksgiving", 1),))


def test_it_refuses_relative_days_that_count_from_each_other() -> None:
    loop = (Relative("A", "B", 1), Relative("B", "A", 1))
    with pytest.raises(ValueError, match="loop"):
        BusinessCalendar("x", "UTC", always_open(), loop)
