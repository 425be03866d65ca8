"""A brute-force oracle for business calendars, simple enough to be obviously right.

It walks a window of UTC minutes, converts each minute to local time with zoneinfo, and
applies the definition: a minute is open iff its local date is not a holiday and its
local wall time lies in one of that weekday's intervals. Holidays are found by walking
the days of the month, independently of the code under test. Minute-aligned instants in
zones whose offsets are whole minutes make every minute wholly open or wholly closed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays as holiday_data
import numpy as np
from numpy.typing import NDArray

from accord.domain.calendars import (
    BusinessCalendar,
    CountrySet,
    ExplicitDates,
    FixedDate,
    HolidayRule,
    NthWeekday,
    Relative,
)

MINUTE = 60


@dataclass(frozen=True, eq=False)
class LocalMinutes:
    """The local reading of each UTC minute of a window."""

    start: int  # first minute of the window, UTC seconds
    dates: tuple[date, ...]  # local date of each minute
    ordinals: NDArray[np.int64]  # the same dates as proleptic ordinals
    weekdays: NDArray[np.int64]  # their weekdays, Monday = 0
    walls: NDArray[np.int64]  # local wall time of each minute, minutes since midnight

    @property
    def end(self) -> int:
        return self.start + MINUTE * len(self.dates)


@lru_cache(maxsize=64)
def local_minutes(zone: str, start: int, count: int) -> LocalMinutes:
    tz = ZoneInfo(zone)
    dates, walls = [], []
    for k in range(count):
        local = datetime.fromtimestamp(start + MINUTE * k, UTC).astimezone(tz)
        assert local.second == 0, "the oracle needs zones whose offsets are whole minutes"
        dates.append(local.date())
        walls.append(local.hour * 60 + local.minute)
    return LocalMinutes(
        start=start,
        dates=tuple(dates),
        ordinals=np.array([d.toordinal() for d in dates]),
        weekdays=np.array([d.weekday() for d in dates]),
        walls=np.array(walls),
    )


def holiday_dates(rules: tuple[HolidayRule, ...], years: range) -> set[date]:
    """The dates `rules` close in `years`, found by walking days, not by formulas."""
    by_name: dict[str, set[date]] = {}
    wide = range(years.start - 1, years.stop + 1)  # relative rules reach across a new year
    for rule in rules:
        for year in wide:
            for name, day in _direct(rule, year):
                by_name.setdefault(name, set()).add(day)
    relatives = [rule for rule in rules if isinstance(rule, Relative)]
    for _ in relatives:  # enough passes for any chain of relative rules
        for rule in relatives:
            shifted = {d + timedelta(days=rule.offset_days) for d in by_name.get(rule.base, ())}
            by_name.setdefault(rule.name, set()).update(shifted)
    return {day for days in by_name.values() for day in days if day.year in years}


def _direct(rule: HolidayRule, year: int) -> list[tuple[str, date]]:
    if isinstance(rule, FixedDate):
        try:
            return [(rule.name, date(year, rule.month, rule.day))]
        except ValueError:  # 29 February in a common year
            return []
    if isinstance(rule, NthWeekday):
        month_days = [date(year, rule.month, 1) + timedelta(days=k) for k in range(31)]
        matching = [d for d in month_days if d.month == rule.month and d.weekday() == rule.weekday]
        if rule.n == -1:
            return [(rule.name, matching[-1])]
        return [(rule.name, matching[rule.n - 1])] if rule.n <= len(matching) else []
    if isinstance(rule, ExplicitDates):
        return [(rule.name, d) for d in rule.dates if d.year == year]
    if isinstance(rule, CountrySet):
        return list(_country(rule.country, rule.subdivision, year))
    return []


@lru_cache(maxsize=64)
def _country(country: str, subdivision: str | None, year: int) -> tuple[tuple[str, date], ...]:
    table = holiday_data.country_holidays(country, subdiv=subdivision, years=year)
    return tuple((name, d) for d in table for name in table.get_list(d))


@dataclass(frozen=True)
class Oracle:
    """Which minutes of a window are open, and the answers that follow from that."""

    window: LocalMinutes
    open: NDArray[np.bool_]  # open[k]: the minute starting at window.start + 60 k is open

    def index(self, at: int) -> int:
        assert at % MINUTE == 0 and self.window.start <= at <= self.window.end
        return (at - self.window.start) // MINUTE

    def is_open(self, at: int) -> bool:
        return bool(self.open[self.index(at)])

    def open_seconds(self, start: int, end: int) -> int:
        return MINUTE * int(self.open[self.index(start) : self.index(end)].sum())

    def next_opening(self, at: int) -> int | None:
        """The first open minute at or after `at`; None if the window has none."""
        for k in range(self.index(at), len(self.open)):
            if self.open[k]:
                return self.window.start + MINUTE * k
        return None

    def add(self, at: int, seconds: int) -> int | None:
        """When `seconds` of open time have elapsed since `at`; None if beyond the window."""
        if seconds == 0:
            return self.next_opening(at)
        left = seconds // MINUTE
        for k in range(self.index(at), len(self.open)):
            left -= int(self.open[k])
            if left == 0:
                return self.window.start + MINUTE * (k + 1)
        return None


def oracle(cal: BusinessCalendar, start: int, minutes: int) -> Oracle:
    window = local_minutes(cal.zone, start, minutes)
    years = range(window.dates[0].year, window.dates[-1].year + 1)
    closed = holiday_dates(cal.holidays, years)
    # The definition, minute by minute, written with arrays so that it runs fast.
    in_hours = np.zeros(len(window.dates), dtype=bool)
    for weekday, intervals in enumerate(cal.week.days):
        for iv in intervals:
            in_hours |= (
                (window.weekdays == weekday) & (iv.start <= window.walls) & (window.walls < iv.end)
            )
    on_holiday = np.isin(window.ordinals, [d.toordinal() for d in closed])
    return Oracle(window=window, open=in_hours & ~on_holiday)
