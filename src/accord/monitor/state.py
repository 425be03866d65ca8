"""A monitor group's confirmed state now, by the evaluation's own rules.

Whether a service is down "as the contract defines it" (confirmations per vantage point,
location quorum, minimum outage) is decided by the domain's availability evaluation run
over a short recent window ending now, never by a second copy of those rules: the state
that opens an incident is the downtime the statement will count.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np

from accord.domain.availability import MeasurementRule, Objective, epoch_seconds, evaluate, utc
from accord.domain.evidence import Evidence, Samples
from accord.domain.period import Period


def lookback(rule: MeasurementRule) -> timedelta:
    """How far back the samples must reach to confirm an outage holding now."""
    reach = rule.minimum_outage + (rule.confirmations + rule.tolerance + 1) * rule.interval
    return timedelta(seconds=reach)


def down_since(rule: MeasurementRule, samples: Samples, now: datetime) -> datetime | None:
    """Start of the confirmed outage holding at the latest instant the samples speak for.

    None when the group is not confirmed down then: up, not yet confirmed, shorter than
    the minimum outage so far, or without data from enough vantage points.
    """
    as_of = _as_of(rule, samples, now)
    window = Period(start=now - lookback(rule), end=as_of, zone="UTC", label="now")
    objective = Objective(id="live", target_percent=None, measurement=rule)
    (result,) = evaluate(objective, Evidence(samples=samples), window)
    if result.downtime and result.downtime[-1][1] >= as_of.replace(microsecond=0):
        return result.downtime[-1][0]
    return None


def _as_of(rule: MeasurementRule, samples: Samples, now: datetime) -> datetime:
    """The latest instant every live vantage point has a sample holding.

    Checks from several locations arrive one by one: until each has reported, the newest
    instant is known only to some of them. A vantage point silent longer than the
    evaluation's tolerance has no data and does not hold the others back.
    """
    if len(samples) == 0:
        return now
    keys = (samples.scope.astype(np.int64) << 40) + (samples.location.astype(np.int64) << 20)
    keys += samples.monitor
    last: dict[int, int] = {}
    for k, t in zip(keys.tolist(), samples.at.tolist(), strict=True):
        last[k] = max(last.get(k, t), t)
    recent = epoch_seconds(now) - rule.tolerance * rule.interval
    ends = [t + rule.interval for t in last.values() if t >= recent]
    return min([now, *(utc(e) for e in ends)])
