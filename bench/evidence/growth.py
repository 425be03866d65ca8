"""How the whole evaluation grows with scopes and months: the statement service in process.

For each size, the scenario of `bench.availability.scenario` (each store checked from two
locations, every `interval` between them) is evaluated by `accord.services.evaluate`, the
use case behind `accord evaluate`: availability, findings, credits, for every month of
the range at once. Reading files is left out (see `bench.evidence.run`): this measures the
cost per sample of the evaluation as scopes and months grow. Best of `repeat` runs.
"""

from __future__ import annotations

import gc
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from accord.contracts.loader import load_contract
from accord.services import evaluate as service

from ..availability.scenario import build
from .files import contract_text

NOW = datetime(2027, 6, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Growth:
    scopes: int
    months: int
    samples: int
    seconds: float  # best of the runs

    @property
    def ns_per_sample(self) -> float:
        return self.seconds / self.samples * 1e9


def measure(scopes: int, months: int, interval: int, repeat: int) -> Growth:
    scenario = build(scopes, months=months, interval=interval)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "contract.yaml"
        path.write_text(contract_text(scenario))
        loaded = load_contract(path)
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        statements = service.evaluate(loaded, scenario.evidence, scenario.periods, NOW)
        best = min(best, time.perf_counter() - started)
    assert len(statements) == months
    assert sum(len(s.availability) for s in statements) == scopes * months
    return Growth(scopes, months, len(scenario.evidence.samples), best)
