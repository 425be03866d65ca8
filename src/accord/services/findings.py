"""Findings of a statement: what a reader must know besides the figures, in plain words.

Each note is a `Finding(kind, message)`; the kinds are stable keys a program can filter
on: month_not_over, plan, measurement_inferred, no_data, records_only,
silence_as_up, benchmark_missed,
maintenance_counted, ticket, credit_undecided, fee_missing, capped, claim_required,
claim_deadline_unknown, election_required, termination_right, performance_no_data,
credit_not_applicable.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

from accord.contracts.model import Contract, LinearCredit, Maintenance, ProportionalCredit
from accord.domain.availability import AvailabilityResult
from accord.domain.evidence import Evidence
from accord.domain.period import parse_months
from accord.domain.remedies import CreditTotal
from accord.domain.statement import Finding, Statement
from accord.services.terms import ContractTerms


def notes(
    contract: Contract, terms: ContractTerms, evidence: Evidence, s: Statement, now: datetime
) -> Iterator[Finding]:
    """Every finding of a statement; `now` tells which claim deadlines have passed.

    The figures and the reasons behind them are the domain's; the contract is read only
    for the words a finding quotes (plans, the cap, a claim's channel).
    """
    if s.period.end > now:
        yield Finding(
            "month_not_over",
            f"The month is not over as of {local_time(now, s.period.zone)}: "
            "every figure may still change.",
        )
    yield from _plan(contract, evidence, terms.plan)
    yield from _windows(s, now)
    for reason in s.not_applicable:
        yield Finding("not_applicable", f"Not applicable: the SLA applies only when {reason}.")
    yield from _availability(contract, terms, s)
    yield from _tickets(s)
    yield from _performance(contract, s)
    yield from _credits(contract, s, now)


def _windows(s: Statement, now: datetime) -> Iterator[Finding]:
    """Objectives judged on a quarter or a year that this statement's period sits in."""
    seen: dict[str, list[str]] = {}
    for r in s.availability:
        if r.window is not None and r.objective not in seen.get(r.window, []):
            seen.setdefault(r.window, []).append(r.objective)
    for window, objectives in seen.items():
        names = ", ".join(objectives)
        whole = parse_months(window, s.period.zone)[0]
        running = " (still running)" if whole.end > now else ""
        credited = (
            "its credit, if any, is in this statement"
            if whole.end <= s.period.end
            else f"its credit, if any, comes with the statement that ends {window}"
        )
        yield Finding(
            "window",
            f"{names}: judged on {window}{running}, not on {s.period.label} alone; {credited}.",
        )


def _plan(contract: Contract, evidence: Evidence, plan: str | None) -> Iterator[Finding]:
    if contract.plans and plan is None:
        yield Finding(
            "plan",
            "The evidence names no plan and the contract has no default "
            "plan: targets given per plan are unknown.",
        )
    elif contract.plans and plan not in contract.plans:
        yield Finding(
            "plan",
            f"The evidence's plan {plan!r} is not a plan of the contract "
            f"({', '.join(contract.plans)}): targets given per plan are unknown.",
        )
    elif not contract.plans and evidence.plan is not None:
        yield Finding(
            "plan", f"The contract has no plans; the evidence's plan {evidence.plan!r} is ignored."
        )


def _where(objective: str, scope: str | None) -> str:
    return f"{objective} ({scope})" if scope else objective


def _availability(contract: Contract, terms: ContractTerms, s: Statement) -> Iterator[Finding]:
    yield from _inferred(terms)
    for r in s.availability:
        where = _where(r.objective, r.scope)
        yield from _judged_from(where, r, s.period.label)
        if r.achieved_percent is None and r.judged_from != "nothing":
            yield Finding("no_data", f"{where}: no second of the month could be judged.")
        elif r.no_data_seconds and r.judged_from != "nothing":
            yield Finding(
                "no_data",
                f"{where}: {duration_words(r.no_data_seconds)} without data, "
                "left out of the ratio.",
            )
        if r.target_percent is None and r.achieved_percent is not None:
            plan = "without a plan" if s.plan is None else f"for plan {s.plan!r}"
            yield Finding("plan", f"{where}: no target {plan}.")
        if r.objective in s.benchmarks and r.met is False:
            yield Finding(
                "benchmark_missed",
                f"{where}: {r.achieved_percent:.3f} % is below "
                f"the {r.target_percent:g} % benchmark; a benchmark carries no "
                "remedy.",
            )
    yield from _maintenance(contract.maintenance, s)


def _judged_from(where: str, r: AvailabilityResult, month: str) -> Iterator[Finding]:
    """What a figure rests on, when it is not the samples: silence is never success."""
    if r.judged_from == "nothing":
        yield Finding(
            "no_data",
            f"{where}: no evidence in {r.window or month}: no sample watches it and no "
            "outage or maintenance record touches it (a wrong period or an empty "
            "export?); neither met nor missed, and no credit is computed.",
        )
    elif r.judged_from == "records":
        yield Finding(
            "records_only",
            f"{where}: judged from the outage and maintenance records alone; with no "
            "sample to say otherwise, every second of the month they do not cover is "
            "taken as up.",
        )
    elif r.judged_from == "contract":
        yield Finding(
            "silence_as_up",
            f"{where}: no sample and no record in {r.window or month}; counted as up, "
            "as the contract says (without_evidence: up).",
        )


def _inferred(terms: ContractTerms) -> Iterator[Finding]:
    """Objectives whose samples were read with a measurement the contract does not give."""
    for objective in terms.availability:
        interval = terms.inferred_intervals.get(objective.id)
        if interval is not None:
            yield Finding(
                "measurement_inferred",
                f"{objective.id}: the contract says not how availability is measured; "
                f"the samples were read at the interval they keep, {seconds_words(interval)}, "
                "one failed sample an outage, one vantage point enough, no minimum outage.",
            )


def _maintenance(policy: Maintenance | None, s: Statement) -> Iterator[Finding]:
    """Maintenance of the month that the contract did not excuse, per result."""
    for r in s.availability:
        if r.objective in s.benchmarks or not r.maintenance_counted_seconds:
            continue
        yield Finding(
            "maintenance_counted",
            f"{_where(r.objective, r.scope)}: "
            f"{duration_words(r.maintenance_counted_seconds)} of maintenance not excused ("
            f"{' or '.join(_maintenance_reasons(policy, r))}): counted as downtime unless "
            "another exclusion covers it.",
        )


def _maintenance_reasons(policy: Maintenance | None, r: AvailabilityResult) -> list[str]:
    """The rules that turned maintenance into downtime, as the evaluation found them."""
    words = {
        "no_policy": "the contract excuses no maintenance",
        "outside_windows": "outside the allowed windows",
        "without_notice": "without the notice required",
        "beyond_cap": f"beyond the monthly cap of {policy.monthly_cap if policy else ''}",
    }
    return [words[reason] for reason in r.maintenance_counted_because] or [
        "for a reason the contract gives"
    ]


def _tickets(s: Statement) -> Iterator[Finding]:
    for t in s.tickets:
        for f in t.findings:
            yield Finding("ticket", f"Ticket {t.id}: {f.detail}.")
        if not t.counted and not t.findings:
            yield Finding("ticket", f"Ticket {t.id} does not count towards compliance.")


def _performance(contract: Contract, s: Statement) -> Iterator[Finding]:
    rules = {p.id: p for p in contract.performance}
    for p in s.performance:
        where = _where(p.objective, p.scope)
        if p.met is None:
            yield Finding("performance_no_data", f"{where}: no measurement in the month.")
        credit = rules[p.objective].credit
        if isinstance(credit, LinearCredit | ProportionalCredit):
            yield Finding(
                "credit_not_applicable",
                f"{where}: a {credit.kind} credit counts "
                "points of availability; it earns nothing on a performance "
                "objective.",
            )


def _credits(contract: Contract, s: Statement, now: datetime) -> Iterator[Finding]:
    total = s.credit_total
    if s.credit_requires is None:
        return  # the contract has no credit rule: nothing is owed, nothing to say
    silent = {(r.objective, r.scope) for r in s.availability if r.judged_from == "nothing"}
    for line in s.credits:
        where = _where(line.objective, line.scope)
        if line.percent is None and (line.objective, line.scope) in silent:
            yield Finding(
                "credit_undecided",
                f"{where}: no credit is computed: the month has no evidence for it.",
            )
        elif line.percent is None:
            yield Finding(
                "credit_undecided",
                f"{where}: the credit cannot be decided "
                "without the achieved figure and its target.",
            )
        elif line.percent and line.amount is None:
            fee = f"fee for {line.scope!r}" if line.scope else "monthly fee"
            yield Finding(
                "fee_missing",
                f"{where}: {line.percent:g} % is owed but the evidence gives no {fee}.",
            )
    if total.capped:
        yield Finding(
            "capped",
            f"Credits of {money_words(total.uncapped, total.currency)} are "
            f"capped to {money_words(total.amount, total.currency)}.",
        )
    owed = bool(total.amount) or any(line.percent for line in s.credits)
    policy = contract.credits
    if owed and policy is not None:
        yield from _remedy(policy.requires, s, total, contract, now)
    right = s.termination_right
    if right is not None and right.granted:
        yield Finding(
            "termination_right",
            f"The customer may terminate: "
            f"{len(right.missed)} missed months ({', '.join(right.missed)}) "
            f"within {right.within_months}.",
        )


def _remedy(
    requires: str, s: Statement, total: CreditTotal, contract: Contract, now: datetime
) -> Iterator[Finding]:
    amount, currency = total.amount, total.currency
    owed = money_words(amount, currency) if amount is not None else "The credit"
    if requires == "election":
        yield Finding(
            "election_required", f"{owed} is owed only if the customer elects to receive it."
        )
    if requires != "claim":
        return
    claim = contract.credits.claim if contract.credits is not None else None
    channel = f" ({claim.channel})" if claim is not None and claim.channel else ""
    known = [d for d in s.claim_deadlines if d.deadline is not None]
    if not known:
        yield Finding(
            "claim_deadline_unknown",
            f"{owed} is owed only if claimed{channel}; "
            "the contract gives no deadline that can be computed.",
        )
        return
    zone = s.period.zone
    each = [
        local_time(d.deadline, zone)
        + (
            ""
            if d.failure_end is None
            else f" for the failure ending {local_time(d.failure_end, zone)}"
        )
        + (" (passed)" if d.deadline < now else "")
        for d in known
        if d.deadline is not None
    ]
    yield Finding(
        "claim_required",
        f"{owed} is owed only if claimed{channel} by {'; by '.join(each)}. A late claim is lost.",
    )


def money_words(amount: float | None, currency: str | None) -> str:
    return "an unknown amount" if amount is None else f"{amount:,.2f} {currency or ''}".strip()


def local_time(at: datetime, zone: str) -> str:
    return at.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M %Z")


def seconds_words(seconds: int) -> str:
    """An exact short length: '5 min', '90 s', '1 h 00 min'."""
    return duration_words(seconds) if seconds % 60 == 0 else f"{seconds} s"


def duration_words(seconds: float) -> str:
    minutes = round(seconds / 60)
    if seconds and not minutes:
        return f"{seconds:g} s"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d} min" if hours else f"{rest} min"
