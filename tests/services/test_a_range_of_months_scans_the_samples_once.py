"""A range of months reads its samples once: the statements of `2026-09..2026-11` are those
of each month evaluated alone, and the samples are scanned once for the three."""

from __future__ import annotations

import importlib
from datetime import UTC, datetime

import numpy as np
import pytest

from accord.domain.evidence import Evidence, Fees, Outage, Samples
from accord.domain.period import parse_months
from accord.domain.statement import statement_json
from accord.services.evaluate import evaluate

from .conftest import NOW, example


def _three_months() -> Samples:
    """A store probed every 5 minutes from August to December, down now and then."""
    start = int(datetime(2026, 8, 25, tzinfo=UTC).timestamp())
    at = np.arange(start, int(datetime(2026, 12, 5, tzinfo=UTC).timestamp()), 300, np.int64)
    ok = (at // 300) % 997 > 40  # down about 3 hours every 3.5 days, across month ends too
    n = at.size
    return Samples(
        at=at, ok=ok, scope=np.ones(n, np.int32), location=np.ones(n, np.int32),
        monitor=np.zeros(n, np.int32), response_ms=np.full(n, np.nan),
        scopes=("", "store-12"), locations=("", "probe"),
    )  # fmt: skip


def test_a_range_gives_each_months_statement_and_scans_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lavi = example("lavi-qtrac")
    outage = Outage(datetime(2026, 9, 30, 20, tzinfo=UTC), datetime(2026, 10, 1, 3, tzinfo=UTC),
                    scope="store-12")  # fmt: skip
    evidence = Evidence(
        fees=Fees("USD", None, {"store-12": 400.0}), samples=_three_months(), outages=(outage,)
    )
    months = parse_months("2026-09..2026-11", lavi.contract.zone)
    alone = [statement_json(evaluate(lavi, evidence, [m], NOW)[0]) for m in months]
    # The module (the package's `evaluate` is its function of the same name).
    availability = importlib.import_module("accord.domain.availability.evaluate")
    scans: list[object] = []
    real = availability.scan
    monkeypatch.setattr(availability, "scan", lambda *a: scans.append(a) or real(*a))
    together = [statement_json(s) for s in evaluate(lavi, evidence, months, NOW)]
    assert together == alone
    assert any(row["downtime_minutes"] for s in alone for row in s["availability"])
    assert len(scans) == 1
