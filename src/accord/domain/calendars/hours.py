"""Business calendars: weekly opening hours in a zone, minus holidays.

An instant t is open iff the local date of t (in the calendar's zone) is not a holiday and
the local wall time of t lies in one of that weekday's intervals [start, end). Open periods
are built per local date and each bound is mapped to UTC with the offset in force, so:

- a bound that does not exist (spring-forward gap) maps to the instant the clock jumps;
- a wall time that occurs twice (fall-back fold) is open during both occurrences, so
  00:00-03:00 lasts 4 real hours on a fall-back day and 2 on a spring-forward day, and
  01:30-02:00 in Los Angeles on a fall-back day is open twice, 30 minutes each time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfoNotFoundError

from accord.domain.calendars import zone_clock
from accord.domain.calendars.holidays import (
    HolidayDate,
    HolidayRule,
    check_rules,
    holidays_for_rules,
)

Period = tuple[int, int]  # [start, end) in UTC seconds since the epoch
MINUTES_PER_DAY = 1440


class NoOpenTime(ValueError):
    """A calendar that never opens, or not again within the years a search may look."""


@dataclass(frozen=True, order=True)
class Interval:
    """Opening hours within one local day."""

    start: int  # minutes since local midnight, 0..1439
    end: int  # minutes since local midnight, after start, up to 1440 (24:00)

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end <= MINUTES_PER_DAY:
            raise ValueError(f"an interval needs 0 <= start < end <= 1440, got {self}")


@dataclass(frozen=True)
class WeeklyHours:
    """Opening hours for each weekday."""

    days: tuple[tuple[Interval, ...], ...]  # seven entries, Monday first; each sorted, disjoint

    def __post_init__(self) -> None:
        if len(self.days) != 7:
            raise ValueError(f"weekly hours need 7 days (Monday first), got {len(self.days)}")
        for intervals in self.days:
            for before, after in zip(intervals, intervals[1:], strict=False):
                if after.start < before.end:
                    raise ValueError(f"intervals must be sorted and disjoint: {intervals}")

    def open_minutes(self) -> int:
        """Minutes open in a week without holidays or clock changes."""
        return sum(iv.end - iv.start for intervals in self.days for iv in intervals)


def always_open() -> WeeklyHours:
    """Open around the clock, every day."""
    return WeeklyHours(days=((Interval(0, MINUTES_PER_DAY),),) * 7)


def same_hours(weekdays: Iterable[int], *intervals: Interval) -> WeeklyHours:
    """The same intervals on each of `weekdays` (Monday = 0), closed on the others."""
    chosen = set(weekdays)
    return WeeklyHours(days=tuple(tuple(intervals) if d in chosen else () for d in range(7)))


@dataclass(frozen=True)
class BusinessCalendar:
    """When a team is at work: weekly hours in a zone, minus holidays."""

    name: str  # as the contract names it, e.g. "support"
    zone: str  # IANA zone of the hours and of the holidays' dates
    week: WeeklyHours  # opening hours per weekday, local wall time
    holidays: tuple[HolidayRule, ...] = ()  # closed local dates

    def __post_init__(self) -> None:
        try:
            zone_clock.zone(self.zone)
        except (ZoneInfoNotFoundError, ValueError, OSError):  # 'Europe' is a folder of zones
            raise ValueError(f"unknown time zone {self.zone!r}") from None
        check_rules(self.holidays)

    @property
    def always_open(self) -> bool:
        """Open every minute of every day with no holiday: open time is elapsed time."""
        return self.week == always_open() and not self.holidays


def holidays_in_year(cal: BusinessCalendar, year: int) -> list[HolidayDate]:
    """The calendar's holidays in `year`, sorted by date."""
    return holidays_for_rules(cal.holidays, year)


@lru_cache(maxsize=1024)
def _closed_dates(cal: BusinessCalendar, year: int) -> frozenset[date]:
    return frozenset(holiday.date for holiday in holidays_in_year(cal, year))


def is_holiday(cal: BusinessCalendar, day: date) -> bool:
    return day in _closed_dates(cal, day.year)


def require_aware(at: datetime) -> None:
    if at.utcoffset() is None:
        raise ValueError(f"expected an aware datetime, got naive {at.isoformat()}")


def is_open(cal: BusinessCalendar, at: datetime) -> bool:
    """Whether `at` (aware) is within the calendar's open hours."""
    require_aware(at)
    local = at.astimezone(zone_clock.zone(cal.zone))
    if is_holiday(cal, local.date()):
        return False
    wall = timedelta(
        hours=local.hour, minutes=local.minute, seconds=local.second, microseconds=local.microsecond
    )
    return any(
        timedelta(minutes=iv.start) <= wall < timedelta(minutes=iv.end)
        for iv in cal.week.days[local.weekday()]
    )


def day_periods(cal: BusinessCalendar, day: date) -> list[Period]:
    """The open periods of local date `day` in UTC, sorted and merged."""
    if is_holiday(cal, day):
        return []
    return _hours_of(cal, day)


def _hours_of(cal: BusinessCalendar, day: date) -> list[Period]:
    """The open periods of `day`'s weekly hours, holidays aside."""
    intervals = cal.week.days[day.weekday()]
    if not intervals:
        return []
    segs = zone_clock.day_segments(cal.zone, day)
    pieces = [
        (start, end)
        for iv in intervals
        for start, end, _ in zone_clock.wall_range_to_utc(segs, day, iv.start * 60, iv.end * 60)
    ]
    return merge(pieces)


def periods_between(cal: BusinessCalendar, start: int, end: int) -> list[Period]:
    """The open periods within [start, end) (UTC seconds), sorted, merged and clipped."""
    if start >= end:
        return []
    # A local date runs at most a day before or after the UTC dates it overlaps.
    day = zone_clock.local_date(cal.zone, start) - timedelta(days=1)
    last = zone_clock.local_date(cal.zone, end) + timedelta(days=1)
    closed = {year: _closed_dates(cal, year) for year in range(day.year, last.year + 1)}
    pieces: list[Period] = []
    while day <= last:
        if day not in closed[day.year]:
            pieces += _hours_of(cal, day)
        day += timedelta(days=1)
    clipped = [(max(s, start), min(e, end)) for s, e in pieces]
    return merge([(s, e) for s, e in clipped if s < e])


def merge(periods: list[Period]) -> list[Period]:
    """Sort and join periods that overlap or touch."""
    merged: list[Period] = []
    for start, end in sorted(periods):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
