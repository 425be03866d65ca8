"""Availability objectives of a contract as the domain's `Objective`s.

An objective without a measurement still reads its samples, at the interval they keep
(`accord.domain.availability.inferred`); a sample measures every objective except when
its monitor names another one.
"""

from __future__ import annotations

from accord.contracts.calendars import maintenance_calendar
from accord.contracts.model import Availability, Contract, Maintenance
from accord.contracts.types import Duration
from accord.domain.availability import (
    MaintenanceRules,
    MeasurementRule,
    Objective,
    inferred_measurement,
)
from accord.domain.availability.requests import RequestRule
from accord.domain.evidence import Evidence
from accord.domain.period import Window
from accord.services.terms.errors import UncountableTerm

__all__ = ["WINDOWS", "availability_objective"]


def availability_objective(
    contract: Contract, objective: Availability, evidence: Evidence, plan: str | None
) -> Objective:
    """The domain's view of one availability objective of `contract`."""
    exclusions = contract.exclusions
    introductory = exclusions.introductory_period
    return Objective(
        id=objective.id,
        target_percent=objective.target_for(plan),
        measurement=_measurement(contract, objective, evidence),
        maintenance=_maintenance(contract.maintenance, contract.zone),
        excluded_causes=frozenset(exclusions.causes),
        downtime_from_notice=exclusions.downtime_from_initial_notice,
        introductory=_optional_seconds(introductory, "exclusions.introductory_period"),
        excluded_time=objective.excluded_time,
        per_scope=objective.scope == "location",
        covers=None if objective.covers is None else tuple(objective.covers),
        rollup=None if objective.rollup == "never" else objective.rollup,
        minutes=objective.downtime_minutes,
        window=WINDOWS[objective.window],
        requests=_requests(objective),
        without_evidence=objective.without_evidence,
    )


def _requests(objective: Availability) -> RequestRule | None:
    r = objective.requests
    if r is None:
        return None
    where = f"availability {objective.id!r} requests"
    return RequestRule(
        interval=_seconds(r.interval, f"{where}.interval"),
        reading=r.reading,
        threshold_percent=r.error_threshold_percent,
        minimum_requests=r.minimum_requests,
        below_minimum=r.below_minimum,
        minimum_outage=_optional_seconds(r.minimum_outage, f"{where}.minimum_outage") or 0,
    )


WINDOWS: dict[str, Window] = {
    "calendar_month": "month", "calendar_quarter": "quarter", "calendar_year": "year",
}  # fmt: skip


def _measurement(
    contract: Contract, objective: Availability, evidence: Evidence
) -> MeasurementRule | None:
    m = objective.measurement
    monitors = _monitors(contract, objective, evidence)
    if m is None:
        # Samples still count: read at their own interval (`accord.domain.availability.inferred`).
        return inferred_measurement(evidence.samples, monitors)
    where = f"availability {objective.id!r} measurement"
    return MeasurementRule(
        interval=_seconds(m.interval, f"{where}.interval"),
        confirmations=m.confirmations,
        minimum_outage=_optional_seconds(m.minimum_outage, f"{where}.minimum_outage") or 0,
        quorum=m.quorum,
        monitors=monitors,
    )


def _monitors(
    contract: Contract, objective: Availability, evidence: Evidence
) -> frozenset[str] | None:
    """The sample monitors that measure `objective`; None: all of them."""
    # A sample measures every objective, except when its monitor names another one.
    others = {o.id for o in contract.availability if o.id != objective.id}
    monitors = frozenset(name for name in evidence.samples.monitors if name not in others)
    return None if len(monitors) == len(evidence.samples.monitors) else monitors


def _maintenance(policy: Maintenance | None, zone: str) -> MaintenanceRules | None:
    if policy is None:
        return None
    if not policy.as_needed:
        # Refused rather than read loosely: the slots would narrow the allowed windows.
        raise UncountableTerm(
            "maintenance.as_needed: false (maintenance only in the recurring "
            "slots) cannot be evaluated yet; the recurring slots are not checked"
        )
    allowed = maintenance_calendar(policy, zone)
    per, cap = policy.cap
    # 'Announced in advance' with no length of notice still asks for an announcement.
    notice = _optional_seconds(policy.notice, "maintenance.notice")
    if notice is None and policy.announce:
        notice = 0
    return MaintenanceRules(
        allowed=allowed,
        notice=notice,
        monthly_cap=_optional_seconds(cap, f"maintenance.{per}ly_cap"),
        cap_per=per,
        beyond_cap=policy.beyond_cap,
        outside_windows=policy.outside_windows,
        without_notice=policy.without_notice,
    )


def _seconds(duration: Duration, where: str) -> int:
    if duration.seconds is None:
        raise UncountableTerm(
            f"{where}: {duration.text!r} is counted in business days, which "
            "has no fixed length here; give it in hours or days"
        )
    return duration.seconds


def _optional_seconds(duration: Duration | None, where: str) -> int | None:
    return None if duration is None else _seconds(duration, where)
