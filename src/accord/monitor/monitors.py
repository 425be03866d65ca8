"""Monitors: what to probe, from where, how often, and the rule that confirms an outage.

A monitor is one vantage point: one target probed from one location at one interval.
Its samples carry the monitor's `name` (the objective's id for monitors derived from a
contract, so the evaluation knows which objective they measure), its `scope` and its
`location`. Monitors come from a contract's `measurement` (`from_contract`) or are
declared for a subscription's scopes (`Monitor` built directly).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from accord.contracts.model import Contract
from accord.contracts.model_objectives import Measurement
from accord.domain.availability import MeasurementRule
from accord.domain.evidence import Evidence
from accord.monitor.probes import ProbeTarget
from accord.services.terms.availability import availability_objective

NOT_PROBED = frozenset({"manual"})  # measurement kinds no monitor can run


@dataclass(frozen=True)
class Monitor:
    """One vantage point of one objective (or of a declared check) on one scope."""

    name: str  # the samples' monitor name: the objective's id when derived from a contract
    target: ProbeTarget  # what to probe and what counts as up
    interval: int  # seconds between two checks (the schedule's step)
    rule: MeasurementRule  # confirmations, minimum outage and quorum across locations
    scope: str = ""  # the scope (location of the service) the samples speak of; '' whole
    location: str = ""  # where the probe runs from ('' the local worker)
    opens_incident: bool = False  # a confirmed outage opens an incident (L4)
    remediation: tuple[str, ...] = ()  # ordered action names run when it goes down (L5)

    @property
    def key(self) -> str:
        """Stable identity: the schedule's offset and the leases are derived from it."""
        return f"{self.name}|{self.scope}|{self.location}"

    @property
    def group(self) -> tuple[str, str]:
        """The monitors judged together with quorum: one objective on one scope."""
        return self.name, self.scope


def from_contract(
    contract: Contract, targets: Mapping[str, str] | None = None, scopes: tuple[str, ...] = ("",)
) -> list[Monitor]:
    """Monitors for every availability objective the contract measures by a probe.

    `targets` gives the target of an objective (by id) or of a scope (by name) when the
    contract's `measurement.target` does not; a scope's target wins for that scope. Each
    measurement location becomes a monitor per scope.
    """
    targets = targets or {}
    found: list[Monitor] = []
    for objective in contract.availability:
        m = objective.measurement
        if m is None or m.probe in NOT_PROBED:
            continue
        rule = availability_objective(contract, objective, Evidence(), None).measurement
        assert rule is not None  # a measurement always gives a rule
        for scope in scopes:
            where = targets.get(scope) or targets.get(objective.id) or m.target
            if where is None:
                place = f" for scope {scope!r}" if scope else ""
                raise ValueError(
                    f"availability {objective.id!r} measurement: no target to probe{place}; "
                    "give measurement.target"
                )
            base = Monitor(
                name=objective.id,
                target=probe_target(m, where, rule.interval),
                interval=rule.interval,
                rule=rule,
                scope=scope,
                opens_incident=m.opens_incident,
                remediation=tuple(m.remediation),
            )
            found += [replace(base, location=loc) for loc in m.locations or [""]]
    return found


def probe_target(m: Measurement, where: str, interval: int) -> ProbeTarget:
    """The probe's view of a contract measurement."""
    timeout = m.timeout.seconds if m.timeout is not None and m.timeout.seconds else None
    return ProbeTarget(
        kind=m.probe,
        target=where,
        # A check may not outlast its interval: the next one is due then.
        timeout=float(min(timeout or 10, interval)),
        interval=float(interval),
    )
