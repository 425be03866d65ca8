"""Request-based availability: error rates per interval, as storage and database SLAs count.

The window is cut into intervals of `interval` seconds from its start (the last one may
be short). An interval's error rate is its failed requests over its valid requests, the
counts of every evidence row that starts in it added up. An interval with fewer than
`minimum_requests` valid requests (none at all included) is read as the contract says:
as a 0 % error rate (`no_errors`: "an interval without requests has an Error Rate of 0")
or left out of the window (`ignored`: no data).

Two readings of availability, as the contract chooses:

- `mean_error_rate`: achieved = 100 % minus the mean of the intervals' error rates; the
  downtime reported is the equivalent time, the sum of each interval's rate times its
  length;
- `error_threshold`: an interval whose error rate is above `threshold_percent` is
  downtime (then the minimum outage of `downtime_periods` applies to runs of them), and
  achieved is up time over judged time, as for probes.

Only the scopes an objective covers count, and a whole-service objective takes the
counts without a scope (as every rule of `scopes` says).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from accord.domain.availability import intervals as iv
from accord.domain.availability.downtime_periods import recorded
from accord.domain.availability.intervals import epoch_seconds
from accord.domain.evidence import Requests
from accord.domain.period import Period

Reading = Literal["mean_error_rate", "error_threshold"]
BelowMinimum = Literal["no_errors", "ignored"]


@dataclass(frozen=True)
class RequestRule:
    interval: int  # seconds in an interval (300 for 'each five-minute interval')
    reading: Reading = "mean_error_rate"
    threshold_percent: float | None = None  # 'error_threshold': down above this error rate
    minimum_requests: int = 1  # valid requests an interval needs to have an error rate
    below_minimum: BelowMinimum = "no_errors"  # what an interval with fewer requests is
    minimum_outage: int = 0  # seconds; shorter runs of intervals over the threshold do not count


@dataclass(frozen=True)
class IntervalCounts:
    """The intervals of the window, one row of them per line (scope): the hot path's table."""

    length: NDArray[np.int64]  # seconds of each interval (the last may be short)
    total: NDArray[np.int64]  # lines x intervals: valid requests
    errors: NDArray[np.int64]  # lines x intervals: failed requests


def interval_counts(
    requests: Requests, names: list[str | None], period: Period, interval: int
) -> IntervalCounts:
    """Requests added up per line and interval of `period`: a line counts its scope's rows
    and the rows without a scope (a line None: those alone); other rows count nowhere."""
    p0, p1 = epoch_seconds(period.start), epoch_seconds(period.end)
    count = -(-(p1 - p0) // interval)
    line_of = np.full(len(requests.scopes), -1, np.int32)  # scope code -> line, -1: none
    for i, name in enumerate(names):
        if name is not None and name in requests.scopes:
            line_of[requests.scopes.index(name)] = i
    at, total, errors, scope = requests.at, requests.total, requests.errors, requests.scope
    if at.size and (at.min() < p0 or at.max() >= p1):
        keep = (at >= p0) & (at < p1)
        at, total, errors, scope = at[keep], total[keep], errors[keep], scope[keep]
    # Offsets within a window fit 32 bits (a year is 31.6 M seconds), whose division is
    # several times faster than 64-bit division on every core in use.
    slot = (at - p0).astype(np.int32) // np.int32(interval)
    length = np.full(count, interval, np.int64)
    length[-1] = p1 - p0 - (count - 1) * interval
    shape = (len(names), count)
    wide: Any = np.int32 if shape[0] * shape[1] < 2**31 else np.int64  # 32 bits: faster
    line: NDArray[Any]
    cell: NDArray[Any]
    shared_total = shared_errors = np.zeros(count, np.float64)
    if scope.size and scope.min() >= 1 and (line_of[1:] >= 0).all():
        # Every row has a scope and every scope a line: no row to share or to drop.
        shifted = (line_of[1:] == np.arange(len(line_of) - 1)).all()
        line = (scope - 1 if shifted else line_of[scope]).astype(wide, copy=False)
        cell = line * wide(count) + slot
        if cell.size == shape[0] * shape[1] and _in_order(cell):
            # One row per line and interval, in order (an export of per-minute counts):
            # the table is the columns themselves.
            return IntervalCounts(length, total.reshape(shape), errors.reshape(shape))
    else:
        line = line_of[scope].astype(wide)
        cell = line * wide(count) + slot
        own = line >= 0
        whole = scope == 0  # rows without a scope: every line counts them
        shared_total = _sums(slot[whole], total[whole], count)
        shared_errors = _sums(slot[whole], errors[whole], count)
        cell, total, errors = cell[own], total[own], errors[own]
    totals = _sums(cell, total, shape[0] * shape[1]).reshape(shape) + shared_total
    failed = _sums(cell, errors, shape[0] * shape[1]).reshape(shape) + shared_errors
    return IntervalCounts(length, totals.astype(np.int64), failed.astype(np.int64))


def _in_order(cell: NDArray[np.integer[Any]]) -> bool:
    """Whether `cell` is 0, 1, 2, ... (checked from both ends before the whole)."""
    return bool(cell[0] == 0 and cell[-1] == cell.size - 1 and (np.diff(cell) == 1).all())


def _sums(
    index: NDArray[np.integer[Any]], values: NDArray[np.int64], size: int
) -> NDArray[np.float64]:
    """Values added up by index (exact: counts stay far below 2**53)."""
    return np.asarray(np.bincount(index, weights=values, minlength=size), np.float64)


@dataclass(frozen=True)
class RequestFigures:
    judged_seconds: int  # seconds of the intervals judged
    no_data_seconds: int  # seconds of intervals left out (below the minimum, 'ignored')
    downtime_seconds: int  # intervals over the threshold, or the rate-weighted equivalent
    achieved_percent: float | None  # None when no interval is judged
    downtime: tuple[tuple[int, int], ...]  # epoch spans over the threshold ('error_threshold')


def figures(counts: IntervalCounts, rule: RequestRule, period: Period) -> list[RequestFigures]:
    """Each line's figures, every line at once."""
    enough = counts.total >= max(rule.minimum_requests, 1)
    keep = enough if rule.below_minimum == "ignored" else None  # None: every interval
    lines, intervals = len(counts.total), len(counts.length)
    judged = (
        np.full(lines, int(counts.length.sum()))
        if keep is None
        else (keep * counts.length).sum(axis=1)
    )
    if rule.reading == "mean_error_rate":
        rate = np.zeros(counts.total.shape, np.float64)  # the threshold reading needs none
        np.divide(counts.errors, counts.total, out=rate, where=enough)  # else 0 %
        kept = np.full(lines, intervals) if keep is None else keep.sum(axis=1)
        sums = rate.sum(axis=1)  # a rate left out is 0 already
        mean = sums / np.maximum(kept, 1)
        # Each rate times its interval's length: all are `interval` long but the last.
        first, last = float(counts.length[0]), float(counts.length[-1])
        down = np.rint(sums * first - rate[:, -1] * (first - last))
        return [
            RequestFigures(int(judged[i]), period.seconds - int(judged[i]), int(down[i]),
                           100.0 * (1.0 - float(mean[i])) if kept[i] else None, ())
            for i in range(len(judged))
        ]  # fmt: skip
    assert rule.threshold_percent is not None
    # 'More than 5 %' compared in counts, exactly: 7 errors of 100 are not over 7 %, which
    # (7 / 100) * 100 = 7.000000000000001 would be. Too few requests: never over.
    over = enough & (counts.errors * 100 > rule.threshold_percent * counts.total)
    line, slot = np.nonzero(over)
    offset = np.cumsum(counts.length) - counts.length  # each interval's start in the window
    stride = period.seconds + 1  # lines apart by a second, so no run joins two lines
    start = line * stride + offset[slot]
    spans = recorded(iv.spans(start, start + counts.length[slot]), rule.minimum_outage)
    span_line = spans.start // stride
    down = np.bincount(span_line, weights=spans.lengths, minlength=len(judged))
    cut = np.searchsorted(span_line, np.arange(len(judged) + 1))
    p0 = epoch_seconds(period.start)
    found = []
    for i in range(len(judged)):
        a = spans.start[cut[i] : cut[i + 1]] - i * stride + p0
        b = spans.end[cut[i] : cut[i + 1]] - i * stride + p0
        j, d = int(judged[i]), int(down[i])
        found.append(RequestFigures(j, period.seconds - j, d, 100.0 * (j - d) / j if j else None,
                                    tuple(zip(a.tolist(), b.tolist(), strict=True))))  # fmt: skip
    return found
