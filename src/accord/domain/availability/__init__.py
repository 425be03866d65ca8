"""Availability: how much of a month each scope of an objective was up, and why not.

Samples become spans per vantage point, the vantage points of a scope meet a quorum,
given outages and maintenance are laid on the same time lines, and every second of the
month falls in one class: excluded (by reason), no data, downtime or up.

Where each rule lives:

- `evaluate`: the evaluation of one objective over one month (`evaluate`, `Objective`,
  `MeasurementRule`, `AvailabilityResult`), the order of the classes, downtime from notice,
  and the scan of the samples made once for a range of months (`scanned`, `Scanned`);
- `vantage_points`: samples to spans per vantage point, with confirmations (the hot path);
- `quorum`: quorum across vantage points;
- `downtime_periods`: the minimum outage (any source) and downtime in whole minutes;
- `scope_lines`: evidence laid on the time line of each scope it concerns;
- `requests`: availability from request counts (error rates per interval);
- `scopes`: which scopes an objective covers, and their roll-up to the whole service;
- `maintenance`: allowed windows, notice and the maintenance cap;
- `inferred`: how samples are read when the contract names no measurement;
- `intervals`: sets of half-open spans on arrays, the arithmetic under all of it.
"""

from __future__ import annotations

from accord.domain.availability.evaluate import (
    AvailabilityResult,
    MeasurementRule,
    Objective,
    Scanned,
    evaluate,
    scanned,
)
from accord.domain.availability.inferred import inferred_measurement
from accord.domain.availability.intervals import epoch_seconds, spans, utc
from accord.domain.availability.maintenance import MaintenanceRules, open_time

__all__ = [
    "AvailabilityResult",
    "MaintenanceRules",
    "MeasurementRule",
    "Objective",
    "Scanned",
    "epoch_seconds",
    "evaluate",
    "inferred_measurement",
    "open_time",
    "scanned",
    "spans",
    "utc",
]
