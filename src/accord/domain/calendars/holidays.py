"""Holidays by rule, evaluated for one year at a time.

Rules follow the contract's words literally: "the last Thursday of November" is the last
Thursday, which is not US Thanksgiving in years when November has five Thursdays (2029:
the 29th, while Thanksgiving is the 22nd). A rule that names a day a year does not have
(the fifth Monday of a month with four, the 29th of February) gives no holiday that year.
No observed-day shifting happens unless a rule says so.
"""

from __future__ import annotations

import calendar
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache


@dataclass(frozen=True, order=True)
class HolidayDate:
    """One closed date of a calendar."""

    date: date  # the local date that is closed
    name: str  # the holiday's name, as the rule or the country data gives it


@dataclass(frozen=True)
class FixedDate:
    """The same month and day every year, e.g. 25 December."""

    name: str  # e.g. "Christmas Day"
    month: int  # 1..12
    day: int  # 1..31; 29 February occurs in leap years only

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"{self.name}: month must be 1..12, got {self.month}")
        if not 1 <= self.day <= calendar.monthrange(2024, self.month)[1]:  # 2024: leap year
            raise ValueError(f"{self.name}: day {self.day} does not exist in month {self.month}")


@dataclass(frozen=True)
class NthWeekday:
    """The n-th (or, with n = -1, the last) given weekday of a month."""

    name: str  # e.g. "Memorial Day"
    month: int  # 1..12
    weekday: int  # Monday = 0 .. Sunday = 6
    n: int  # 1..5, or -1 for the last one in the month

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"{self.name}: month must be 1..12, got {self.month}")
        if not 0 <= self.weekday <= 6:
            raise ValueError(f"{self.name}: weekday must be 0 (Monday)..6, got {self.weekday}")
        if self.n not in (1, 2, 3, 4, 5, -1):
            raise ValueError(f"{self.name}: n must be 1..5 or -1 (last), got {self.n}")


@dataclass(frozen=True)
class Relative:
    """A day at a fixed distance from another holiday of the same calendar."""

    name: str  # e.g. "Day after Thanksgiving"
    base: str  # the name of the other holiday (a rule's name or a country holiday's name)
    offset_days: int  # +1 for the day after, -1 for the day before


@dataclass(frozen=True)
class CountrySet:
    """The public holidays of a country (and subdivision) from the `holidays` package."""

    country: str  # ISO 3166 code, e.g. "US"
    subdivision: str | None  # e.g. "CA"; None for the national holidays only

    def __post_init__(self) -> None:
        _check_country(self.country, self.subdivision)


@lru_cache(maxsize=64)
def _check_country(country: str, subdivision: str | None) -> None:
    import holidays as holiday_data  # imported when a country is named: it costs 0.1 s

    try:
        holiday_data.country_holidays(country, subdiv=subdivision)
    except NotImplementedError as error:
        raise ValueError(str(error)) from None


@dataclass(frozen=True)
class ExplicitDates:
    """Closed dates listed one by one (from a contract or an iCalendar file)."""

    name: str  # the name given to each date
    dates: tuple[date, ...]  # the closed dates, any order


HolidayRule = FixedDate | NthWeekday | Relative | CountrySet | ExplicitDates


def check_rules(rules: Iterable[HolidayRule]) -> None:
    """Fail loudly on a Relative rule whose base cannot exist or that refers to itself."""
    rules = tuple(rules)
    named: dict[str, HolidayRule] = {
        rule.name: rule for rule in rules if not isinstance(rule, CountrySet)
    }
    has_country = any(isinstance(rule, CountrySet) for rule in rules)
    for rule in rules:
        if isinstance(rule, Relative):
            if rule.base not in named and not has_country:
                raise ValueError(f"{rule.name}: no holiday named {rule.base!r} to count from")
            _check_no_cycle(rule, named)


def _check_no_cycle(rule: Relative, named: dict[str, HolidayRule]) -> None:
    seen = {rule.name}
    current: HolidayRule | None = named.get(rule.base)
    while isinstance(current, Relative):
        if current.name in seen:
            raise ValueError(f"{rule.name}: relative holidays refer to each other in a loop")
        seen.add(current.name)
        current = named.get(current.base)


def holidays_for_rules(rules: tuple[HolidayRule, ...], year: int) -> list[HolidayDate]:
    """The holidays that `rules` give in `year`, sorted by date, without duplicates."""
    found = _holidays_around(rules, year)
    return sorted({holiday for holiday in found if holiday.date.year == year})


@lru_cache(maxsize=1024)
def _holidays_around(rules: tuple[HolidayRule, ...], year: int) -> tuple[HolidayDate, ...]:
    # A relative holiday of `year` may come from a base in the year before or after
    # ("the day after 31 December"), so bases are evaluated over three years.
    found = [h for y in (year - 1, year, year + 1) for r in rules for h in _direct(r, y)]
    pending = [rule for rule in rules if isinstance(rule, Relative)]
    while pending:  # a relative rule waits for the relative rule it counts from
        waiting = {rule.name for rule in pending}
        ready = [rule for rule in pending if rule.base not in waiting]
        if not ready:
            raise ValueError("relative holidays refer to each other in a loop")
        for rule in ready:
            step = timedelta(days=rule.offset_days)
            found += [HolidayDate(h.date + step, rule.name) for h in found if h.name == rule.base]
        pending = [rule for rule in pending if rule not in ready]
    return tuple(found)


def _direct(rule: HolidayRule, year: int) -> list[HolidayDate]:
    match rule:
        case FixedDate(name=name, month=month, day=day):
            if day > calendar.monthrange(year, month)[1]:
                return []
            return [HolidayDate(date(year, month, day), name)]
        case NthWeekday():
            found = nth_weekday(year, rule.month, rule.weekday, rule.n)
            return [] if found is None else [HolidayDate(found, rule.name)]
        case CountrySet(country=country, subdivision=subdivision):
            return list(_country(country, subdivision, year))
        case ExplicitDates(name=name, dates=dates):
            return [HolidayDate(day, name) for day in dates if day.year == year]
        case Relative():
            return []


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date | None:
    """The n-th `weekday` of the month (n = -1: the last), or None if there is none."""
    first = date(year, month, 1)
    first_match = first + timedelta(days=(weekday - first.weekday()) % 7)
    days_in_month = calendar.monthrange(year, month)[1]
    count = (days_in_month - first_match.day) // 7 + 1  # how many such weekdays
    index = count - 1 if n == -1 else n - 1
    if index >= count:
        return None
    return first_match + timedelta(weeks=index)


@lru_cache(maxsize=256)
def _country(country: str, subdivision: str | None, year: int) -> tuple[HolidayDate, ...]:
    import holidays as holiday_data

    with warnings.catch_warnings():
        # Outside the years a country's table is vouched for, the package warns and still
        # applies its rules; the same rules are the best reading of a contract that far
        # out, and a warning must not reach a statement or a terminal as stray text.
        warnings.simplefilter("ignore", UserWarning)
        table = holiday_data.country_holidays(country, subdiv=subdivision, years=year)
    return tuple(HolidayDate(day, name) for day in sorted(table) for name in table.get_list(day))
