"""Objectives that say what to reach but not how it is measured."""

from __future__ import annotations

from collections.abc import Iterator

from accord.contracts.lint_rules.base import (
    Check,
    Context,
    Finding,
    Rule,
    availability,
    performance,
)

UNMEASURED_AVAILABILITY = Rule(
    "A201",
    "availability with no way to measure it",
    "Without a `measurement` (probe, interval, timeout) provider and customer can count "
    "different downtime from the same month: a check every minute sees outages a check "
    "every 10 minutes misses. Say how downtime is detected.",
)


def unmeasured_availability(context: Context) -> Iterator[Finding]:
    for path, objective in availability(context.contract):
        if objective.measurement is None and objective.requests is None:
            yield (
                (*path, "id"),
                (
                    f"{objective.id!r} has no measurement: which probe, how often, and what "
                    "counts as down?"
                ),
            )


UNMEASURED_PERFORMANCE = Rule(
    "A202",
    "a performance objective with no way to measure it",
    "A latency or response time depends on where and how often it is sampled (from which "
    "region, server-side or end to end). Give a `measurement`; objectives over counts "
    "the provider reports (`ratio`) need none.",
)


def unmeasured_performance(context: Context) -> Iterator[Finding]:
    for path, objective in performance(context.contract):
        if objective.measurement is None and objective.ratio is None:
            yield (
                (*path, "metric"),
                (
                    f"{objective.id!r} reads {objective.metric!r} but says not how it is "
                    "sampled: from where, how often, measured by whom?"
                ),
            )


NO_STATISTIC = Rule(
    "A203",
    "a performance bound with no statistic",
    "'Latency below 50 ms' can mean every sample, the monthly mean, or a percentile, and "
    "one month can pass one reading and fail another. Say `statistic: mean` (or median, "
    "p95, max...).",
)


def no_statistic(context: Context) -> Iterator[Finding]:
    for path, objective in performance(context.contract):
        bound = next((b for b in ("at_most", "below", "at_least", "above")
                      if getattr(objective, b) is not None), None)  # fmt: skip
        if bound is not None and objective.statistic is None:
            yield (
                (*path, bound),
                (
                    f"{bound} {getattr(objective, bound):g} {objective.unit}".rstrip()
                    + ": of every sample, of the mean, or of a percentile? Say `statistic:`"
                ),
            )


COARSE_SAMPLES = Rule(
    "A204",
    "a minimum outage no longer than the time between samples",
    "'Outages under 5 minutes are not recorded' with a check every 5 minutes: one failed "
    "check cannot tell a 1-minute outage from a 5-minute one, so whether a single failure "
    "is recorded depends on how the gap between checks is counted. Sample more often "
    "than the minimum outage, or say how many failed checks make an outage "
    "(`confirmations`).",
)


def coarse_samples(context: Context) -> Iterator[Finding]:
    for path, objective in availability(context.contract):
        m = objective.measurement
        if m is None or m.minimum_outage is None or m.confirmations > 1:
            continue
        shortest, step = m.minimum_outage.seconds, m.interval.seconds
        if shortest is not None and step is not None and shortest <= step:
            yield (
                (*path, "measurement", "minimum_outage"),
                (
                    f"outages under {m.minimum_outage} are not recorded, but checks are "
                    f"{m.interval} apart: is one failed check an outage to record or not?"
                ),
            )


RULES: list[tuple[Rule, Check]] = [
    (UNMEASURED_AVAILABILITY, unmeasured_availability),
    (UNMEASURED_PERFORMANCE, unmeasured_performance),
    (NO_STATISTIC, no_statistic),
    (COARSE_SAMPLES, coarse_samples),
]
