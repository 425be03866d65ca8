"""Lavi and Ethnio name no probe or interval: their samples are read at their own interval.

November 2026 in Los Angeles has 721 hours (the clock falls back on the 1st); March 2026
has 743 (it springs forward on the 8th).
"""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest

from accord.domain.evidence import Evidence, Fees, Outage, Samples
from accord.domain.period import Period, parse_months
from accord.services.evaluate import evaluate

from .conftest import NOW, example, month_seconds

H = 3600


def _every(
    period: Period, interval: int, down_from: int, down_hours: int, scope: str = "",
    days: int | None = None,
) -> Samples:  # fmt: skip
    """Samples at `interval` all month (or its first `days`), failing for `down_hours`
    from `down_from` seconds into the month."""
    start = int(period.start.timestamp())
    end = int(period.end.timestamp()) if days is None else start + days * 86_400
    at = np.arange(start, end, interval, dtype=np.int64)
    ok = (at < start + down_from) | (at >= start + down_from + down_hours * H)
    n = at.size
    return Samples(
        at=at, ok=ok, scope=np.full(n, 1 if scope else 0, np.int32),
        location=np.full(n, 1, np.int32), monitor=np.zeros(n, np.int32),
        response_ms=np.full(n, np.nan), scopes=("", scope) if scope else ("",),
        locations=("", "probe"),
    )  # fmt: skip


def test_lavi_counts_failed_samples_and_given_outages_of_a_store() -> None:
    lavi = example("lavi-qtrac")
    [november] = parse_months("2026-11", lavi.contract.zone)
    outage = Outage(datetime(2026, 11, 20, 12, tzinfo=UTC), datetime(2026, 11, 20, 14, tzinfo=UTC),
                    scope="store-12")  # fmt: skip
    evidence = Evidence(
        fees=Fees("USD", None, {"store-12": 400.0}),
        samples=_every(november, 300, 10 * 86_400, 12, scope="store-12"),
        outages=(outage,),
    )
    [s] = evaluate(lavi, evidence, [november], NOW)
    [row] = s.availability
    assert (row.scope, row.downtime_seconds, row.no_data_seconds) == ("store-12", 14 * H, 0)
    total = month_seconds(30, 1)
    assert row.achieved_percent == pytest.approx(100 * (total - 14 * H) / total)  # 98.06 %
    assert [(line.percent, line.amount) for line in s.credits] == [(10.0, 40.0)]
    [note] = [f.message for f in s.findings if f.kind == "measurement_inferred"]
    assert note.startswith("queuing-uptime:") and "5 min" in note


def test_ethnio_counts_ninety_minutes_of_failed_checks() -> None:
    ethnio = example("ethnio")
    [march] = parse_months("2026-03", ethnio.contract.zone)
    evidence = Evidence(fees=Fees("USD", 2000.0), samples=_every(march, 60, 3 * 86_400, 2))
    [s] = evaluate(ethnio, evidence, [march], NOW)
    uptime = next(r for r in s.availability if r.objective == "uptime")
    assert (uptime.downtime_seconds, uptime.no_data_seconds) == (2 * H, 0)
    total = month_seconds(31, -1)
    assert uptime.achieved_percent == pytest.approx(100 * (total - 2 * H) / total)
    assert uptime.met is False
    [note] = [f.message for f in s.findings if f.kind == "measurement_inferred"]
    assert note.startswith("uptime:") and "1 min" in note


def test_samples_with_no_failure_still_say_where_data_is_missing() -> None:
    ethnio = example("ethnio")
    [march] = parse_months("2026-03", ethnio.contract.zone)
    samples = _every(march, 60, 0, 0, days=15)  # every check passes, for 15 days
    [s] = evaluate(ethnio, Evidence(samples=samples), [march], NOW)
    uptime = next(r for r in s.availability if r.objective == "uptime")
    assert uptime.downtime_seconds == 0
    assert uptime.no_data_seconds == month_seconds(31, -1) - 15 * 86_400
