"""A contract's calendars as domain BusinessCalendars.

The model lays the weekly ranges on seven days already (`Calendar.week`), a range past
midnight continuing on the next day, so here each day's ranges become Intervals; each
holiday becomes its rule ('12-25' every year, '2026-12-24' once, 'last thursday of
november', 'day after Thanksgiving'); `country_holidays` become CountrySets; and every
iCalendar file, read relative to the contract file, becomes the closed dates it lists.

An iCalendar file lists closed days as all-day events (DTSTART;VALUE=DATE), each closing
the dates from its start up to its DTEND (one day without one); a yearly or other RRULE
repeats it until its UNTIL or COUNT, or until 2100, less its EXDATEs. A timed event is
refused: a calendar closes whole local dates, and "closed 09:00-12:00" is not one.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from accord.contracts.loader import LoadedContract
from accord.contracts.model import Calendar, Contract, Holiday, Maintenance
from accord.contracts.source import shorten
from accord.contracts.types import RelativeRule, Week
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
from accord.files import FileRefused, ReferenceRefused, read_bytes, referenced

__all__ = [
    "CalendarError",
    "business_calendar",
    "contract_calendars",
    "default_calendar_name",
    "holiday_rule",
    "maintenance_calendar",
    "read_closed_days",
    "weekly_hours",
]

_REPEAT_UNTIL = datetime(2100, 1, 1)  # an RRULE without an end repeats until then
_MOST_OCCURRENCES = 30_000  # every day from 2026 to 2100 is 27,028


class CalendarError(ValueError):
    """A calendar that cannot be built: a bad iCalendar file or inconsistent holidays."""


def contract_calendars(loaded: LoadedContract) -> dict[str, BusinessCalendar]:
    """Every calendar of the contract, by name."""
    base = loaded.path.parent
    return {
        name: business_calendar(name, calendar, base, loaded.outside_allowed)
        for name, calendar in loaded.contract.calendars.items()
    }


def default_calendar_name(contract: Contract) -> str | None:
    """The support calendar, else the only calendar; None when neither exists."""
    if contract.support is not None:
        return contract.support.calendar
    names = list(contract.calendars)
    return names[0] if len(names) == 1 else None


def business_calendar(
    name: str, calendar: Calendar, base: Path, outside_allowed: bool = False
) -> BusinessCalendar:
    """One contract calendar; iCalendar paths are relative to `base` (the contract's folder)
    and stay inside it unless `outside_allowed`."""
    week = weekly_hours(calendar.week)
    rules: list[HolidayRule] = [holiday_rule(holiday) for holiday in calendar.holidays]
    rules += [CountrySet(c.country, c.subdivision) for c in calendar.country_holidays]
    for path in calendar.ical:
        try:
            file = referenced(base, path, outside_allowed)
        except ReferenceRefused as error:
            raise CalendarError(f"calendar {name!r}: iCalendar file {path!r} is {error}") from None
        rules += read_closed_days(file)
    try:
        return BusinessCalendar(name=name, zone=calendar.zone, week=week, holidays=tuple(rules))
    except ValueError as error:
        raise CalendarError(f"calendar {name!r}: {error}") from None


def weekly_hours(week: Week) -> WeeklyHours:
    """The model's week (minute ranges on seven days) as the domain's WeeklyHours."""
    return WeeklyHours(days=tuple(tuple(Interval(a, b) for a, b in day) for day in week))


def maintenance_calendar(maintenance: Maintenance, contract_zone: str) -> BusinessCalendar | None:
    """When maintenance may run, in its zone (the contract's by default); None: any time."""
    week = maintenance.allowed_week
    if week is None:
        return None
    zone = maintenance.zone or contract_zone
    return BusinessCalendar(name="maintenance windows", zone=zone, week=weekly_hours(week))


def holiday_rule(holiday: Holiday) -> HolidayRule:
    if holiday.date is not None:
        parts = [int(part) for part in holiday.date.split("-")]
        if len(parts) == 3:
            return ExplicitDates(holiday.name, (date(*parts),))
        return FixedDate(holiday.name, parts[0], parts[1])
    rule = holiday.rule
    if isinstance(rule, RelativeRule):
        return Relative(holiday.name, rule.base, rule.offset_days)
    if rule is None or rule.month is None:  # the model requires a month in a holiday rule
        raise CalendarError(f"holiday {holiday.name!r} names no month")
    return NthWeekday(holiday.name, rule.month, rule.weekday, rule.n)


def read_closed_days(path: Path) -> list[ExplicitDates]:
    """The closed days an iCalendar file lists, one rule per event."""
    try:
        data = read_bytes(path)
    except FileRefused as error:
        raise CalendarError(f"{path}: cannot read the iCalendar file ({error})") from None
    import icalendar  # only for a contract that names iCalendar files: it costs 0.1 s

    try:
        parsed = icalendar.Calendar.from_ical(data)
    except ValueError as error:
        raise CalendarError(f"{path}: not an iCalendar file ({error})") from None
    rules = []
    for event in parsed.walk("VEVENT"):
        name = shorten(str(event.get("SUMMARY", "closed")))
        try:
            days = _closed_dates(event, f"{path}: event {name!r}")
        except (TypeError, ValueError, KeyError, OverflowError) as error:
            if isinstance(error, CalendarError):
                raise
            # icalendar raises these for values it cannot decode (a date of month 13)
            raise CalendarError(
                f"{path}: event {name!r} has a value that is not valid iCalendar"
            ) from None
        rules.append(ExplicitDates(name, tuple(sorted(days))))
    return rules


def _closed_dates(event: Any, where: str) -> set[date]:
    if "DTSTART" not in event:
        raise CalendarError(f"{where} has no DTSTART")
    start = event.decoded("DTSTART")
    if isinstance(start, datetime):
        raise CalendarError(f"{where} has a time of day; closed days are all-day events")
    length = _length_in_days(event, start, where)
    firsts = _occurrences(event, start, where) - _excluded(event)
    return {first + timedelta(days=k) for first in firsts for k in range(length)}


def _length_in_days(event: Any, start: date, where: str) -> int:
    if "DTEND" in event:
        end = event.decoded("DTEND")
        if isinstance(end, datetime):
            raise CalendarError(f"{where} ends at a time of day; closed days are all-day events")
        days = (end - start).days
    elif "DURATION" in event:
        days = event.decoded("DURATION").days
    else:
        days = 1
    if days < 1:
        raise CalendarError(f"{where} ends before it starts")
    return int(days)


def _occurrences(event: Any, start: date, where: str) -> set[date]:
    if "RRULE" not in event:
        return {start}
    text = event["RRULE"].to_ical().decode()
    frequency = str(event["RRULE"].get("FREQ", [""])[0]).upper()
    if frequency in ("SECONDLY", "MINUTELY", "HOURLY"):
        raise CalendarError(f"{where} repeats {frequency}; closed days repeat daily at most")
    from dateutil.rrule import rrulestr  # type: ignore[import-untyped]

    try:
        rule = rrulestr(text, dtstart=datetime.combine(start, time()), ignoretz=True)
    except (ValueError, OverflowError) as error:
        raise CalendarError(f"{where} has a bad RRULE {shorten(text)!r} ({error})") from None
    found: set[date] = set()
    try:
        for moment in rule.xafter(datetime.combine(start, time()), inc=True):
            if moment >= _REPEAT_UNTIL:
                break
            if len(found) == _MOST_OCCURRENCES:
                raise CalendarError(
                    f"{where} repeats more than {_MOST_OCCURRENCES} times before "
                    f"{_REPEAT_UNTIL.year}"
                )
            found.add(moment.date())
    except (ValueError, OverflowError) as error:  # dates past 9999
        raise CalendarError(f"{where} has a bad RRULE {shorten(text)!r} ({error})") from None
    return found


def _excluded(event: Any) -> set[date]:
    found = event.get("EXDATE", [])
    lists = found if isinstance(found, list) else [found]
    moments = [moment.dt for exdates in lists for moment in exdates.dts]
    return {m.date() if isinstance(m, datetime) else m for m in moments}
