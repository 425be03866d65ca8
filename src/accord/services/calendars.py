"""A contract's calendars as the calendar engine's values.

The only place that maps the pydantic `Calendar` onto `BusinessCalendar`: weekly hours
as laid out by the model (ranges past midnight continue on the next day), holidays by
fixed date, one-off date, rule or country. One-off dates ('2026-12-24') become listed
dates; yearly ones ('12-25') a fixed date.
"""

from __future__ import annotations

from datetime import date

from accord.contracts.loader import LoadedContract
from accord.contracts.model import Calendar, Holiday
from accord.contracts.types import NthWeekdayRule
from accord.domain.calendars import (
    BusinessCalendar,
    CountrySet,
    ExplicitDates,
    FixedDate,
    HolidayRule,
    Interval,
    NthWeekday,
    Relative,
    WeeklyHours,
)

__all__ = ["CalendarUnsupported", "business_calendar", "contract_calendars"]


class CalendarUnsupported(ValueError):
    """A calendar the evaluation cannot build yet (e.g. iCalendar files)."""


def contract_calendars(loaded: LoadedContract) -> dict[str, BusinessCalendar]:
    return {
        name: business_calendar(name, calendar)
        for name, calendar in loaded.contract.calendars.items()
    }


def business_calendar(name: str, calendar: Calendar) -> BusinessCalendar:
    if calendar.ical:
        raise CalendarUnsupported(
            f"calendar {name!r}: closed days from iCalendar files are not read by the "
            "evaluation; list them as holidays"
        )
    week = WeeklyHours(tuple(tuple(Interval(s, e) for s, e in day) for day in calendar.week))
    rules: list[HolidayRule] = [_holiday(h) for h in calendar.holidays]
    rules += [CountrySet(c.country, c.subdivision) for c in calendar.country_holidays]
    return BusinessCalendar(name=name, zone=calendar.zone, week=week, holidays=tuple(rules))


def _holiday(holiday: Holiday) -> HolidayRule:
    if holiday.date is not None:
        parts = [int(p) for p in holiday.date.split("-")]
        if len(parts) == 3:
            return ExplicitDates(holiday.name, (date(*parts),))
        return FixedDate(holiday.name, parts[0], parts[1])
    rule = holiday.rule
    if isinstance(rule, NthWeekdayRule):
        assert rule.month is not None  # a holiday rule names its month (the model says so)
        return NthWeekday(holiday.name, rule.month, rule.weekday, rule.n)
    assert rule is not None  # a holiday has a date or a rule (the model says so)
    return Relative(holiday.name, rule.base, rule.offset_days)
