"""Local wall-clock time of an IANA zone, mapped exactly to UTC seconds.

Instants are integer seconds since 1970-01-01T00:00Z. A local date's wall clock is
described by "wall seconds": seconds since 1970-01-01T00:00 on the wall clock, so local
midnight of date d is `wall_midnight(d)` and an instant t with UTC offset o reads
t + o on the wall. Around a transition the offset changes, so the wall clock jumps
forward (a gap: some wall times never occur) or back (a fold: some occur twice).

The zone database offers no list of transitions, so they are found by sampling the
offset every hour of a UTC year and bisecting each change to the second (cached per
zone and year). Several changes within an hour are all found; a change undone within the
same hour would go unseen.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import cache, lru_cache
from zoneinfo import ZoneInfo

DAY = 86_400  # seconds in a wall-clock day; never used to step real time
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_SAMPLE = 3_600  # seconds between offset samples when looking for transitions

Segment = tuple[int, int, int]  # [start, end) in UTC seconds, and the offset throughout


@cache
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def offset_at(name: str, t: int) -> int:
    """The UTC offset in seconds of zone `name` at instant `t`."""
    offset = datetime.fromtimestamp(t, zone(name)).utcoffset()
    assert offset is not None  # a ZoneInfo always has an offset
    return offset // timedelta(seconds=1)


def wall_midnight(day: date) -> int:
    """Wall seconds of local midnight starting `day`."""
    return (day.toordinal() - _EPOCH_ORDINAL) * DAY


def local_date(name: str, t: int) -> date:
    """The local date at instant `t`."""
    return date.fromordinal(_EPOCH_ORDINAL + (t + offset_at(name, t)) // DAY)


def utc_year_start(year: int) -> int:
    return wall_midnight(date(year, 1, 1))  # UTC has no offset: wall seconds are UTC


@lru_cache(maxsize=4096)
def transitions_in_year(name: str, year: int) -> tuple[tuple[int, int], ...]:
    """(instant, offset from then on) for each offset change in (start, end] of a UTC year."""
    start, end = utc_year_start(year), utc_year_start(year + 1)
    found: list[tuple[int, int]] = []
    offset = offset_at(name, start)
    for sample in range(start, end, _SAMPLE):
        low, high = sample, min(sample + _SAMPLE, end)
        high_offset = offset_at(name, high)
        while high_offset != offset:
            low = _first_change(name, low, high, offset)
            offset = offset_at(name, low)
            found.append((low, offset))
    return tuple(found)


def _first_change(name: str, low: int, high: int, offset: int) -> int:
    """The first second in (low, high] whose offset differs from `offset` (at `low`)."""
    while high - low > 1:
        middle = (low + high) // 2
        if offset_at(name, middle) == offset:
            low = middle
        else:
            high = middle
    return high


def segments(name: str, start: int, end: int) -> list[Segment]:
    """[start, end) cut where the offset changes, each piece with its offset."""
    first_year = datetime.fromtimestamp(start, UTC).year - 1  # changes are kept in (y, y+1]
    last_year = datetime.fromtimestamp(end, UTC).year
    changes = [
        change
        for year in range(first_year, last_year + 1)
        for change in transitions_in_year(name, year)
        if start < change[0] < end
    ]
    pieces: list[Segment] = []
    low, offset = start, offset_at(name, start)
    for instant, new_offset in changes:
        pieces.append((low, instant, offset))
        low, offset = instant, new_offset
    pieces.append((low, end, offset))
    return pieces


@lru_cache(maxsize=16384)
def day_segments(name: str, day: date) -> tuple[Segment, ...]:
    """Segments covering every instant whose local date could be `day` (offsets < 24 h)."""
    midnight = wall_midnight(day)
    return tuple(segments(name, midnight - DAY, midnight + 2 * DAY))


def wall_range_to_utc(segs: tuple[Segment, ...], day: date, low: int, high: int) -> list[Segment]:
    """The instants of local date `day` whose wall time lies in [low, high) seconds.

    Within a segment the wall clock reads t + offset, so the condition is a plain range of
    t there. A bound that falls in a gap therefore lands where the clock jumps, and a wall
    range inside a fold is met twice (once per offset). Returns (start, end, offset).
    """
    midnight = wall_midnight(day)
    found: list[Segment] = []
    for seg_start, seg_end, offset in segs:
        start = max(seg_start, midnight + low - offset)
        end = min(seg_end, midnight + high - offset)
        if start < end:
            found.append((start, end, offset))
    return found


def first_instant_at_or_after(
    segs: tuple[Segment, ...], day: date, wall: int, unit: int = 1
) -> int:
    """The first instant whose local (date, wall time) is at or after (`day`, `wall`).

    An ambiguous wall time gives its first occurrence; a wall time in a gap gives the
    instant the clock jumps over it. `wall` and the result count units of 1/`unit` second.
    """
    target = wall_midnight(day) * unit + wall
    candidates = [
        (max(seg_start * unit, target - offset * unit), seg_end * unit)
        for seg_start, seg_end, offset in segs
    ]
    return min(instant for instant, seg_end in candidates if instant < seg_end)
