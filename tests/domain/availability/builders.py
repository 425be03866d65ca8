"""Small helpers to write evidence and objectives in tests."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

import numpy as np

from accord.domain.availability.evaluate import AvailabilityResult, Objective, evaluate
from accord.domain.evidence import Evidence, Samples
from accord.domain.period import Period

T0 = datetime(2026, 7, 1, tzinfo=UTC)  # a plain UTC day, far from any clock change
HOUR = 3600


def at(seconds: float) -> datetime:
    """T0 + seconds."""
    return T0 + timedelta(seconds=seconds)


def window(hours: float = 1, start: float = 0, zone: str = "UTC") -> Period:
    """A short synthetic 'month' [T0 + start, T0 + start + hours)."""
    return Period(at(start), at(start + hours * HOUR), zone, "test")


Row = tuple[int, bool, str, str, str]  # epoch second, ok, scope, location, monitor


def samples(rows: Iterable[Row]) -> Samples:
    """Samples from rows, with the code tables built in order of first appearance."""
    rows = list(rows)
    tables: list[dict[str, int]] = [{"": 0}, {"": 0}, {"": 0}]
    codes = [
        [table.setdefault(row[k], len(table)) for row in rows]
        for k, table in zip((2, 3, 4), tables, strict=True)
    ]
    return Samples(
        at=np.array([r[0] for r in rows], np.int64),
        ok=np.array([r[1] for r in rows], np.bool_),
        scope=np.array(codes[0], np.int32),
        location=np.array(codes[1], np.int32),
        monitor=np.array(codes[2], np.int32),
        response_ms=np.full(len(rows), np.nan),
        scopes=tuple(tables[0]),
        locations=tuple(tables[1]),
        monitors=tuple(tables[2]),
    )


def every(
    interval: int,
    states: str,
    start: float = 0,
    scope: str = "",
    location: str = "",
    monitor: str = "",
) -> list[Row]:
    """One sample per interval from T0 + start: '.' passes, 'x' fails, ' ' is silence."""
    first = int(at(start).timestamp())
    return [
        (first + i * interval, c == ".", scope, location, monitor)
        for i, c in enumerate(states)
        if c != " "
    ]


def one(objective: Objective, evidence: Evidence, period: Period) -> AvailabilityResult:
    (result,) = evaluate(objective, evidence, period)
    return result


def spans_of(result: AvailabilityResult) -> list[tuple[float, float]]:
    """The counted downtime as seconds after T0."""
    return [((s - T0).total_seconds(), (e - T0).total_seconds()) for s, e in result.downtime]
