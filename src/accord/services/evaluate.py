"""Evaluate a contract on one customer's evidence: one statement per month, and what-ifs.

The use case behind `accord evaluate` and `accord simulate`. Per month it runs the
availability and support evaluations, the performance objectives, the credits with their
cap, the claim deadlines and the termination right, and notes in plain words what a
reader must know besides the figures (`accord.services.findings`).

The plan is the one asked for, else the evidence's, else the contract's default. The
termination right of a month looks back over the months evaluated up to it, so a range
of months is needed to see 'three months of any six'.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from accord.contracts.calendars import contract_calendars
from accord.contracts.loader import LoadedContract
from accord.contracts.model import Contract, Credits, Performance
from accord.domain.availability import AvailabilityResult
from accord.domain.calendars import BusinessCalendar
from accord.domain.evidence import Evidence, Outage
from accord.domain.performance import PerformanceResult, evaluate_performance
from accord.domain.period import Period
from accord.domain.remedies import (
    ClaimDeadline,
    CreditLine,
    Earned,
    availability_credit,
    claim_deadlines,
    credit_lines,
    credit_total,
    money,
    performance_credit,
    termination_right,
)
from accord.domain.statement import Statement
from accord.services import findings, terms
from accord.services.availability import evaluate_availability
from accord.services.support import evaluate_support

__all__ = [
    "CreditChange",
    "Simulation",
    "UnknownPlan",
    "UnknownScope",
    "evaluate",
    "known_scopes",
    "simulate",
]


class UnknownPlan(ValueError):
    """A plan asked for that the contract does not define."""


def evaluate(
    loaded: LoadedContract,
    evidence: Evidence,
    periods: Sequence[Period],
    now: datetime,
    plan: str | None = None,
) -> list[Statement]:
    """One statement per period, in order; `now` decides which clocks still run."""
    contract = loaded.contract
    if plan is not None and plan not in contract.plans:
        raise UnknownPlan(_unknown_plan(contract, plan))
    chosen = plan or evidence.plan or contract.default_plan
    calendars = contract_calendars(loaded)
    statements: list[Statement] = []
    history: list[tuple[str, bool | None]] = []
    for period in periods:
        s = _month(contract, calendars, evidence, period, now, chosen, history)
        history.append((period.label, _missed(s)))
        statements.append(s)
    return statements


def _unknown_plan(contract: Contract, plan: str) -> str:
    plans = ", ".join(repr(p) for p in contract.plans) or "none"
    return f"unknown plan {plan!r}; the contract's plans: {plans}"


def _month(
    contract: Contract,
    calendars: Mapping[str, BusinessCalendar],
    evidence: Evidence,
    period: Period,
    now: datetime,
    plan: str | None,
    history: list[tuple[str, bool | None]],
) -> Statement:
    availability = [
        r
        for objective in contract.availability
        for r in evaluate_availability(contract, objective, evidence, period, plan)
    ]
    performance = [
        r for objective in contract.performance for r in _performance(objective, evidence, period)
    ]
    policy, credits = terms.credit_policy(contract.credits), contract.credits
    lines = credit_lines(_earned(contract, availability, performance), policy, evidence.fees)
    total = credit_total(lines, policy, evidence.fees)  # zero without any credit rule
    support = evaluate_support(contract, calendars, evidence.tickets, period, now)
    requires = "automatic" if credits is None else credits.requires
    draft = Statement(
        contract=contract.id,
        version=contract.version,
        plan=plan,
        period=period,
        availability=tuple(availability),
        benchmarks=frozenset(o.id for o in contract.availability if o.benchmark_only),
        credits=tuple(lines),
        credit_total=total,
        credit_requires=requires if _has_credits(contract) else None,
        tickets=support.tickets,
        compliance=support.compliance,
        performance=tuple(performance),
        termination_right=None,
        claim_deadlines=_deadlines(credits, period, availability, lines),
        findings=(),
    )
    right = None
    if credits is not None and credits.termination is not None:
        rule = terms.termination_rule(credits.termination)
        right = termination_right(rule, [*history, (period.label, _missed(draft))])
    done = replace(draft, termination_right=right)
    return replace(done, findings=tuple(findings.notes(contract, evidence, done, plan, now)))


def _has_credits(contract: Contract) -> bool:
    rules = [o.credit for o in contract.availability] + [p.credit for p in contract.performance]
    return contract.credits is not None or any(r is not None for r in rules)


def _performance(
    objective: Performance, evidence: Evidence, period: Period
) -> list[PerformanceResult]:
    scopes: list[str | None] = [None]
    if objective.scope == "location":
        names = {
            objective.metric,
            *((objective.ratio.bad, objective.ratio.total) if objective.ratio else ()),
        }
        found = sorted({p.scope for p in evidence.metrics if p.name in names and p.scope})
        scopes = list(found) or [None]  # fmt: skip
    plain = terms.performance_objective(objective)
    return [
        evaluate_performance(plain, evidence.metrics, evidence.samples, period, scope)
        for scope in scopes
    ]


def _earned(
    contract: Contract,
    availability: Sequence[AvailabilityResult],
    performance: Sequence[PerformanceResult],
) -> list[Earned]:
    # A benchmark states an aim with no remedy (L3); an objective without a rule earns
    # nothing either: neither gives a credit line.
    rules = {o.id: terms.credit_rule(o.credit) for o in contract.availability
             if o.credit is not None and not o.benchmark_only}  # fmt: skip
    earned = [
        Earned(r.objective, r.scope,
               availability_credit(rules[r.objective], r.achieved_percent, r.target_percent))
        for r in availability
        if r.objective in rules
    ]  # fmt: skip
    kept = {p.id: terms.credit_rule(p.credit) for p in contract.performance if p.credit}
    earned += [
        Earned(p.objective, p.scope, performance_credit(kept[p.objective], p.achieved, p.met))
        for p in performance
        if p.objective in kept
    ]
    return earned


def _deadlines(
    credits: Credits | None,
    period: Period,
    availability: Sequence[AvailabilityResult],
    lines: Sequence[CreditLine],
) -> tuple[ClaimDeadline, ...]:
    """Deadlines when a claim is what turns an earned credit into a paid one."""
    if credits is None or credits.requires != "claim" or credits.claim is None:
        return ()
    owed = {(line.objective, line.scope) for line in lines if line.percent}
    if not owed:
        return ()
    failures = {span for r in availability if (r.objective, r.scope) in owed for span in r.downtime}
    window = terms.claim_window(credits.claim)
    return tuple(claim_deadlines(window, period, sorted(failures)))


def _missed(s: Statement) -> bool | None:
    """Whether the month missed an availability commitment (benchmarks do not count)."""
    verdicts = [r.met for r in s.availability if r.objective not in s.benchmarks]
    if any(v is False for v in verdicts):
        return True
    return None if any(v is None for v in verdicts) else False


# --- what-if -------------------------------------------------------------------------


@dataclass(frozen=True)
class CreditChange:
    objective: str  # objective id
    scope: str | None  # the location, or None for the whole service
    percent_before: float | None  # of the basis, before the cap
    percent_after: float | None
    amount_before: float | None  # before the cap; None without a fee
    amount_after: float | None

    @property
    def difference(self) -> float | None:
        """What the outages would add to this credit; None when an amount is unknown."""
        return _difference(self.amount_before, self.amount_after)


@dataclass(frozen=True)
class Simulation:
    added: tuple[Outage, ...]  # the hypothetical outages
    before: Statement  # the month as the evidence has it
    after: Statement  # the month with the outages added
    changes: tuple[CreditChange, ...]  # per objective and scope, in the statement's order

    @property
    def difference(self) -> float | None:
        """What the outages would cost, after the cap; None when a total is unknown."""
        return _difference(self.before.credit_total.amount, self.after.credit_total.amount)


def _difference(before: float | None, after: float | None) -> float | None:
    return None if before is None or after is None else money(after - before)


class UnknownScope(ValueError):
    """A hypothetical outage on a scope the evidence does not know."""


def known_scopes(evidence: Evidence) -> set[str]:
    """Scopes the evidence names anywhere: samples, outages, maintenance, fees, tickets."""
    return evidence.scopes_named(with_tickets=True)


def simulate(
    loaded: LoadedContract,
    evidence: Evidence,
    period: Period,
    added: Sequence[Outage],
    now: datetime,
    plan: str | None = None,
) -> Simulation:
    """The month's credits before and after adding `added` outages to the evidence."""
    scopes = known_scopes(evidence)
    for outage in added:
        if outage.scope is not None and outage.scope not in scopes:
            listed = ", ".join(sorted(scopes)) or "none"
            raise UnknownScope(f"unknown scope {outage.scope!r}; the evidence's scopes: {listed}")
    [before] = evaluate(loaded, evidence, [period], now, plan)
    what_if = replace(evidence, outages=(*evidence.outages, *added))
    [after] = evaluate(loaded, what_if, [period], now, plan)
    old = {(c.objective, c.scope): c for c in before.credits}
    changes = []
    for line in after.credits:
        was = old.get((line.objective, line.scope))
        changes.append(CreditChange(
            line.objective, line.scope,
            was.percent if was else None, line.percent,
            was.amount if was else None, line.amount,
        ))  # fmt: skip
    return Simulation(tuple(added), before, after, tuple(changes))
