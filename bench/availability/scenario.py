"""The benchmark's month: 1,000 stores watched from two locations, October 2026 in Paris.

Each store is probed every 2 minutes from Paris and from Frankfurt, the two staggered by a
minute, so the store is checked every minute: 745 hours x 60 = 44,700 samples per store,
44.7 million in all. A month of life is laid over it: incidents both locations see (some
shorter than the 5-minute minimum), failures only one location sees (the quorum of 2
ignores them), lone failed checks (two in a row confirm), silences of a probe, outages
given by hand with their causes, and maintenance inside and outside the allowed nights,
announced or not, some beyond the monthly cap.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

import numpy as np

from accord.domain.availability import MaintenanceRules, MeasurementRule, Objective, epoch_seconds
from accord.domain.calendars import BusinessCalendar, Interval, WeeklyHours
from accord.domain.evidence import CAUSES, Evidence, MaintenanceWindow, Outage, Samples
from accord.domain.period import Period, month

PERIOD = month(2026, 10, "Europe/Paris")
INTERVAL = 120
LOCATIONS = ("paris", "frankfurt")
NIGHTS = WeeklyHours(tuple((Interval(0, 660), Interval(1080, 1440)) for _ in range(7)))
OBJECTIVE = Objective(
    id="stores",
    target_percent=99.0,
    measurement=MeasurementRule(interval=INTERVAL, confirmations=2, minimum_outage=300, quorum=2),
    maintenance=MaintenanceRules(
        allowed=BusinessCalendar("maintenance windows", "Europe/Paris", NIGHTS),
        notice=86_400,
        monthly_cap=4 * 3600,
    ),
    excluded_causes=frozenset({"force_majeure", "third_party", "attack"}),
    per_scope=True,
)


@dataclass(frozen=True)
class Scenario:
    objective: Objective
    evidence: Evidence
    period: Period  # the first month
    scopes: int
    periods: tuple[Period, ...] = (PERIOD,)  # every month the samples cover


def months_from(first: Period, count: int) -> tuple[Period, ...]:
    found = [first]
    while len(found) < count:
        year, number = int(found[-1].label[:4]), int(found[-1].label[5:])
        found.append(month(year + number // 12, number % 12 + 1, first.zone))
    return tuple(found)


def build(
    scopes: int = 1000, seed: int = 2026, months: int = 1, interval: int = INTERVAL
) -> Scenario:
    """The month (or `months` from October 2026) with each location checked every `interval`."""
    rng = np.random.default_rng(seed)
    periods = months_from(PERIOD, months)
    p0, p1 = epoch_seconds(PERIOD.start), epoch_seconds(periods[-1].end)
    per_location = (p1 - p0) // interval
    n = scopes * len(LOCATIONS) * per_location
    at = np.empty(n, np.int64)
    ok = np.ones(n, np.bool_)
    scope = np.empty(n, np.int32)
    location = np.empty(n, np.int32)
    ticks = np.arange(per_location, dtype=np.int64) * interval
    keep = np.ones(n, np.bool_)
    row = 0
    for s in range(scopes):
        both = _incidents(rng, per_location)
        for k in range(len(LOCATIONS)):
            part = slice(row, row + per_location)
            at[part] = p0 + k * interval // len(LOCATIONS) + ticks
            scope[part] = s + 1
            location[part] = k + 1
            failed = both | _incidents(rng, per_location, count=3)
            failed[rng.integers(0, per_location, 20)] = True  # lone failed checks
            ok[part] = ~failed
            for start in rng.integers(0, per_location, 2):  # the probe falls silent
                keep[row + start : row + min(start + rng.integers(5, 20), per_location)] = False
            row += per_location
    samples = Samples(
        at=at[keep],
        ok=ok[keep],
        scope=scope[keep],
        location=location[keep],
        monitor=np.zeros(int(keep.sum()), np.int32),
        response_ms=np.full(int(keep.sum()), np.nan),
        scopes=("", *(f"store-{s:04d}" for s in range(scopes))),
        locations=("", *LOCATIONS),
        monitors=("",),
    )
    del at, ok, scope, location, keep
    seconds = p1 - p0
    evidence = Evidence(
        samples=samples,
        outages=_outages(rng, scopes, seconds),
        maintenance=_maintenance(rng, scopes, seconds),
    )
    measurement = OBJECTIVE.measurement
    assert measurement is not None
    objective = replace(OBJECTIVE, measurement=replace(measurement, interval=interval))
    return Scenario(objective, evidence, PERIOD, scopes, periods)


def _incidents(rng: np.random.Generator, size: int, count: int = 6) -> np.ndarray:
    failed = np.zeros(size, np.bool_)
    for start in rng.integers(0, size, count):
        failed[start : start + rng.integers(1, 45)] = True
    return failed


def _at(seconds: float) -> datetime:
    return PERIOD.start + timedelta(seconds=int(seconds))


def _outages(rng: np.random.Generator, scopes: int, seconds: int) -> tuple[Outage, ...]:
    found = []
    for s in range(scopes):
        for _ in range(2):
            start = rng.integers(-86_400, seconds)
            found.append(
                Outage(
                    _at(start),
                    _at(start + rng.integers(60, 4 * 3600)),
                    f"store-{s:04d}",
                    CAUSES[rng.integers(0, len(CAUSES))],
                )
            )
    start = seconds // 3  # one outage of the whole service
    found.append(Outage(_at(start), _at(start + 1800), None, "third_party"))
    return tuple(found)


def _maintenance(
    rng: np.random.Generator, scopes: int, seconds: int
) -> tuple[MaintenanceWindow, ...]:
    found = []
    for s in range(scopes):
        for _ in range(3):
            start = rng.integers(0, seconds)
            notice = rng.choice([None, 3600, 2 * 86_400])
            announced = None if notice is None else _at(start - notice)
            found.append(
                MaintenanceWindow(
                    _at(start),
                    _at(start + rng.integers(1800, 3 * 3600)),
                    f"store-{s:04d}",
                    announced,
                )
            )
    return tuple(found)


def raw_bytes(samples: Samples) -> int:
    return sum(
        a.nbytes
        for a in (
            samples.at,
            samples.ok,
            samples.scope,
            samples.location,
            samples.monitor,
            samples.response_ms,
        )
    )


_ = UTC
