"""Performance objectives of a contract as the domain's `PerformanceObjective`s.

A ratio's window in business days has no length: the objective has no data.
"""

from __future__ import annotations

from accord.contracts.model import Performance
from accord.domain.performance import COMPARISONS, BandRule, Bound, PerformanceObjective, RatioRule

__all__ = ["performance_objective"]


def performance_objective(p: Performance) -> PerformanceObjective:
    bound = None
    for comparison in COMPARISONS:
        value = getattr(p, comparison)
        if value is not None:
            bound = Bound(comparison, value)
    ratio = None
    if p.ratio is not None:
        r = p.ratio
        ratio = RatioRule(r.bad, r.total, str(r.window), r.window.seconds, r.at_most_percent)
    return PerformanceObjective(
        id=p.id,
        metric=p.metric,
        unit=p.unit,
        statistic=p.statistic,
        bound=bound,
        bands=tuple(BandRule(b.under, b.percent) for b in p.bands),
        ratio=ratio,
    )
