"""The contract language, objectives: how availability and performance are promised and
measured."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator

from accord.contracts.model_base import SLUG, Count, Number, Strict, keys_as_text
from accord.contracts.model_credits import CreditRule
from accord.contracts.types import (
    FixedDurationField,
    IntervalField,
    PercentField,
)

Probe = Literal[
    "http", "http_headers", "http_keyword", "tcp", "icmp", "dns", "tls", "heartbeat", "manual"
]


class Measurement(Strict):
    """How an objective is measured; the evaluation uses the numbers, monitors use all."""

    probe: Probe
    target: str | None = None  # URL, host or heartbeat name
    interval: IntervalField  # one sample per interval
    timeout: FixedDurationField | None = None  # a sample slower than this fails
    confirmations: Count = Field(default=1, ge=1)  # consecutive failures before down
    minimum_outage: FixedDurationField | None = None  # shorter outages (any source) not recorded
    locations: list[str] = []  # probe locations
    quorum: Count = Field(default=1, ge=1)  # locations that must agree on down
    remediation: list[str] = []  # ordered actions on failure (restart, reboot, ...)
    opens_incident: bool = False  # an alert opens an incident ticket automatically
    around_the_clock: bool = True  # monitored 24/7/365


class RequestMeasurement(Strict):
    """Availability from request counts: an error rate per interval (storage, databases)."""

    interval: IntervalField  # 'each five-minute interval'
    reading: Literal["mean_error_rate", "error_threshold"]
    # 'error_threshold': an interval whose error rate is above this percent is downtime.
    error_threshold_percent: PercentField | None = None
    minimum_requests: Count = Field(default=1, ge=1)  # an interval needs this many to be judged
    below_minimum: Literal["no_errors", "ignored"] = "no_errors"  # else: 0 % errors, or no data
    minimum_outage: FixedDurationField | None = None  # shorter runs over the threshold: none

    @model_validator(mode="after")
    def _threshold(self) -> RequestMeasurement:
        needs = self.reading == "error_threshold"
        if needs != (self.error_threshold_percent is not None):
            raise ValueError("'error_threshold_percent' goes with reading: error_threshold only")
        return self


class Availability(Strict):
    """An uptime commitment over a calendar month of the contract's zone."""

    id: str = Field(pattern=SLUG)
    description: str | None = None
    target: Annotated[PercentField | dict[str, PercentField], BeforeValidator(keys_as_text)]
    scope: Literal["service", "location"] = "service"
    # Scope names or shell patterns ('i-*') the objective covers; absent: every scope.
    covers: list[Annotated[str, Field(min_length=1)]] | None = Field(default=None, min_length=1)
    # A whole-service objective's downtime from its covered scopes: never, or when this
    # many ('all': every one) are down at once.
    rollup: Literal["never", "all"] | Annotated[int, Field(ge=1)] = "never"
    # The calendar window judged, in the contract's zone: a month, a quarter or a year.
    window: Literal["calendar_month", "calendar_quarter", "calendar_year"] = "calendar_month"
    measurement: Measurement | None = None
    requests: RequestMeasurement | None = None  # judged on request counts, not samples
    # Downtime counted in whole clock minutes: a minute is down when any second of it is
    # ('any_second': partial minutes count) or when all are ('whole_minute': they do not).
    downtime_minutes: Literal["any_second", "whole_minute"] | None = None
    excluded_time: Literal["leaves_denominator", "counts_as_uptime"] = "leaves_denominator"
    # A month in which no sample watches a scope and no outage or maintenance record
    # touches it: no data (neither met nor missed), or up (the earlier reading).
    without_evidence: Literal["no_data", "up"] = "no_data"
    credit: CreditRule | None = None
    benchmark_only: bool = False  # a stated aim with no remedy attached (L3)

    @model_validator(mode="after")
    def _one_way_to_measure(self) -> Availability:
        if self.requests is not None and self.measurement is not None:
            raise ValueError("an objective has 'measurement' (probes) or 'requests', not both")
        return self

    @model_validator(mode="after")
    def _rollup_for_the_service(self) -> Availability:
        if self.rollup != "never" and self.scope != "service":
            raise ValueError("'rollup' is for a whole-service objective (scope: service)")
        return self

    def target_for(self, plan: str | None) -> float | None:
        if isinstance(self.target, float):
            return self.target
        return self.target.get(plan) if plan is not None else None


class Band(Strict):
    under: Number  # in the objective's unit
    percent: PercentField  # share of samples that must be under it


class Ratio(Strict):
    """Share of bad events in every window, tumbling from the month start, at most a percent."""

    bad: str  # metric name counting bad events (e.g. orders delayed)
    total: str  # metric name counting all events
    window: FixedDurationField
    at_most_percent: PercentField


class Performance(Strict):
    id: str = Field(pattern=SLUG)
    description: str | None = None
    metric: str | None = None  # the evidence metric name
    unit: str = ""
    statistic: Literal["mean", "median", "p90", "p95", "p99", "max", "min"] | None = None
    at_most: Number | None = None
    below: Number | None = None
    at_least: Number | None = None
    above: Number | None = None
    bands: list[Band] = []
    ratio: Ratio | None = None
    scope: Literal["service", "location"] = "service"
    measurement: Measurement | None = None
    credit: CreditRule | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Performance:
        bounds = [b for b in (self.at_most, self.below, self.at_least, self.above)
                  if b is not None]  # fmt: skip
        kinds = (len(bounds) > 0) + bool(self.bands) + (self.ratio is not None)
        if kinds != 1 or len(bounds) > 1:
            raise ValueError(
                "a performance objective has exactly one of: a bound (at_most, below, "
                "at_least, above), bands, or ratio"
            )
        if (self.bands or bounds) and self.metric is None:
            raise ValueError("a bound or bands need the 'metric' they apply to")
        return self
