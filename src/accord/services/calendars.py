"""A contract's calendars, asked directly: its holidays in a year, and deadlines on them.

The use cases behind `accord calendar holidays` and `accord calendar due`. A calendar is
named, else the contract's support calendar is meant.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from accord.contracts.calendars import CalendarError, business_calendar, default_calendar_name
from accord.contracts.loader import LoadedContract
from accord.contracts.types import Duration
from accord.domain.calendars import BusinessCalendar, HolidayDate, NoOpenTime, holidays_in_year
from accord.domain.support import allowance_end
from accord.services.terms import UncountableTerm
from accord.services.terms.support import clock_rule

__all__ = [
    "CalendarUnusable",
    "Deadline",
    "Holidays",
    "UnknownCalendar",
    "calendar_of",
    "due",
    "holidays",
]


class CalendarUnusable(ValueError):
    """A calendar that cannot answer: it never opens, or its files are bad."""


class UnknownCalendar(CalendarUnusable):
    """The contract has no such calendar (or no support calendar to default to)."""


@dataclass(frozen=True)
class Deadline:
    at: datetime  # UTC
    zone: str  # the calendar's zone, for showing it


def calendar_of(loaded: LoadedContract, name: str | None) -> BusinessCalendar:
    """The named calendar of the contract, or its support calendar."""
    calendars = loaded.contract.calendars
    chosen = name or default_calendar_name(loaded.contract)
    known = ", ".join(calendars) or "none"
    if chosen is None:
        raise UnknownCalendar(f"no support calendar; choose one with --calendar ({known})")
    if chosen not in calendars:
        raise UnknownCalendar(f"unknown calendar {chosen!r}; the contract's calendars: {known}")
    try:
        return business_calendar(chosen, calendars[chosen], loaded.path.parent)
    except CalendarError as error:
        raise CalendarUnusable(str(error)) from None


@dataclass(frozen=True)
class Holidays:
    calendar: str  # the calendar's name
    zone: str  # its zone
    year: int
    dates: tuple[HolidayDate, ...]  # in date order


def holidays(loaded: LoadedContract, name: str | None, year: int) -> Holidays:
    """The calendar's holidays in `year`, in date order."""
    calendar = calendar_of(loaded, name)
    return Holidays(calendar.name, calendar.zone, year, tuple(holidays_in_year(calendar, year)))


def due(loaded: LoadedContract, name: str | None, start: datetime, add: Duration) -> Deadline:
    """When `add` of the calendar's business time has passed since `start`.

    Hours and minutes count open time; days and business days count business dates (the
    same local time N business dates later); weeks count a regular week's open time.
    """
    calendar = calendar_of(loaded, name)
    try:
        rule = clock_rule(add, None, "business", calendar, "--add")
        return Deadline(allowance_end(rule, start), calendar.zone)
    except (UncountableTerm, NoOpenTime) as error:
        raise CalendarUnusable(str(error)) from None
