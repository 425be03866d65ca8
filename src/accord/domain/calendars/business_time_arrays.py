"""Deadlines and elapsed open time for many instants at once, on NumPy arrays.

The open periods over the horizon the inputs need are laid out once as sorted UTC arrays,
with the open seconds accumulated before each period. A query is then a binary search
(`np.searchsorted`) plus a little arithmetic, with no Python loop per element. Instants
and durations are whole seconds (int64, seconds since the epoch for instants).

The scalar functions of `accord.domain.calendars.business_time` are the reference: for whole
seconds, add_business_time_many(cal, s, d)[k] is add_business_time(cal, s[k], d[k]), and
add_business_days_many(cal, s, n)[k] is add_business_days(cal, s[k], n[k]).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import numpy as np
from numpy.typing import ArrayLike, NDArray

from accord.domain.calendars import zone_clock
from accord.domain.calendars.business_time import business_date_after
from accord.domain.calendars.hours import BusinessCalendar, NoOpenTime, periods_between
from accord.domain.calendars.zone_clock import DAY

Seconds = NDArray[np.int64]
_EPOCH_DAY = date(1970, 1, 1)
_LATEST = int(np.iinfo(np.int64).max)  # later than any instant
_WEEK = 7 * DAY
_LONGEST_HORIZON = 200 * 366 * DAY  # searching further means the answers do not exist


@dataclass(frozen=True, eq=False)
class OpenTimeline:
    """A calendar's open periods over [low, high), ready for binary search."""

    low: int  # first instant covered, UTC seconds
    high: int  # first instant not covered, UTC seconds
    starts: Seconds  # period starts, ascending
    ends: Seconds  # period ends; ends[k] <= starts[k + 1]
    before: Seconds  # open seconds before period k; one more entry holds the total


_BLOCK = 1 << 25  # seconds (about 388 days): timelines are laid out for whole blocks


def covering(cal: BusinessCalendar, low: int, high: int) -> OpenTimeline:
    """A timeline holding at least [low, high), laid out for whole blocks of time and kept
    (a few per process): a call for one ticket's deadlines then costs a binary search,
    not the open periods of weeks laid out again in Python. Any timeline holding the
    inputs gives the same answers: open time is counted between instants within it."""
    first, last = low // _BLOCK, -(-high // _BLOCK)
    try:
        return _laid_out(cal, first, last)
    except TypeError:  # a calendar that cannot be a key (unhashable holiday data)
        return open_timeline(cal, first * _BLOCK, last * _BLOCK)


@lru_cache(maxsize=16)
def _laid_out(cal: BusinessCalendar, first: int, last: int) -> OpenTimeline:
    return open_timeline(cal, first * _BLOCK, last * _BLOCK)


def open_timeline(cal: BusinessCalendar, low: int, high: int) -> OpenTimeline:
    """The open periods of `cal` within [low, high) (UTC seconds) as arrays."""
    periods = np.array(periods_between(cal, low, high), dtype=np.int64).reshape(-1, 2)
    starts, ends = periods[:, 0].copy(), periods[:, 1].copy()
    before = np.concatenate(([0], np.cumsum(ends - starts))).astype(np.int64)
    return OpenTimeline(low=low, high=high, starts=starts, ends=ends, before=before)


def elapsed(timeline: OpenTimeline, at: Seconds) -> Seconds:
    """Open seconds from timeline.low to each instant of `at` (all within the horizon)."""
    count = len(timeline.starts)
    if count == 0:
        return np.zeros_like(at)
    k = np.searchsorted(timeline.ends, at, side="right")  # first period ending after at
    inside = np.maximum(at - timeline.starts[np.minimum(k, count - 1)], 0)
    return timeline.before[k] + np.where(k < count, inside, 0)


def add_business_time_many(
    cal: BusinessCalendar, starts: ArrayLike, durations: ArrayLike
) -> Seconds:
    """For each (start, duration) in seconds, the instant `duration` of open time later.

    The same rule as add_business_time: a zero duration gives the next opening, a
    positive one the earliest instant at which that much open time has elapsed.
    """
    begin, length = _as_seconds(starts), _as_seconds(durations)
    if begin.shape != length.shape:
        raise ValueError(f"starts {begin.shape} and durations {length.shape} differ in shape")
    if begin.size == 0:
        return begin.copy()
    if length.min() < 0:
        raise ValueError("a duration cannot be negative")
    low, latest = int(begin.min()), int(begin.max())
    span = _first_guess(cal, int(length.max()))
    while True:
        timeline = covering(cal, low, latest + span)
        found = _deadlines(timeline, begin.ravel(), length.ravel())
        if found is not None:
            return found.reshape(begin.shape)
        span *= 2  # the horizon missed some deadlines (holidays, short days): widen it
        if span > _LONGEST_HORIZON:
            raise NoOpenTime(f"calendar {cal.name!r} does not reach these deadlines")


def business_seconds_between_many(
    cal: BusinessCalendar, starts: ArrayLike, ends: ArrayLike
) -> Seconds:
    """For each (start, end) in seconds, the open seconds between them (end >= start)."""
    begin, finish = _as_seconds(starts), _as_seconds(ends)
    if begin.shape != finish.shape:
        raise ValueError(f"starts {begin.shape} and ends {finish.shape} differ in shape")
    if begin.size == 0:
        return begin.copy()
    if (finish < begin).any():
        raise ValueError("an end comes before its start")
    timeline = covering(cal, int(begin.min()), int(finish.max()))
    return elapsed(timeline, finish) - elapsed(timeline, begin)


def add_business_days_many(cal: BusinessCalendar, starts: ArrayLike, days: ArrayLike) -> Seconds:
    """For each (start, days) in seconds and dates, the same local time `days` business
    dates later: the array form of add_business_days, which stays the reference.

    The same steps: from the next opening, `days` business dates on (local dates with
    open time), the first instant at the opening's wall time on that date, then the next
    opening. Zone offsets and business dates are looked up once per distinct local date
    rather than once per row.
    """
    begin, count = _as_seconds(starts), _as_seconds(days)
    if begin.shape != count.shape:
        raise ValueError(f"starts {begin.shape} and days {count.shape} differ in shape")
    zero = np.zeros_like(begin)
    opening = add_business_time_many(cal, begin, zero)
    if begin.size == 0:
        return opening
    if count.min() < 0:
        raise ValueError("a number of business days cannot be negative")
    day, clock = _local_days_and_times(cal.zone, opening)
    span = int(count.max()) + 1
    pairs, inverse = np.unique(day * span + count, return_inverse=True)
    ahead = np.array(
        [business_date_after(cal, _EPOCH_DAY + timedelta(days=int(p // span)), int(p % span))
         for p in pairs], dtype=object
    )[inverse]  # fmt: skip
    target = opening.copy()
    for later in set(ahead[count > 0]):
        rows = np.flatnonzero((ahead == later) & (count > 0))
        target[rows] = _first_instant_at(cal.zone, later, clock[rows])
    return np.where(count > 0, add_business_time_many(cal, target, zero), opening)


def _local_days_and_times(zone: str, at: Seconds) -> tuple[Seconds, Seconds]:
    """The local date (days since 1970) and wall time (seconds) of each instant."""
    segs = zone_clock.segments(zone, int(at.min()), int(at.max()) + 1)
    seg_starts = np.array([s for s, _, _ in segs], np.int64)
    offsets = np.array([o for _, _, o in segs], np.int64)
    wall = at + offsets[np.searchsorted(seg_starts, at, side="right") - 1]
    day, clock = np.divmod(wall, DAY)
    return day, clock


def _first_instant_at(zone: str, day: date, wall: Seconds) -> Seconds:
    """zone_clock.first_instant_at_or_after for many wall times of one local date."""
    midnight = zone_clock.wall_midnight(day)
    best = np.full(wall.shape, _LATEST, np.int64)
    for seg_start, seg_end, offset in zone_clock.day_segments(zone, day):
        candidate = np.maximum(seg_start, midnight + wall - offset)
        best = np.where(candidate < seg_end, np.minimum(best, candidate), best)
    return best


def _as_seconds(values: ArrayLike) -> Seconds:
    array = np.asarray(values)
    if array.dtype.kind not in "iu":
        raise ValueError(f"expected whole seconds as integers, got dtype {array.dtype}")
    return array.astype(np.int64)


def _first_guess(cal: BusinessCalendar, longest: int) -> int:
    """A horizon past the latest start that should hold every deadline."""
    weekly = cal.week.open_minutes() * 60
    if weekly == 0:
        raise ValueError(f"calendar {cal.name!r} is never open")
    return longest * _WEEK // weekly * 5 // 4 + 2 * _WEEK


def _deadlines(timeline: OpenTimeline, starts: Seconds, durations: Seconds) -> Seconds | None:
    """Deadlines within the timeline, or None if some fall beyond its end."""
    count = len(timeline.starts)
    k = np.searchsorted(timeline.ends, starts, side="right")  # first period ending after
    if count == 0 or k.max() >= count:
        return None
    opens = timeline.starts[k]
    target = timeline.before[k] + np.maximum(starts - opens, 0) + durations
    if target.max() > timeline.before[-1]:
        return None
    # The first period whose accumulated end reaches the target holds the deadline.
    j = np.searchsorted(timeline.before[1:], target, side="left")
    reached = timeline.starts[j] + (target - timeline.before[j])
    return np.where(durations == 0, np.maximum(starts, opens), reached)
