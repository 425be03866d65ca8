"""Evidence laid on the time lines of the scopes it concerns (see `intervals`).

Line i is the i-th scope of the results ('' / None: the whole service, when there is one
line). Evidence without a scope concerns every line; evidence of a scope not among the
results concerns none, so a whole-service line takes whole-service evidence alone (its
scopes reach it only by roll-up, see `scopes`).
"""

from __future__ import annotations

from datetime import datetime

import numpy as np

from accord.domain.availability import intervals as iv
from accord.domain.availability.intervals import Axis, epoch_seconds
from accord.domain.availability.vantage_points import VantageSpans
from accord.domain.evidence import MaintenanceWindow, Outage
from accord.domain.period import Period


def axis_for_evidence(
    lines: int,
    period: Period,
    vantage: VantageSpans | None,
    outages: list[Outage],
    windows: list[MaintenanceWindow],
    reach: Period | None = None,
) -> Axis:
    """An axis of `lines` lines long enough for the month (and `reach`, where rules look
    further, e.g. a yearly cap) and every instant of the evidence."""
    low, high = epoch_seconds(period.start), epoch_seconds(period.end)
    if reach is not None:
        low, high = min(low, epoch_seconds(reach.start)), max(high, epoch_seconds(reach.end))
    if vantage is not None and vantage.data_start.size:
        low = min(low, int(vantage.data_start.min()))
        high = max(high, int(vantage.data_end.max()))
    for start, end in [(o.start, o.end) for o in outages] + [(w.start, w.end) for w in windows]:
        low = min(low, epoch_seconds(start))
        high = max(high, epoch_seconds(end))
    return iv.axis_for(lines, low, high)


class Placer:
    """Puts evidence on the lines of the scopes it concerns."""

    def __init__(self, axis: Axis, names: list[str | None]) -> None:
        self.axis = axis
        self.every = list(range(len(names)))
        self.index = {name: i for i, name in enumerate(names) if name is not None}

    def lines(self, scope: str | None) -> list[int]:
        """A scope's own line; whole-service evidence (no scope) concerns every line."""
        if not scope:
            return self.every
        return [self.index[scope]] if scope in self.index else []

    def events(
        self, events: list[tuple[datetime, datetime, str | None]]
    ) -> tuple[iv.Seconds, iv.Seconds]:
        """Keyed (start, end) of each event on each of its lines, event by event."""
        rows = [
            (epoch_seconds(s), epoch_seconds(e), line)
            for s, e, scope in events
            for line in self.lines(scope)
        ]
        table = np.array(rows, np.int64).reshape(-1, 3)
        line = table[:, 2]
        return self.axis.place(table[:, 0], line), self.axis.place(table[:, 1], line)

    def code_lines(self, scopes: tuple[str, ...]) -> list[list[int]]:
        """For each scope code of the samples, the lines it concerns."""
        return [self.lines(name) for name in scopes]


def on_lines(
    axis: Axis, vp_lines: list[list[int]], vp: iv.Seconds, start: iv.Seconds, end: iv.Seconds
) -> tuple[iv.Seconds, iv.Seconds]:
    """Keyed pieces of each vantage point on each line it concerns."""
    copies = np.array([len(lines) for lines in vp_lines], np.int64)
    if copies.size == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    if (copies == 1).all():
        line = np.array([lines[0] for lines in vp_lines], np.int64)[vp]
        return axis.place(start, line), axis.place(end, line)
    flat = np.array([line for lines in vp_lines for line in lines], np.int64)
    offset = np.cumsum(copies) - copies
    repeat = copies[vp]
    piece = np.repeat(np.arange(vp.size), repeat)
    k = np.arange(piece.size) - np.repeat(np.cumsum(repeat) - repeat, repeat)
    line = flat[offset[vp[piece]] + k]
    return axis.place(start[piece], line), axis.place(end[piece], line)
