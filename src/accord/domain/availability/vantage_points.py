"""What probe samples say, as spans per vantage point: the hot path of availability.

A vantage point is one (scope, location, monitor) series of samples. For each one:

- sample i at t_i holds until the vantage point's next sample t_{i+1} when that comes
  within `tolerance` intervals, otherwise for one interval, until t_i + interval; the
  silence after it, up to the next sample, is a gap with no data;
- the vantage point has data wherever one of its samples holds;
- it is down wherever a failing sample holds that belongs to a run of at least
  `confirmations` consecutive failing samples (a run counts from its first failure: the
  later ones only confirm that the service was down since then).

The scan touches every sample a few times in cache-sized chunks and keeps only the rare
positions that matter (series changes, gaps, failures); everything after works on those.
Samples grouped by vantage point and sorted by time within it take this fast path; other
orders are sorted first (slower, and a copy).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from accord.domain.evidence import Samples

Index = NDArray[np.int64]
_CHUNK = 1 << 17  # samples per chunk: the chunk's temporaries stay in the CPU cache


@dataclass(frozen=True)
class VantageSpans:
    """Per vantage point, where it has data and where it sees the service down."""

    scope: NDArray[np.int32]  # scope code (index into Samples.scopes) of each vantage point
    data_vp: Index  # vantage point of each data span
    data_start: Index  # epoch seconds; spans of one vantage point are disjoint and sorted
    data_end: Index
    down_vp: Index  # vantage point of each down span
    down_start: Index  # epoch seconds
    down_end: Index


@dataclass(frozen=True)
class _Marks:
    last: Index  # sample positions that end a series (the next sample is another series)
    gaps: Index  # positions followed, in the same series, by a silence beyond tolerance
    fails: Index  # positions of failing samples
    disordered: bool  # some series goes back in time: the samples need sorting


def scan(samples: Samples, interval: int, tolerance: int, confirmations: int) -> VantageSpans:
    """Data and confirmed-down spans of each vantage point of `samples`."""
    if interval <= 0 or tolerance < 1 or confirmations < 1:
        raise ValueError(f"bad measurement: interval {interval}, tolerance {tolerance}, "
                         f"confirmations {confirmations}")  # fmt: skip
    if len(samples) == 0:
        none = np.empty(0, np.int64)
        return VantageSpans(np.empty(0, np.int32), none, none, none, none, none, none)
    limit = interval * tolerance
    marks = _marks(samples, limit)
    if marks.disordered or not _grouped(samples, marks.last):
        samples = sort_samples(samples)
        marks = _marks(samples, limit)
    return _spans(samples, marks, interval, confirmations)


def sort_samples(samples: Samples) -> Samples:
    """Samples grouped by vantage point and in time order within each (stable)."""
    order = np.lexsort((samples.at, samples.monitor, samples.location, samples.scope))
    return samples.take(order)


def _marks(samples: Samples, limit: int) -> _Marks:
    at, ok = samples.at, samples.ok
    keys = (samples.scope, samples.location, samples.monitor)
    n = len(samples)
    step = np.empty(_CHUNK, np.int64)
    change = np.empty(_CHUNK, np.bool_)
    other = np.empty(_CHUNK, np.bool_)
    special: list[Index] = []
    fails: list[Index] = []
    for lo in range(0, n, _CHUNK):
        hi = min(lo + _CHUNK, n)
        pairs = min(hi, n - 1) - lo  # pairs (i, i + 1) that start in this chunk
        if pairs > 0:
            c, o, d = change[:pairs], other[:pairs], step[:pairs]
            np.not_equal(keys[0][lo + 1 : lo + 1 + pairs], keys[0][lo : lo + pairs], out=c)
            for key in keys[1:]:
                np.not_equal(key[lo + 1 : lo + 1 + pairs], key[lo : lo + pairs], out=o)
                np.logical_or(c, o, out=c)
            np.subtract(at[lo + 1 : lo + 1 + pairs], at[lo : lo + pairs], out=d)
            # Seen unsigned, a step back in time is huge: one test finds gaps and disorder.
            np.greater(d.view(np.uint64), limit, out=o)
            np.logical_or(c, o, out=c)
            found = np.flatnonzero(c)
            if found.size:
                special.append(found + lo)
        np.logical_not(ok[lo:hi], out=other[: hi - lo])
        failed = np.flatnonzero(other[: hi - lo])
        if failed.size:
            fails.append(failed + lo)
    odd = np.concatenate(special) if special else np.empty(0, np.int64)
    is_last = np.zeros(odd.size, np.bool_)
    for key in keys:
        is_last |= key[odd + 1] != key[odd]
    back = ~is_last & (at[odd + 1] < at[odd])
    return _Marks(
        last=odd[is_last],
        gaps=odd[~is_last & ~back],
        fails=np.concatenate(fails) if fails else np.empty(0, np.int64),
        disordered=bool(back.any()),
    )


def _grouped(samples: Samples, last: Index) -> bool:
    """True when no vantage point's samples are split into several stretches."""
    first = np.concatenate(([0], last + 1))
    key = _series_key(samples, first)
    return bool(np.unique(key).size == key.size)


def _series_key(samples: Samples, at: Index) -> NDArray[np.int64]:
    width_l = np.int64(len(samples.locations) + 1)
    width_m = np.int64(len(samples.monitors) + 1)
    scope = samples.scope[at].astype(np.int64)
    location = samples.location[at].astype(np.int64)
    return (scope * width_l + location) * width_m + samples.monitor[at].astype(np.int64)


def _spans(samples: Samples, marks: _Marks, interval: int, confirmations: int) -> VantageSpans:
    at, n = samples.at, len(samples)
    last = marks.last
    first_of_series = np.concatenate(([0], last + 1))
    last_of_series = np.concatenate((last, [n - 1]))
    # Data: stretches of a series between gaps, each [first sample, last sample + interval).
    piece_first = np.sort(np.concatenate((first_of_series, marks.gaps + 1)))
    piece_last = np.sort(np.concatenate((marks.gaps, last_of_series)))
    data_vp = np.searchsorted(last, piece_first)
    down_vp, down_start, down_end = _down(at, marks, interval, confirmations)
    return VantageSpans(
        scope=samples.scope[first_of_series],
        data_vp=data_vp.astype(np.int64),
        data_start=at[piece_first],
        data_end=at[piece_last] + interval,
        down_vp=down_vp,
        down_start=down_start,
        down_end=down_end,
    )


def _down(
    at: Index, marks: _Marks, interval: int, confirmations: int
) -> tuple[Index, Index, Index]:
    f, n, last = marks.fails, at.size, marks.last
    if f.size == 0:
        return f, f, f
    vp = np.searchsorted(last, f).astype(np.int64)
    # A run of consecutive failures: the previous sample failed too, in the same series.
    joined_run = np.concatenate(([False], (f[1:] == f[:-1] + 1) & (vp[1:] == vp[:-1])))
    run = np.cumsum(~joined_run) - 1
    confirmed = (np.bincount(run) >= confirmations)[run]
    f, vp, joined_run = f[confirmed], vp[confirmed], joined_run[confirmed]
    if f.size == 0:
        return f, f, f
    # Each failing sample holds until the next sample of its series, unless a gap or the
    # series' end comes first; then for one interval.
    nxt = np.minimum(f + 1, n - 1)
    reaches_next = (f + 1 < n) & ~_member(f, last) & ~_member(f, marks.gaps)
    end = np.where(reaches_next, at[nxt], at[f] + interval)
    # A down span continues while consecutive failures hold end to end.
    opens = ~np.concatenate(([False], joined_run[1:] & reaches_next[:-1]))
    first = np.flatnonzero(opens)
    final = np.concatenate((first[1:] - 1, [f.size - 1]))
    start, stop = at[f[first]], end[final]
    real = stop > start  # a failure followed at once by a sample at the same second holds 0 s
    return vp[first][real], start[real], stop[real]


def _member(values: Index, sorted_set: Index) -> NDArray[np.bool_]:
    """values[i] in sorted_set, for a sorted set (quicker than np.isin, which sorts)."""
    if sorted_set.size == 0:
        return np.zeros(values.size, np.bool_)
    where = np.minimum(np.searchsorted(sorted_set, values), sorted_set.size - 1)
    found: NDArray[np.bool_] = sorted_set[where] == values
    return found
