"""Calendars and helpers shared by the table tests."""

from __future__ import annotations

from datetime import UTC, datetime

from accord.domain.calendars import (
    BusinessCalendar,
    FixedDate,
    Interval,
    NthWeekday,
    same_hours,
)

MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)


def utc(text: str) -> datetime:
    """An instant written as '2026-03-08T10:00Z'."""
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def hm(text: str) -> int:
    """'06:30' as minutes since midnight."""
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def interval(text: str) -> Interval:
    """'06:00-18:00' as an Interval."""
    start, end = text.split("-")
    return Interval(hm(start), hm(end))


# Lavi's support desk: Los Angeles, Monday to Friday 06:00-18:00, seven holidays by rule.
LAVI = BusinessCalendar(
    name="support",
    zone="America/Los_Angeles",
    week=same_hours(range(MONDAY, SATURDAY), interval("06:00-18:00")),
    holidays=(
        FixedDate("New Year's Day", 1, 1),
        NthWeekday("Memorial Day", 5, MONDAY, -1),
        FixedDate("Independence Day", 7, 4),
        NthWeekday("Labor Day", 9, MONDAY, 1),
        NthWeekday("Thanksgiving", 11, THURSDAY, -1),
        NthWeekday("Day after Thanksgiving", 11, FRIDAY, -1),
        FixedDate("Christmas Day", 12, 25),
    ),
)


def only_on(zone: str, weekday: int, hours: str) -> BusinessCalendar:
    """A calendar open only on one weekday, for looking at a single local date."""
    return BusinessCalendar("one day", zone, same_hours([weekday], interval(hours)))
