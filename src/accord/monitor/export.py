"""Probe results written as an evidence sample file, each with its exact instant.

What a customer or an auditor receives to check the statement independently: one CSV row
per check, in the evidence format (docs/evidence.md), the instant to the microsecond.
`accord evaluate` reads it back to the same figures as the service's own samples.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import UTC
from pathlib import Path

from accord.monitor.monitors import Monitor
from accord.monitor.probes import ProbeResult
from accord.monitor.samples import Checked

COLUMNS = ("at", "ok", "scope", "location", "monitor", "response_ms")


def write_checks(checked: Iterable[Checked], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        writer.writerows(row(monitor, result) for monitor, result in checked)


def row(monitor: Monitor, result: ProbeResult) -> tuple[str, str, str, str, str, str]:
    """One check as a row of COLUMNS, its instant to the microsecond."""
    at = result.at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    latency = "" if result.latency_ms is None else f"{result.latency_ms:.3f}"
    ok = "true" if result.ok else "false"
    return at, ok, monitor.scope, monitor.location, monitor.name, latency
