"""Sets of half-open time spans on NumPy arrays: the arithmetic of availability.

A `Spans` value is normalised: sorted, with no two spans overlapping or touching, each
[start, end) non-empty. Times are whole seconds (int64).

Many independent time lines, one per scope, are laid end to end on one axis (`Axis`):
line l holds the instants [l * stride, (l + 1) * stride), so one call on the arrays works
on every scope at once instead of a Python loop over scopes. No span crosses from one line
to the next, because every span is built inside one line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import numpy as np
from numpy.typing import ArrayLike, NDArray

Seconds = NDArray[np.int64]
_FAR = np.iinfo(np.int64).max // 4  # beyond any instant on any axis
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_SECOND = timedelta(seconds=1)


def epoch_seconds(at: datetime) -> int:
    """Whole seconds since the epoch of an aware instant; a fraction is dropped (floor)."""
    return (at - _EPOCH) // _SECOND


def utc(second: int) -> datetime:
    return datetime.fromtimestamp(second, UTC)


@dataclass(frozen=True)
class Spans:
    """Sorted, disjoint, non-touching, non-empty spans [start[i], end[i])."""

    start: Seconds  # increasing
    end: Seconds  # end[i] > start[i], and end[i] < start[i + 1]

    def __len__(self) -> int:
        return int(self.start.shape[0])

    @property
    def total(self) -> int:
        return int((self.end - self.start).sum())

    @property
    def lengths(self) -> Seconds:
        return self.end - self.start


def empty() -> Spans:
    return Spans(np.empty(0, np.int64), np.empty(0, np.int64))


def spans(start: ArrayLike, end: ArrayLike) -> Spans:
    """Normalise any pieces: drop empty ones, sort, and merge those that overlap or touch."""
    s = np.asarray(start, np.int64).ravel()
    e = np.asarray(end, np.int64).ravel()
    keep = s < e
    if not keep.all():
        s, e = s[keep], e[keep]
    if s.size == 0:
        return empty()
    if s.size > 1 and (s[1:] < s[:-1]).any():
        order = np.argsort(s, kind="stable")
        s, e = s[order], e[order]
    reach = np.maximum.accumulate(e)
    first = np.flatnonzero(np.concatenate(([True], s[1:] > reach[:-1])))
    last = np.concatenate((first[1:] - 1, [s.size - 1]))
    return Spans(s[first], reach[last])


def covered(k: int, parts: Sequence[Spans]) -> Spans:
    """Where at least `k` of `parts` cover the axis (each part normalised)."""
    if not parts or k > len(parts):
        return empty()
    if len(parts) == 1:
        return parts[0] if k <= 1 else empty()
    starts = np.concatenate([p.start for p in parts])
    ends = np.concatenate([p.end for p in parts])
    return at_least(k, starts, ends)


def at_least(k: int, starts: Seconds, ends: Seconds) -> Spans:
    """Where at least `k` of the pieces [starts[i], ends[i]) overlap; pieces may overlap."""
    if starts.size == 0:
        return empty()
    times = np.concatenate((starts, ends))
    steps = np.concatenate((np.ones(starts.size, np.int64), -np.ones(ends.size, np.int64)))
    # At a tie an end sorts before a start, so [0, 5) and [5, 9) never count as 2; either
    # order would only add empty segments, which `spans` drops.
    order = np.lexsort((steps, times))
    times = times[order]
    count = np.cumsum(steps[order])
    chosen = count[:-1] >= k
    return spans(times[:-1][chosen], times[1:][chosen])


def union(*parts: Spans) -> Spans:
    present = [p for p in parts if len(p)]
    if len(present) <= 1:
        return present[0] if present else empty()
    return spans(np.concatenate([p.start for p in present]),
                 np.concatenate([p.end for p in present]))  # fmt: skip


def intersect(a: Spans, b: Spans) -> Spans:
    if not len(a) or not len(b):
        return empty()
    return covered(2, [a, b])


def complement(a: Spans) -> Spans:
    """Everything not in `a`, out to a horizon beyond any axis."""
    starts = np.concatenate(([-_FAR], a.end))
    ends = np.concatenate((a.start, [_FAR]))
    return spans(starts, ends)


def subtract(a: Spans, b: Spans) -> Spans:
    if not len(a) or not len(b):
        return a
    return intersect(a, complement(b))


def at_least_long(a: Spans, seconds: int) -> Spans:
    """The spans that last `seconds` or more."""
    if seconds <= 0:
        return a
    keep = a.end - a.start >= seconds
    return Spans(a.start[keep], a.end[keep])


@dataclass(frozen=True)
class Axis:
    """Time lines laid end to end: instant t of line l sits at l * stride + (t - origin)."""

    origin: int  # epoch second placed at the start of every line
    stride: int  # seconds each line holds; every instant in use lies in [origin, origin + stride)
    lines: int  # how many lines (scopes)

    def place(self, at: ArrayLike, line: ArrayLike) -> Seconds:
        """Epoch seconds `at` on line(s) `line`, clamped into the line."""
        t = np.clip(np.asarray(at, np.int64) - self.origin, 0, self.stride - 1)
        return np.asarray(line, np.int64) * self.stride + t

    def everywhere(self, start: ArrayLike, end: ArrayLike) -> Spans:
        """The same epoch spans on every line."""
        s = np.asarray(start, np.int64) - self.origin
        e = np.asarray(end, np.int64) - self.origin
        s, e = np.clip(s, 0, self.stride - 1), np.clip(e, 0, self.stride - 1)
        base = np.arange(self.lines, dtype=np.int64)[:, None] * self.stride
        return spans((base + s[None, :]).ravel(), (base + e[None, :]).ravel())

    def line_of(self, keyed: Seconds) -> NDArray[np.int64]:
        return keyed // self.stride

    def epoch(self, keyed: Seconds) -> Seconds:
        """Keyed instants back to epoch seconds."""
        return keyed % self.stride + self.origin

    def totals(self, a: Spans) -> Seconds:
        """Seconds of `a` on each line."""
        if not len(a):
            return np.zeros(self.lines, np.int64)
        sums = np.bincount(a.start // self.stride, weights=a.end - a.start, minlength=self.lines)
        return np.rint(sums).astype(np.int64)  # exact: sums stay far below 2**53

    def first_seconds(self, a: Spans, limit: int) -> Spans:
        """The first `limit` seconds of `a` on each line, in time order."""
        if not len(a):
            return a
        length = a.end - a.start
        line = a.start // self.stride
        done = np.cumsum(length) - length  # seconds of `a` before each span, all lines
        new_line = np.concatenate(([True], line[1:] != line[:-1]))
        group = np.cumsum(new_line) - 1
        before = done - done[new_line][group]  # seconds before each span on its own line
        take = np.clip(limit - before, 0, length)
        return spans(a.start, a.start + take)


def axis_for(lines: int, low: int, high: int) -> Axis:
    """An axis whose lines hold every epoch second in [low, high]."""
    stride = high - low + 2
    if lines * stride >= _FAR:
        raise ValueError(f"{lines} lines of {stride} seconds do not fit on one axis")
    return Axis(origin=low, stride=stride, lines=max(lines, 1))
