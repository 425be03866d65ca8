"""Request-based availability: error rates per interval, as storage and database SLAs count.

The window is cut into intervals of `interval` seconds from its start (the last one may
be short). An interval's error rate is its failed requests over its valid requests, the
counts of every evidence row that starts in it added up. An interval with fewer than
`minimum_requests` valid requests (none at all included) is read as the contract says:
as a 0 % error rate (`no_errors`: "an interval without requests has an Error Rate of 0")
or left out of the window (`ignored`: no data).

Two readings of availability, as the contract chooses:

- `mean_error_rate`: achieved = 100 % minus the mean of the intervals' error rates; the
  downtime reported is the equivalent time, the sum of each interval's rate times its
  length;
- `error_threshold`: an interval whose error rate is above `threshold_percent` is
  downtime (then the minimum outage of `downtime_periods` applies to runs of them), and
  achieved is up time over judged time, as for probes.

Only the scopes an objective covers count, and a whole-service objective takes the
counts without a scope (as every rule of `scopes` says).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from accord.domain.availability import intervals as iv
from accord.domain.availability.downtime_periods import recorded
from accord.domain.availability.intervals import epoch_seconds
from accord.domain.evidence import Requests
from accord.domain.period import Period

Reading = Literal["mean_error_rate", "error_threshold"]
BelowMinimum = Literal["no_errors", "ignored"]


@dataclass(frozen=True)
class RequestRule:
    interval: int  # seconds in an interval (300 for 'each five-minute interval')
    reading: Reading = "mean_error_rate"
    threshold_percent: float | None = None  # 'error_threshold': down above this error rate
    minimum_requests: int = 1  # valid requests an interval needs to have an error rate
    below_minimum: BelowMinimum = "no_errors"  # what an interval with fewer requests is
    minimum_outage: int = 0  # seconds; shorter runs of intervals over the threshold do not count


@dataclass(frozen=True)
class IntervalRates:
    """The intervals of one scope's window, as columns."""

    length: NDArray[np.int64]  # seconds of each interval (the last may be short)
    total: NDArray[np.int64]  # valid requests in each interval
    errors: NDArray[np.int64]  # failed requests in each interval


def interval_counts(
    requests: Requests, rows: NDArray[np.bool_], period: Period, interval: int
) -> IntervalRates:
    """Requests of the chosen `rows` added up per interval of `period` (the hot path)."""
    p0, p1 = epoch_seconds(period.start), epoch_seconds(period.end)
    count = -(-(p1 - p0) // interval)
    at = requests.at[rows]
    inside = (at >= p0) & (at < p1)
    picked = np.flatnonzero(rows)
    if not inside.all():
        picked, at = picked[inside], at[inside]
    slot = (at - p0) // interval
    total = np.bincount(slot, weights=requests.total[picked], minlength=count)
    errors = np.bincount(slot, weights=requests.errors[picked], minlength=count)
    length = np.full(count, interval, np.int64)
    length[-1] = p1 - p0 - (count - 1) * interval
    return IntervalRates(length, total.astype(np.int64), errors.astype(np.int64))


def judged(
    rates: IntervalRates, rule: RequestRule
) -> tuple[NDArray[np.float64], NDArray[np.bool_]]:
    """Each interval's error rate (0 to 1), and which intervals are judged at all."""
    enough = rates.total >= rule.minimum_requests
    rate = np.zeros(rates.total.size, np.float64)
    np.divide(rates.errors, rates.total, out=rate, where=enough & (rates.total > 0))
    keep = enough if rule.below_minimum == "ignored" else np.ones_like(enough)
    return rate, keep


@dataclass(frozen=True)
class RequestFigures:
    judged_seconds: int  # seconds of the intervals judged
    no_data_seconds: int  # seconds of intervals left out (below the minimum, 'ignored')
    downtime_seconds: int  # intervals over the threshold, or the rate-weighted equivalent
    achieved_percent: float | None  # None when no interval is judged
    downtime: tuple[tuple[int, int], ...]  # epoch spans over the threshold ('error_threshold')


def figures(rates: IntervalRates, rule: RequestRule, period: Period) -> RequestFigures:
    rate, keep = judged(rates, rule)
    judged_s = int(rates.length[keep].sum())
    no_data = period.seconds - judged_s
    if not keep.any():
        return RequestFigures(0, no_data, 0, None, ())
    if rule.reading == "mean_error_rate":
        mean = float(rate[keep].mean())
        down = int(round(float((rate[keep] * rates.length[keep]).sum())))
        return RequestFigures(judged_s, no_data, down, 100.0 * (1.0 - mean), ())
    assert rule.threshold_percent is not None
    over = keep & (rate * 100.0 > rule.threshold_percent)
    starts = epoch_seconds(period.start) + np.cumsum(rates.length) - rates.length
    spans = recorded(iv.spans(starts[over], starts[over] + rates.length[over]), rule.minimum_outage)
    down = spans.total
    achieved = 100.0 * (judged_s - down) / judged_s
    pairs = tuple(zip(spans.start.tolist(), spans.end.tolist(), strict=True))
    return RequestFigures(judged_s, no_data, down, achieved, pairs)


def rows_of(requests: Requests, scope: str | None) -> NDArray[np.bool_]:
    """The rows that count for `scope`: its own and those without a scope (for the whole
    service, None: those without a scope alone)."""
    whole: NDArray[np.bool_] = requests.scope == 0
    if scope is None or scope not in requests.scopes:
        return whole
    mine: NDArray[np.bool_] = requests.scope == requests.scopes.index(scope)
    return whole | mine
