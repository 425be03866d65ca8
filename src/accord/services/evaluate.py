"""Evaluate a contract on one customer's evidence: one statement per month, and what-ifs.

The use case behind `accord evaluate` and `accord simulate`. The contract is translated
once into the domain's terms (`accord.services.terms.translate`); then, per month, this
module only evaluates: availability, support, performance, credits with their cap, claim
deadlines and the termination right, and the findings a reader must know besides the
figures (`accord.services.findings`).

The termination right of a month looks back over the months evaluated up to it, so a
range of months is needed to see 'three months of any six'.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from accord.contracts.loader import LoadedContract
from accord.domain.availability import AvailabilityResult, MeasurementRule, Scanned, scanned
from accord.domain.availability import evaluate as evaluate_availability
from accord.domain.evidence import Evidence, Outage
from accord.domain.performance import PerformanceResult, evaluate_performance
from accord.domain.period import Period, parse_months, statement_periods
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
from accord.domain.remedies.preconditions import unmet
from accord.domain.statement import Statement
from accord.services import findings
from accord.services.support import evaluate_support
from accord.services.terms import (
    ContractTerms,
    PerformanceTerms,
    UncountableTerm,
    UnknownPlan,
    translate,
)

__all__ = [
    "CreditChange",
    "Simulation",
    "UncountableTerm",
    "UnknownPlan",
    "UnknownScope",
    "evaluate",
    "known_scopes",
    "simulate",
]


def evaluate(
    loaded: LoadedContract,
    evidence: Evidence,
    periods: Sequence[Period],
    now: datetime,
    plan: str | None = None,
) -> list[Statement]:
    """One statement per period, in order; `now` decides which clocks still run."""
    terms = translate(loaded, evidence, plan)
    statements: list[Statement] = []
    history: list[tuple[str, bool | None]] = []
    windows = [o.window for o in terms.availability]
    # Samples are scanned once per measurement, for every month of the range.
    scans = {
        o.measurement: scanned(o, evidence.samples)
        for o in terms.availability
        if o.requests is None
    }
    for period in statement_periods(windows, list(periods)):
        s = _month(loaded, terms, evidence, period, now, history, scans)
        history.append((period.label, _missed(s)))
        statements.append(s)
    return statements


def _month(
    loaded: LoadedContract,
    terms: ContractTerms,
    evidence: Evidence,
    period: Period,
    now: datetime,
    history: list[tuple[str, bool | None]],
    scans: dict[MeasurementRule | None, Scanned],
) -> Statement:
    availability = [
        r for objective in terms.availability
        for r in evaluate_availability(
            objective, evidence, period, scan_made=scans.get(objective.measurement)
        )
    ]  # fmt: skip
    performance = [r for p in terms.performance for r in _performance(p, evidence, period)]
    policy = terms.credit_policy
    # A quarterly objective earns its credit once: in the statement its quarter ends with.
    ended = [r for r in availability if r.window is None or _ends_with(r.window, period)]
    # An SLA that applies 'only when ...' owes nothing when it does not apply.
    failing = unmet(terms.preconditions, evidence.facts)
    not_applicable = tuple(
        reason if not ids else f"{reason}, for {', '.join(sorted(ids))}" for ids, reason in failing
    )
    void = {o for ids, _ in failing for o in ids}  # objectives that do not apply
    whole = any(not ids for ids, _ in failing)  # the SLA does not apply at all
    earned = [] if whole else [e for e in _earned(terms, ended, performance)
                               if e.objective not in void]  # fmt: skip
    lines = credit_lines(earned, policy, evidence.fees)
    total = credit_total(lines, policy, evidence.fees)  # zero without any credit rule
    support = evaluate_support(terms.support, evidence.tickets, period, now)
    draft = Statement(
        contract=terms.contract,
        version=terms.version,
        plan=terms.plan,
        period=period,
        availability=tuple(availability),
        benchmarks=terms.benchmarks,
        credits=tuple(lines),
        credit_total=total,
        credit_requires=terms.credit_requires,
        tickets=support.tickets,
        compliance=support.compliance,
        performance=tuple(performance),
        termination_right=None,
        claim_deadlines=_deadlines(terms, period, availability, lines),
        findings=(),
        not_applicable=not_applicable,
    )
    right = None
    if terms.termination is not None and not whole:
        right = termination_right(terms.termination, [*history, (period.label, _missed(draft))])
    done = replace(draft, termination_right=right)
    notes = findings.notes(loaded.contract, terms, evidence, done, now)
    return replace(done, findings=tuple(notes))


def _ends_with(window: str, period: Period) -> bool:
    return parse_months(window, period.zone)[0].end <= period.end


def _performance(
    p: PerformanceTerms, evidence: Evidence, period: Period
) -> list[PerformanceResult]:
    scopes: list[str | None] = [None]
    if p.per_location:
        found = sorted({m.scope for m in evidence.metrics if m.name in p.metrics and m.scope})
        scopes = list(found) or [None]  # fmt: skip
    return [
        evaluate_performance(p.objective, evidence.metrics, evidence.samples, period, scope)
        for scope in scopes
    ]


def _earned(
    terms: ContractTerms,
    availability: Sequence[AvailabilityResult],
    performance: Sequence[PerformanceResult],
) -> list[Earned]:
    rules = terms.credit_rules
    earned = [
        Earned(r.objective, r.scope,
               availability_credit(rules[r.objective], r.achieved_percent, r.target_percent))
        for r in availability
        if r.objective in rules
    ]  # fmt: skip
    kept = {p.objective.id: p.credit for p in terms.performance if p.credit is not None}
    earned += [
        Earned(p.objective, p.scope, performance_credit(kept[p.objective], p.achieved, p.met))
        for p in performance
        if p.objective in kept
    ]
    return earned


def _deadlines(
    terms: ContractTerms,
    period: Period,
    availability: Sequence[AvailabilityResult],
    lines: Sequence[CreditLine],
) -> tuple[ClaimDeadline, ...]:
    """Deadlines when a claim is what turns an earned credit into a paid one."""
    if terms.claim_window is None:
        return ()
    owed = {(line.objective, line.scope) for line in lines if line.percent}
    if not owed:
        return ()
    failures = {span for r in availability if (r.objective, r.scope) in owed for span in r.downtime}
    return tuple(claim_deadlines(terms.claim_window, period, sorted(failures)))


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
