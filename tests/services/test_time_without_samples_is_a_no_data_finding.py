"""Letsignit measures by 5-minute checks: time the checks do not cover has no data."""

from __future__ import annotations

import numpy as np

from accord.domain.evidence import Evidence, Fees, Samples
from accord.domain.period import parse_months
from accord.services.evaluate import evaluate

from .conftest import NOW, example


def test_a_month_checked_only_in_its_first_half_is_judged_on_that_half() -> None:
    letsignit = example("letsignit")
    [october] = parse_months("2026-10", letsignit.contract.zone)
    start = int(october.start.timestamp())
    at = np.arange(start, start + 15 * 86400, 300, dtype=np.int64)  # 15 days, every 5 min
    ok = np.ones(at.size, dtype=np.bool_)
    ok[100:106] = False  # 30 minutes of failed checks on the first day
    samples = Samples(
        at=at, ok=ok, scope=np.zeros(at.size, np.int32), location=np.zeros(at.size, np.int32),
        monitor=np.zeros(at.size, np.int32), response_ms=np.full(at.size, np.nan),
    )  # fmt: skip
    [s] = evaluate(letsignit, Evidence(fees=Fees("EUR", 1200.0), samples=samples),
                   [october], NOW)  # fmt: skip
    app = next(r for r in s.availability if r.objective == "application-servers")
    assert app.downtime_seconds == 30 * 60
    # The last check covers one interval after it; the rest of the month has no data.
    covered = at.size * 300
    assert app.no_data_seconds == october.seconds - covered
    assert app.achieved_percent == 100 * (covered - 1800) / covered
    assert "no_data" in {f.kind for f in s.findings}
