from __future__ import annotations

from datetime import timedelta
from typing import Any

from accord.contracts.model import Performance
from accord.domain.evidence import MetricPoint
from accord.domain.performance import PerformanceObjective
from accord.domain.period import Period, month
from accord.services.terms.performance import performance_objective

OCTOBER = month(2026, 10, "America/Los_Angeles")


def objective(**fields: Any) -> PerformanceObjective:
    """The objective as a contract words it, mapped the way the evaluation maps it."""
    return performance_objective(Performance.model_validate({"id": "perf"} | fields))


def points(name: str, values: list[float], period: Period = OCTOBER, every: int = 60) -> (
    list[MetricPoint]
):  # fmt: skip
    """One point every `every` seconds from the period start."""
    start = period.start
    return [MetricPoint(name, start + timedelta(seconds=i * every), v)
            for i, v in enumerate(values)]  # fmt: skip
