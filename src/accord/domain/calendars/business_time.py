"""Business time on one calendar: openings, open periods, elapsed open time, deadlines.

Every function takes aware datetimes and returns aware UTC datetimes; what counts as open
is defined in `accord.domain.calendars.hours`. Instants are handled as whole microseconds
since the epoch, so results are exact to the microsecond.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

from accord.domain.calendars import zone_clock
from accord.domain.calendars.hours import (
    BusinessCalendar,
    NoOpenTime,
    day_periods,
    periods_between,
    require_aware,
)

_US = 1_000_000  # microseconds per second
_ONE_US = timedelta(microseconds=1)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_FIRST_CHUNK = 3 * zone_clock.DAY  # seconds of periods built first when walking forward
_LONGEST_CHUNK = 48 * zone_clock.DAY  # chunks double up to this
_GIVE_UP_DAYS = 3 * 366  # closed this long: the calendar is taken to never open again


def _micros(at: datetime) -> int:
    require_aware(at)
    return (at - _EPOCH) // _ONE_US


def _instant(micros: int) -> datetime:
    return _EPOCH + timedelta(microseconds=micros)


def _periods_from(cal: BusinessCalendar, at: int) -> Iterator[tuple[int, int]]:
    """Open periods (in microseconds) from the second containing `at` onwards, for ever."""
    if cal.week.open_minutes() == 0:
        raise NoOpenTime(f"calendar {cal.name!r} is never open")
    low, chunk, closed_for = at // _US, _FIRST_CHUNK, 0
    while True:
        found = periods_between(cal, low, low + chunk)
        yield from ((start * _US, end * _US) for start, end in found)
        closed_for = 0 if found else closed_for + chunk
        if closed_for > _GIVE_UP_DAYS * zone_clock.DAY:
            raise NoOpenTime(f"calendar {cal.name!r} has no open time for years after {low}")
        low += chunk
        chunk = min(2 * chunk, _LONGEST_CHUNK)  # most answers lie within the first days


def next_opening(cal: BusinessCalendar, at: datetime) -> datetime:
    """`at` itself if open, else the start of the next open period."""
    t = _micros(at)
    for start, end in _periods_from(cal, t):
        if end > t:
            return _instant(max(start, t))
    raise AssertionError("unreachable: _periods_from never ends")


def open_periods(
    cal: BusinessCalendar, start: datetime, end: datetime
) -> list[tuple[datetime, datetime]]:
    """The open periods within [start, end), in UTC, clipped to it, sorted and disjoint."""
    low, high = _micros(start), _micros(end)
    periods = periods_between(cal, low // _US, -(-high // _US))  # whole seconds around
    clipped = [(max(s * _US, low), min(e * _US, high)) for s, e in periods]
    return [(_instant(s), _instant(e)) for s, e in clipped if s < e]


def business_time_between(cal: BusinessCalendar, start: datetime, end: datetime) -> timedelta:
    """Open time elapsed from `start` to `end` (which must not come before `start`)."""
    if end < start:
        raise ValueError(f"end {end.isoformat()} comes before start {start.isoformat()}")
    return sum((e - s for s, e in open_periods(cal, start, end)), timedelta())


def add_business_time(cal: BusinessCalendar, start: datetime, duration: timedelta) -> datetime:
    """The instant at which `duration` of open time has elapsed since `start`.

    For a positive duration that is the earliest instant t with
    business_time_between(start, t) == duration, which may be the very end of an open
    period (a deadline at closing time stays at closing time). A zero duration gives
    next_opening(start): the clock has not started before the calendar opens.
    """
    if duration < timedelta():
        raise ValueError(f"a duration cannot be negative, got {duration}")
    left, t = duration // _ONE_US, _micros(start)
    if left == 0:
        return next_opening(cal, start)
    for period_start, end in _periods_from(cal, t):
        begin = max(period_start, t)
        if end <= begin:
            continue
        if end - begin >= left:
            return _instant(begin + left)
        left -= end - begin
    raise AssertionError("unreachable: _periods_from never ends")


def add_business_days(cal: BusinessCalendar, start: datetime, n: int) -> datetime:
    """The same local time `n` business dates later.

    A business date is a local date with some open time. The count starts from
    next_opening(start), so a ticket opened on Saturday counts from Monday's opening and
    a ticket opened at 20:00 counts from the next morning. The result is the first
    instant at that wall time on the n-th business date after the opening's local date
    (the first occurrence if the wall time occurs twice, the jump if it does not exist),
    moved to the next opening if the calendar is closed then (shorter hours that day).
    n = 0 gives next_opening(start).
    """
    if n < 0:
        raise ValueError(f"a number of business days cannot be negative, got {n}")
    opening = next_opening(cal, start)
    if n == 0:
        return opening
    local = opening.astimezone(zone_clock.zone(cal.zone))
    day = business_date_after(cal, local.date(), n)
    wall = timedelta(
        hours=local.hour, minutes=local.minute, seconds=local.second, microseconds=local.microsecond
    )
    segs = zone_clock.day_segments(cal.zone, day)
    target = zone_clock.first_instant_at_or_after(segs, day, wall // _ONE_US, unit=_US)
    return next_opening(cal, _instant(target))


def business_date_after(cal: BusinessCalendar, day: date, n: int) -> date:
    """The `n`-th local date after `day` with some open time (a business date)."""
    for _ in range(n):
        day = _next_business_date(cal, day)
    return day


def _next_business_date(cal: BusinessCalendar, day: date) -> date:
    for _ in range(_GIVE_UP_DAYS):
        day += timedelta(days=1)
        if day_periods(cal, day):
            return day
    raise NoOpenTime(f"calendar {cal.name!r} has no business date for years after {day}")
