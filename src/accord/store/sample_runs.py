"""Samples as runs, and back: the compact form the store keeps samples in.

A run is consecutive samples of one vantage point (scope, location, monitor), all
passing or all failing, at one interval: first_at, first_at + interval, ..., last_at.
Any cut of a series into such runs gives back exactly its samples, so the cut is made
with array operations rather than a loop: a run ends where the vantage point or the state
changes, or where the step to the next sample differs from the step before it. That is
not always the fewest runs (an irregular stretch becomes single samples) but a regular
monitor, the common case, is one run per change of state.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from accord.domain.availability.vantage_points import sort_samples
from accord.domain.evidence import Samples

__all__ = ["Runs", "runs_of", "samples_of"]

Ints = NDArray[np.int64]


@dataclass(frozen=True)
class Runs:
    """Runs as columns; names are the samples' own (scope '' is the whole service)."""

    scope: tuple[str, ...]
    location: tuple[str, ...]
    monitor: tuple[str, ...]
    ok: NDArray[np.bool_]
    first_at: Ints  # UTC epoch seconds
    last_at: Ints
    count: Ints
    interval: Ints  # seconds; 0 for a run of one sample

    def __len__(self) -> int:
        return int(self.first_at.shape[0])


def runs_of(samples: Samples) -> Runs:
    """The runs of `samples`, vantage point by vantage point in time order."""
    s = sort_samples(samples)
    n = len(s)
    if n == 0:
        none = np.empty(0, np.int64)
        return Runs((), (), (), np.empty(0, np.bool_), none, none, none, none)
    at = s.at.astype(np.int64)
    hard = np.ones(n, np.bool_)  # a new vantage point or a new state
    hard[1:] = (
        (s.scope[1:] != s.scope[:-1])
        | (s.location[1:] != s.location[:-1])
        | (s.monitor[1:] != s.monitor[:-1])
        | (s.ok[1:] != s.ok[:-1])
    )
    step = np.zeros(n, np.int64)
    step[1:] = at[1:] - at[:-1]
    starts = hard.copy()
    # Sample i > 1 starts a run when its step differs from the one before it, unless
    # sample i-1 began a run (then sample i sets that run's interval).
    starts[2:] |= ~hard[1:-1] & (step[2:] != step[1:-1])
    first = np.flatnonzero(starts)
    last = np.append(first[1:], n) - 1
    count = last - first + 1
    interval = np.where(count > 1, step[np.minimum(first + 1, n - 1)], 0)
    return Runs(
        scope=tuple(s.scopes[i] for i in s.scope[first]),
        location=tuple(s.locations[i] for i in s.location[first]),
        monitor=tuple(s.monitors[i] for i in s.monitor[first]),
        ok=s.ok[first].copy(),
        first_at=at[first],
        last_at=at[last],
        count=count.astype(np.int64),
        interval=interval.astype(np.int64),
    )


def samples_of(runs: Runs) -> Samples:
    """The samples the runs stand for, without response times (NaN)."""
    total = int(runs.count.sum()) if len(runs) else 0
    if total == 0:
        return Samples.empty()
    which = np.repeat(np.arange(len(runs)), runs.count)
    offset = np.arange(total) - np.repeat(np.cumsum(runs.count) - runs.count, runs.count)
    at = runs.first_at[which] + offset * runs.interval[which]
    scopes, scope = _codes(runs.scope)
    locations, location = _codes(runs.location)
    monitors, monitor = _codes(runs.monitor)
    return Samples(
        at=at.astype(np.int64),
        ok=runs.ok[which],
        scope=scope[which],
        location=location[which],
        monitor=monitor[which],
        response_ms=np.full(total, np.nan),
        scopes=scopes,
        locations=locations,
        monitors=monitors,
    )


def _codes(names: tuple[str, ...]) -> tuple[tuple[str, ...], NDArray[np.int32]]:
    """A name table with '' first (as Samples wants it) and each name's code in it."""
    table = ("", *sorted(set(names) - {""}))
    index = {name: i for i, name in enumerate(table)}
    return table, np.array([index[name] for name in names], np.int32)
