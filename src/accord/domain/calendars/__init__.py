"""Business calendars: when a team is at work, and how long business time takes.

A calendar is weekly opening hours in an IANA zone, minus holidays. The rule every
function here follows:

    An instant t is open iff the local date of t (in the calendar's zone) is not a
    holiday and the local wall time of t lies in one of that weekday's intervals
    [start, end), in minutes since local midnight (end 1440 means 24:00).

Open periods are built per local date and each bound is converted to UTC with the offset
in force at that moment; days are never stepped by adding 86,400 seconds. Hence, at a
clock change:

- a bound that does not exist (spring-forward gap) maps to the instant the clock jumps,
  the first existing instant after it;
- a wall time that occurs twice (fall-back fold) is open during both occurrences when it
  lies inside an interval. 00:00-03:00 lasts 4 real hours on a fall-back day and 2 on a
  spring-forward day; 01:30-02:00 on Los Angeles' fall-back day opens twice.

Intervals crossing midnight are two intervals, one on each day. Holidays close whole
local dates; rules follow the contract's words (see `accord.domain.calendars.holidays`).
"N business days" means the same local time N business dates later (see
`add_business_days`). Everything is pure: instants come in as aware datetimes (or, for
the array forms, int64 seconds since the epoch) and go out in UTC.

Where each rule lives: `hours` (weekly hours, open periods, holidays of a year),
`holidays` (holidays by fixed date, nth or last weekday, relative to another, country
sets), `zone_clock` (local wall time mapped exactly to UTC, gaps and folds),
`business_time` (the scalar functions, the reference) and `business_time_arrays` (the same
on NumPy arrays).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from accord.domain.calendars.business_time import (
    add_business_days,
    add_business_time,
    business_time_between,
    next_opening,
    open_periods,
)
from accord.domain.calendars.holidays import (
    CountrySet,
    ExplicitDates,
    FixedDate,
    HolidayDate,
    HolidayRule,
    NthWeekday,
    Relative,
)
from accord.domain.calendars.hours import (
    BusinessCalendar,
    Interval,
    NoOpenTime,
    WeeklyHours,
    always_open,
    holidays_in_year,
    is_holiday,
    is_open,
    same_hours,
)

if TYPE_CHECKING:
    from accord.domain.calendars.business_time_arrays import (
        OpenTimeline,
        add_business_days_many,
        add_business_time_many,
        business_seconds_between_many,
        open_timeline,
    )

_ARRAYS = frozenset(
    {"OpenTimeline", "add_business_days_many", "add_business_time_many",
     "business_seconds_between_many", "open_timeline"}
)  # fmt: skip


def __getattr__(name: str) -> Any:
    """The array forms, imported when first asked for: they need NumPy, which checking a
    contract does not (importing it cost a tenth of a second at every start)."""
    if name in _ARRAYS:
        from accord.domain.calendars import business_time_arrays

        return getattr(business_time_arrays, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "BusinessCalendar",
    "CountrySet",
    "ExplicitDates",
    "FixedDate",
    "HolidayDate",
    "HolidayRule",
    "Interval",
    "NoOpenTime",
    "NthWeekday",
    "OpenTimeline",
    "Relative",
    "WeeklyHours",
    "add_business_days",
    "add_business_days_many",
    "add_business_time",
    "add_business_time_many",
    "always_open",
    "business_seconds_between_many",
    "business_time_between",
    "holidays_in_year",
    "is_holiday",
    "is_open",
    "next_opening",
    "open_periods",
    "open_timeline",
    "same_hours",
]
