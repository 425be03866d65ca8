"""Performance and business-metric objectives: a statistic against a bound, percentile
bands, or a bad/total ratio over windows.

Readings this module commits to:

- A bound without a statistic applies to the mean (E2 'average ... 15 ms or less').
- Percentiles are nearest-rank: p90 is the smallest observed value with at least 90 % of
  the samples at or below it, so every figure is a value somebody measured. The median
  is the usual one (the middle value, or the mean of the two middle values).
- A band ('under 1.0 s 80 % of the time', E3) counts samples strictly under its value.
- A ratio (S9 'more than 10 % of orders delayed over a 30-minute period') sums the bad
  and the total counts in tumbling windows aligned to the period start (00:00-00:30,
  00:30-01:00, ... local time); a window with no events has no share. The objective is
  met when no window's share is above the limit.
- Values are compared with bounds after `settle` (see `accord.domain.remedies.credits`).
- No values: achieved None and met None, never 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from accord.domain.availability.intervals import epoch_seconds, utc
from accord.domain.evidence import MetricPoint, Samples
from accord.domain.period import Period
from accord.domain.remedies.credits import PRECISION, settle

Floats = NDArray[np.float64]
Seconds = NDArray[np.int64]
PROBE_METRIC = "response_ms"  # the metric the probe samples' response times answer
Comparison = Literal["at_most", "below", "at_least", "above"]
COMPARISONS: tuple[Comparison, ...] = ("at_most", "below", "at_least", "above")
_SIGNS: dict[Comparison, str] = {"at_most": "<=", "below": "<", "at_least": ">=", "above": ">"}


@dataclass(frozen=True)
class Bound:
    comparison: Comparison  # how the statistic must compare with `value`
    value: float  # in the objective's unit


@dataclass(frozen=True)
class BandRule:
    under: float  # in the objective's unit
    percent: float  # share of the values that must be strictly under it


@dataclass(frozen=True)
class RatioRule:
    bad: str  # metric counting bad events (orders delayed)
    total: str  # metric counting all events (orders)
    window: str  # the window as the contract words it ('30m')
    window_seconds: int | None  # its length; None when it has none (business days)
    at_most_percent: float  # the share of bad events a window may reach


@dataclass(frozen=True)
class PerformanceObjective:
    """One objective, with exactly one of a bound, bands or a ratio."""

    id: str  # the objective's id in the contract
    metric: str | None  # the evidence metric of a bound or bands
    unit: str = ""  # of the metric
    statistic: str | None = None  # mean, median, p90, p95, p99, max, min; None: mean
    bound: Bound | None = None
    bands: tuple[BandRule, ...] = ()
    ratio: RatioRule | None = None


def statistic(values: Floats, name: str) -> float | None:
    if values.size == 0:
        return None
    if name == "mean":
        return float(np.mean(values))
    if name == "median":
        return float(np.median(values))
    if name == "max":
        return float(np.max(values))
    if name == "min":
        return float(np.min(values))
    rank = float(name.removeprefix("p"))
    return float(np.percentile(values, rank, method="inverted_cdf"))


def bound_met(value: float | None, bound: Bound) -> bool | None:
    if value is None:
        return None
    v, limit = settle(value), settle(bound.value)
    match bound.comparison:
        case "at_most":
            return v <= limit
        case "below":
            return v < limit
        case "at_least":
            return v >= limit
        case "above":
            return v > limit


@dataclass(frozen=True)
class BandResult:
    under: float  # the band's value, in the objective's unit
    required_percent: float  # share of samples that must be under it
    achieved_percent: float | None  # share that was; None without samples
    met: bool | None  # None without samples


def band_results(values: Floats, bands: Sequence[BandRule]) -> tuple[BandResult, ...]:
    results = []
    for band in bands:
        share = None if values.size == 0 else float(np.mean(values < band.under) * 100)
        met = None if share is None else settle(share) >= settle(band.percent)
        results.append(BandResult(band.under, band.percent, share, met))
    return tuple(results)


@dataclass(frozen=True)
class RatioResult:
    window_seconds: int  # width of each tumbling window
    windows: int  # windows that saw at least one event
    windows_over: int  # windows whose bad share is above the limit
    worst_percent: float | None  # highest bad share of any window; None without events
    worst_start: datetime | None  # UTC start of the (first) worst window
    limit_percent: float  # the share a window may reach


def ratio_result(
    bad: tuple[Seconds, Floats], total: tuple[Seconds, Floats], period: Period, rule: RatioRule
) -> RatioResult:
    width = rule.window_seconds or 0
    if width <= 0:  # a window in business days has no fixed width: nothing to measure
        return RatioResult(0, 0, 0, None, None, rule.at_most_percent)
    start = epoch_seconds(period.start)
    count = -(-period.seconds // width)  # the last window may be cut short by the month end
    bad_sum = np.bincount((bad[0] - start) // width, weights=bad[1], minlength=count)
    total_sum = np.bincount((total[0] - start) // width, weights=total[1], minlength=count)
    seen = total_sum > 0
    shares = np.where(seen, bad_sum / np.where(seen, total_sum, 1.0) * 100, np.nan)
    if not seen.any():
        return RatioResult(width, 0, 0, None, None, rule.at_most_percent)
    worst = int(np.nanargmax(shares))
    over = int(np.sum(np.round(shares[seen], PRECISION) > settle(rule.at_most_percent)))
    worst_start = utc(start + worst * width)
    return RatioResult(
        width, int(seen.sum()), over, float(shares[worst]), worst_start, rule.at_most_percent
    )


@dataclass(frozen=True)
class PerformanceResult:
    objective: str  # objective id
    scope: str | None  # the location, or None for the whole service
    requirement: str  # what is promised, in words ('mean <= 15 ms')
    achieved: float | None  # the statistic, the binding band's share or the worst window
    unit: str  # of `achieved`
    met: bool | None  # None when there is no data
    samples: int  # values the result rests on
    bands: tuple[BandResult, ...] = ()  # per band, for band objectives
    ratio: RatioResult | None = None  # for ratio objectives


def series(
    metrics: Sequence[MetricPoint], name: str, period: Period, scope: str | None
) -> tuple[Seconds, Floats]:
    """Times and values of one metric inside the period (and the scope, when given)."""
    points = [
        p
        for p in metrics
        if p.name == name
        and period.start <= p.at < period.end
        and (scope is None or p.scope == scope)
    ]
    at = np.array([epoch_seconds(p.at) for p in points], dtype=np.int64)
    return at, np.array([p.value for p in points], dtype=np.float64)


def probe_series(samples: Samples, period: Period, scope: str | None) -> Floats:
    """Measured response times of the probe samples inside the period."""
    start, end = epoch_seconds(period.start), epoch_seconds(period.end)
    keep = (samples.at >= start) & (samples.at < end) & ~np.isnan(samples.response_ms)
    if scope is not None:
        index = samples.scopes.index(scope) if scope in samples.scopes else -1
        keep &= samples.scope == index
    return samples.response_ms[keep]


def evaluate_performance(
    objective: PerformanceObjective,
    metrics: Sequence[MetricPoint],
    samples: Samples,
    period: Period,
    scope: str | None = None,
) -> PerformanceResult:
    if objective.ratio is not None:
        return _ratio(objective, objective.ratio, metrics, period, scope)
    name = objective.metric or ""
    values = series(metrics, name, period, scope)[1]
    if values.size == 0 and name == PROBE_METRIC:
        values = probe_series(samples, period, scope)
    if objective.bands:
        return _bands(objective, values, scope)
    achieved = statistic(values, objective.statistic or "mean")
    met = None if objective.bound is None else bound_met(achieved, objective.bound)
    return PerformanceResult(
        objective.id, scope, requirement(objective), achieved, objective.unit, met,
        int(values.size),
    )  # fmt: skip


def _bands(objective: PerformanceObjective, values: Floats, scope: str | None) -> PerformanceResult:
    bands = band_results(values, objective.bands)
    # The band with the least room (or the most missed) speaks for the objective.
    binding = min(bands, key=lambda b: (b.achieved_percent or 0.0) - b.required_percent)
    met = None if values.size == 0 else all(b.met for b in bands)
    return PerformanceResult(
        objective.id, scope, requirement(objective), binding.achieved_percent, "%", met,
        int(values.size), bands=bands,
    )  # fmt: skip


def _ratio(
    objective: PerformanceObjective,
    rule: RatioRule,
    metrics: Sequence[MetricPoint],
    period: Period,
    scope: str | None,
) -> PerformanceResult:
    bad = series(metrics, rule.bad, period, scope)
    total = series(metrics, rule.total, period, scope)
    result = ratio_result(bad, total, period, rule)
    met = None if result.windows == 0 else result.windows_over == 0
    return PerformanceResult(
        objective.id, scope, requirement(objective), result.worst_percent, "%", met,
        int(total[0].size), ratio=result,
    )  # fmt: skip


def requirement(objective: PerformanceObjective) -> str:
    """The promise in a few words, for statements and tables."""
    unit = f" {objective.unit}" if objective.unit else ""
    if objective.ratio is not None:
        r = objective.ratio
        return f"{r.bad} / {r.total} <= {r.at_most_percent:g}% in every {r.window}"
    if objective.bands:
        return ", ".join(f"{b.percent:g}% under {b.under:g}{unit}" for b in objective.bands)
    if objective.bound is not None:
        sign, value = _SIGNS[objective.bound.comparison], objective.bound.value
        return f"{objective.statistic or 'mean'} {sign} {value:g}{unit}"
    return ""
