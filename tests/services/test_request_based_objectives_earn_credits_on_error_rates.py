"""A storage objective judged on request error rates earns the tier of its figure."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from accord.contracts.loader import load_contract
from accord.domain.evidence import Evidence, Fees, Requests
from accord.domain.period import parse_months
from accord.services.evaluate import evaluate

from .conftest import NOW

CONTRACT = """\
id: storage
title: Storage
provider: Example
version: "1"
effective_from: 2026-01-01
zone: UTC
availability:
  - id: storage
    target: 99.9
    requests: {interval: 5m, reading: mean_error_rate}
    credit:
      kind: tiered
      tiers: [{range: "[99.0, 99.9)", percent: 10}, {range: "[0, 99.0)", percent: 25}]
"""


def test_the_mean_error_rate_of_the_month_picks_the_tier(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(CONTRACT, encoding="utf-8")
    loaded = load_contract(path)
    # November 2026 (UTC) has 8,640 five-minute intervals. 60 of them fail half their
    # requests: mean error rate 60 * 0.5 / 8640 = 0.347 %, uptime 99.653 %: the 10 % tier.
    start = int(datetime(2026, 11, 1, tzinfo=UTC).timestamp())
    at = start + 300 * np.arange(8640, dtype=np.int64)
    total = np.full(8640, 200, np.int64)
    errors = np.zeros(8640, np.int64)
    errors[1000:1060] = 100
    requests = Requests(at, total, errors, np.zeros(8640, np.int32))
    evidence = Evidence(fees=Fees("USD", 1000.0), requests=requests)
    [s] = evaluate(loaded, evidence, parse_months("2026-11", "UTC"), NOW)
    [row] = s.availability
    assert abs(row.achieved_percent - (100 - 100 * 60 * 0.5 / 8640)) < 1e-9
    assert [(c.percent, c.amount) for c in s.credits] == [(10.0, 100.0)]
