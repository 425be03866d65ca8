"""A contract in the domain's terms: the one place a contract (and a plan) is translated.

`translate` reads the pydantic contract once and returns `ContractTerms`, plain values of
the domain: availability objectives with their measurement, maintenance rules and
exclusions (`availability`), performance objectives (`performance`), credit rules, the
credit policy, claim window and termination rule (`remedies`), support terms (`support`),
and the contract's calendars (built by `accord.contracts.calendars`, which `contract check`
shares). The evaluation (`accord.services.evaluate`) then only evaluates.

Terms the evaluation cannot count (a measurement interval in business days, maintenance
only in recurring slots) raise `UncountableTerm`, which names the contract's key: it is a
fact about the user's contract, not a fault of the program.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from accord.contracts.calendars import contract_calendars
from accord.contracts.loader import LoadedContract
from accord.contracts.model import Contract
from accord.contracts.source import shorten
from accord.domain.availability import Objective
from accord.domain.calendars import BusinessCalendar
from accord.domain.evidence import Evidence
from accord.domain.performance import PerformanceObjective
from accord.domain.remedies import ClaimWindow, TerminationRule
from accord.domain.remedies.credits import CreditPolicy, CreditRule
from accord.domain.remedies.preconditions import PreconditionRule
from accord.domain.support import SupportTerms
from accord.services.terms.availability import availability_objective
from accord.services.terms.errors import UncountableTerm
from accord.services.terms.performance import performance_objective
from accord.services.terms.remedies import (
    claim_window,
    credit_policy,
    credit_rule,
    termination_rule,
)
from accord.services.terms.support import support_terms

__all__ = ["ContractTerms", "PerformanceTerms", "UncountableTerm", "UnknownPlan", "translate"]


class UnknownPlan(ValueError):
    """A plan asked for that the contract does not define."""


@dataclass(frozen=True)
class PerformanceTerms:
    objective: PerformanceObjective  # the domain's view of the objective
    credit: CreditRule | None  # its remedy, if any
    per_location: bool  # one result per scope the metrics name, else one for the service
    metrics: frozenset[str]  # the metric names it reads (its metric, a ratio's bad and total)


@dataclass(frozen=True)
class ContractTerms:
    contract: str  # the contract's id
    version: str  # its version
    plan: str | None  # the plan chosen: asked for, else the evidence's, else the default
    calendars: Mapping[str, BusinessCalendar]  # the contract's calendars by name
    availability: tuple[Objective, ...]  # in the contract's order
    benchmarks: frozenset[str]  # availability objectives that state an aim with no remedy
    inferred_intervals: Mapping[str, int]  # objective id -> interval read from the samples
    performance: tuple[PerformanceTerms, ...]  # in the contract's order
    credit_rules: Mapping[str, CreditRule]  # by availability objective id, where it has a remedy
    credit_policy: CreditPolicy  # basis and cap of the credits
    credit_requires: str | None  # automatic, claim or election; None: no credit rule at all
    claim_window: ClaimWindow | None  # when a claim turns an earned credit into a paid one
    termination: TerminationRule | None  # the customer's right to terminate, if any
    support: SupportTerms | None  # None: the contract has no support section
    preconditions: tuple[PreconditionRule, ...] = ()  # when the SLA applies at all


def translate(loaded: LoadedContract, evidence: Evidence, plan: str | None = None) -> ContractTerms:
    """The contract's terms for this evidence; `plan` overrides the evidence's plan."""
    contract = loaded.contract
    if plan is not None and plan not in contract.plans:
        plans = ", ".join(repr(p) for p in contract.plans) or "none"
        raise UnknownPlan(f"unknown plan {shorten(plan)!r}; the contract's plans: {plans}")
    chosen = choose_plan(contract, evidence, plan)
    calendars = contract_calendars(loaded)
    credits = contract.credits
    objectives = [
        availability_objective(contract, o, evidence, chosen) for o in contract.availability
    ]
    # An objective the contract says not how to measure reads its samples at an inferred
    # interval: the one its translation chose (inferring it again costs a pass over them).
    inferred = {
        o.id: done.measurement.interval
        for o, done in zip(contract.availability, objectives, strict=True)
        if o.measurement is None and done.measurement is not None
    }
    return ContractTerms(
        contract=contract.id,
        version=contract.version,
        plan=chosen,
        calendars=calendars,
        availability=tuple(objectives),
        benchmarks=frozenset(o.id for o in contract.availability if o.benchmark_only),
        inferred_intervals=inferred,
        performance=tuple(
            PerformanceTerms(
                performance_objective(p),
                None if p.credit is None else credit_rule(p.credit),
                p.scope == "location",
                frozenset(
                    name
                    for name in (p.metric, *((p.ratio.bad, p.ratio.total) if p.ratio else ()))
                    if name is not None
                ),
            )
            for p in contract.performance
        ),
        credit_rules=_credit_rules(contract),
        credit_policy=credit_policy(credits),
        credit_requires=_requires(contract),
        claim_window=(
            claim_window(credits.claim)
            if credits is not None and credits.requires == "claim" and credits.claim is not None
            else None
        ),
        termination=(
            termination_rule(credits.termination)
            if credits is not None and credits.termination is not None
            else None
        ),
        support=None if contract.support is None else support_terms(contract.support, calendars),
        preconditions=tuple(
            PreconditionRule(
                p.description, p.fact, p.at_least, p.at_most, p.equals, frozenset(p.objectives)
            )
            for p in contract.preconditions
        ),
    )


def choose_plan(contract: Contract, evidence: Evidence, plan: str | None) -> str | None:
    """The plan asked for, else the evidence's, else the contract's default."""
    return plan or evidence.plan or contract.default_plan


def _credit_rules(contract: Contract) -> dict[str, CreditRule]:
    # A benchmark states an aim with no remedy (L3); an objective without a rule earns
    # nothing either: neither gives a credit line.
    return {o.id: credit_rule(o.credit) for o in contract.availability
            if o.credit is not None and not o.benchmark_only}  # fmt: skip


def _requires(contract: Contract) -> str | None:
    rules = [o.credit for o in contract.availability] + [p.credit for p in contract.performance]
    if contract.credits is None and all(r is None for r in rules):
        return None
    return "automatic" if contract.credits is None else contract.credits.requires
