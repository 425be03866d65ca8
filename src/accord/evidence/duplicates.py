"""One sample per vantage point and second: identical repeats dropped, conflicts refused.

Two samples of one vantage point (scope, location, monitor) at the same second that
agree are one observation given twice (an export run twice, two files overlapping): it
is counted once. Two that disagree cannot both be true, and which one wins would depend
on the order of the files: the evidence is refused, naming both places.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from accord.domain.evidence import Samples
from accord.evidence.instants import format_many
from accord.evidence.problems import Problems
from accord.evidence.sample_table import Place, SampleTable
from accord.problems import Problem

__all__ = ["one_per_second", "one_sample_a_second", "refuse_conflict"]

_CHUNK = 1 << 17  # pairs of samples compared at a time: the temporaries stay in cache


def one_sample_a_second(table: SampleTable, problems: Problems) -> Samples:
    """The table's samples, each repeat dropped; two that disagree go to `problems`."""
    samples, conflict = one_per_second(table.samples())
    if conflict is not None:
        refuse_conflict(samples, conflict, table.place, problems)
    return samples


def one_per_second(samples: Samples) -> tuple[Samples, tuple[int, int] | None]:
    """`samples` less the repeats of a sample, and the rows of the first two samples
    that disagree (None when none do)."""
    if len(samples) < 2 or _in_order_once(samples):
        return samples, None
    key = _series(samples)
    at = samples.at
    # Files grouped by vantage point, in time order, need no sort: codes are numbered
    # in order of first appearance, so their keys already rise.
    rises = (key[1:] > key[:-1]) | ((key[1:] == key[:-1]) & (at[1:] >= at[:-1]))
    order = None if bool(rises.all()) else np.lexsort((at, key))
    del rises
    if order is not None:
        key, at = key[order], at[order]
    same = (key[1:] == key[:-1]) & (at[1:] == at[:-1])
    del key
    if not same.any():
        return samples, None
    ok = samples.ok if order is None else samples.ok[order]
    clash = np.flatnonzero(same & (ok[1:] != ok[:-1]))
    if clash.size:
        first, second = int(clash[0]), int(clash[0]) + 1
        if order is not None:
            first, second = int(order[first]), int(order[second])
        return samples, (min(first, second), max(first, second))
    repeats = np.flatnonzero(same) + 1
    keep = np.ones(len(samples), np.bool_)
    keep[repeats if order is None else order[repeats]] = False
    return samples.take(np.flatnonzero(keep)), None


def _in_order_once(samples: Samples) -> bool:
    """True when the samples are grouped by vantage point in rising key order, each
    point's samples at rising seconds: the usual file, with no repeat to look for.

    One pass in cache-sized chunks, keeping only the rare rows where the point changes
    (a fraction of what sorting keys would cost)."""
    at, n = samples.at, len(samples)
    keys = (samples.scope, samples.location, samples.monitor)
    change = np.empty(_CHUNK, np.bool_)
    other = np.empty(_CHUNK, np.bool_)
    step = np.empty(_CHUNK, np.int64)
    for lo in range(0, n - 1, _CHUNK):
        pairs = min(_CHUNK, n - 1 - lo)  # pairs (i, i + 1) starting in this chunk
        c, o, d = change[:pairs], other[:pairs], step[:pairs]
        later, earlier = slice(lo + 1, lo + 1 + pairs), slice(lo, lo + pairs)
        np.not_equal(keys[0][later], keys[0][earlier], out=c)
        for key in keys[1:]:
            np.not_equal(key[later], key[earlier], out=o)
            np.logical_or(c, o, out=c)
        np.subtract(at[later], at[earlier], out=d)
        np.less_equal(d, 0, out=o)
        np.greater(o, c, out=o)  # the same point, not later in time
        if o.any():
            return False
        moves = np.flatnonzero(c) + lo
        before = _series(samples, moves)
        if moves.size and not bool((_series(samples, moves + 1) > before).all()):
            return False
    return True


def _series(samples: Samples, rows: NDArray[np.int64] | None = None) -> NDArray[np.int64]:
    """Each sample's vantage point as one number, rising with the codes (of `rows` only,
    when given)."""
    scope, location, monitor = samples.scope, samples.location, samples.monitor
    if rows is not None:
        scope, location, monitor = scope[rows], location[rows], monitor[rows]
    width_l = np.int64(len(samples.locations) + 1)
    width_m = np.int64(len(samples.monitors) + 1)
    key = scope.astype(np.int64) * width_l + location
    key *= width_m
    key += monitor
    return key


def refuse_conflict(
    samples: Samples, rows: tuple[int, int], place: Callable[[int], Place | None],
    problems: Problems,
) -> None:  # fmt: skip
    """Report two samples that disagree, at the second one, naming the first."""
    first, second = rows
    at = format_many(samples.at[[second]])[0].decode()
    names = (
        ("scope", samples.scopes[samples.scope[second]]),
        ("location", samples.locations[samples.location[second]]),
        ("monitor", samples.monitors[samples.monitor[second]]),
    )
    point = ", ".join(f"{kind} {name!r}" for kind, name in names if name) or "the service"
    state = {True: "up (ok true)", False: "down (ok false)"}
    there = place(first)
    other = f"{there[0]}:{there[1]}" if there else f"sample {first + 1} of the evidence"
    message = (
        f"the sample of {point} at {at} says {state[bool(samples.ok[second])]}, but "
        f"{other} says {state[bool(samples.ok[first])]} at the same second; "
        "keep one of them"
    )
    here = place(second)
    if here is None:
        problems.found.append(Problem(problems.file, 1, 1, "ok", message))
    else:
        problems.found.append(Problem(here[0], here[1], here[2], "ok", message))
