"""Probe results as samples: the one place where a check becomes evaluation evidence.

A sample's instant is the whole UTC second the check started in (the evaluation's
resolution, `accord.domain.availability.epoch_seconds`), its monitor, scope and location
those of the monitor; latency goes to `response_ms` (NaN when nothing answered).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from accord.domain.availability import epoch_seconds
from accord.domain.evidence import Samples
from accord.monitor.monitors import Monitor
from accord.monitor.probes import ProbeResult

Checked = tuple[Monitor, ProbeResult]


def to_samples(checked: Sequence[Checked]) -> Samples:
    """Samples for checks, in the order given; name tables in order of first use."""
    scopes, locations, monitors = _table(), _table(), _table()
    rows = [
        (
            epoch_seconds(r.at),
            r.ok,
            _code(scopes, m.scope),
            _code(locations, m.location),
            _code(monitors, m.name),
            math_nan(r.latency_ms),
        )
        for m, r in checked
    ]
    columns = list(zip(*rows, strict=True)) if rows else [()] * 6
    return Samples(
        at=np.array(columns[0], np.int64),
        ok=np.array(columns[1], np.bool_),
        scope=np.array(columns[2], np.int32),
        location=np.array(columns[3], np.int32),
        monitor=np.array(columns[4], np.int32),
        response_ms=np.array(columns[5], np.float64),
        scopes=tuple(scopes),
        locations=tuple(locations),
        monitors=tuple(monitors),
    )


def _table() -> dict[str, int]:
    return {"": 0}  # code 0 is '' (not given), as `Samples` expects


def _code(table: dict[str, int], name: str) -> int:
    return table.setdefault(name, len(table))


def math_nan(value: float | None) -> float:
    return float("nan") if value is None else value
