"""The monthly statement: everything a customer-month comes to, and its JSON form.

A statement is a record, not a computation: the service fills it from the availability,
support, performance, credit and claim results, and this module only lays it out. The
JSON form writes instants in ISO 8601 with the contract zone's offset (the month is that
zone's month, so its reader sees its own clock), durations in minutes, and "no data" as
null.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from accord.domain.availability.evaluate import AvailabilityResult
from accord.domain.performance import PerformanceResult
from accord.domain.period import Period
from accord.domain.remedies.claims import ClaimDeadline
from accord.domain.remedies.credits import CreditLine, CreditTotal
from accord.domain.remedies.termination import TerminationRight
from accord.domain.support.compliance import ComplianceRow
from accord.domain.support.terms import TicketResult

Render = Callable[[datetime | None], str | None]
DECIMALS = 6  # of percents and minutes in the JSON form; enough to recompute any figure


@dataclass(frozen=True)
class Finding:
    kind: str  # a short stable key, e.g. 'no_data', 'claim_required'
    message: str  # one plain-language sentence


@dataclass(frozen=True)
class Statement:
    contract: str  # contract id
    version: str  # contract version
    plan: str | None  # the customer's plan, None when the contract has none
    period: Period  # the contract's month
    availability: tuple[AvailabilityResult, ...]  # per objective and scope
    benchmarks: frozenset[str]  # ids of objectives reported but never credited
    credits: tuple[CreditLine, ...]  # per objective and scope, before the cap
    credit_total: CreditTotal  # after the cap; 0 when the contract has no credit rule
    credit_requires: str | None  # automatic, election or claim; None without a credit rule
    tickets: tuple[TicketResult, ...]  # tickets opened in the month, judged on all events
    compliance: tuple[ComplianceRow, ...]
    performance: tuple[PerformanceResult, ...]
    termination_right: TerminationRight | None  # None when the contract grants none
    claim_deadlines: tuple[ClaimDeadline, ...]  # earliest first; empty when no claim is due
    findings: tuple[Finding, ...]
    not_applicable: tuple[str, ...] = ()  # preconditions not met: then no credit is owed

    @property
    def claim_deadline(self) -> datetime | None:
        """The earliest deadline that is known: the one a claimant must not miss."""
        known = [d.deadline for d in self.claim_deadlines if d.deadline is not None]
        return min(known) if known else None


def local_iso(value: datetime, zone: str) -> str:
    """`value` in ISO 8601 with the offset `zone` has at that instant."""
    return value.astimezone(ZoneInfo(zone)).isoformat()


def statement_json(s: Statement) -> dict[str, Any]:
    def instant(value: datetime | None) -> str | None:
        return None if value is None else local_iso(value, s.period.zone)

    return {
        "contract": s.contract,
        "version": s.version,
        "plan": s.plan,
        "period": {
            "label": s.period.label,
            "zone": s.period.zone,
            "start": instant(s.period.start),
            "end": instant(s.period.end),
        },
        "availability": [_availability(row, s.benchmarks, instant) for row in s.availability],
        "credits": [_credit(line) for line in s.credits],
        "credit_total": _total(s.credit_total, s.credit_requires),
        "support": {
            "tickets": [_ticket(t, instant) for t in s.tickets],
            "compliance": [_compliance(c) for c in s.compliance],
        },
        "performance": [_performance(p, instant) for p in s.performance],
        "termination_right": _termination(s.termination_right),
        "claim_deadline": instant(s.claim_deadline),
        "claim_deadlines": [
            {
                "failure_start": instant(d.failure_start),
                "failure_end": instant(d.failure_end),
                "deadline": instant(d.deadline),
            }
            for d in s.claim_deadlines
        ],
        "findings": [{"kind": f.kind, "message": f.message} for f in s.findings],
        "not_applicable": list(s.not_applicable),
    }


def _num(value: float | None) -> float | None:
    return None if value is None else round(value, DECIMALS)


def _minutes(seconds: float) -> float:
    return round(seconds / 60, DECIMALS)


def _availability(
    row: AvailabilityResult, benchmarks: frozenset[str], instant: Render
) -> dict[str, Any]:
    return {
        "objective": row.objective,
        "scope": row.scope,
        "window": row.window,
        "target_percent": row.target_percent,
        "achieved_percent": _num(row.achieved_percent),
        "downtime_minutes": _minutes(row.downtime_seconds),
        "excluded_minutes": {cause: _minutes(sec) for cause, sec in row.excluded_seconds},
        "no_data_minutes": _minutes(row.no_data_seconds),
        "met": row.met,
        "benchmark_only": row.objective in benchmarks,
        "downtime": [{"start": instant(a), "end": instant(b)} for a, b in row.downtime],
    }


def _credit(line: CreditLine) -> dict[str, Any]:
    return {
        "objective": line.objective,
        "scope": line.scope,
        "percent": _num(line.percent),
        "amount": line.amount,
        "currency": line.currency,
        "added": line.added,
    }


def _total(total: CreditTotal, requires: str | None) -> dict[str, Any]:
    return {
        "amount": total.amount,
        "currency": total.currency,
        "capped": total.capped,
        "uncapped": total.uncapped,
        "requires": requires,
    }


def _ticket(t: TicketResult, instant: Render) -> dict[str, Any]:
    return {
        "id": t.id,
        "severity": t.severity,
        "opened_at": instant(t.opened_at),
        "counted": t.counted,
        "metrics": [
            {"metric": c.metric, "severity": c.severity, "due": instant(c.due),
             "achieved_at": instant(c.achieved_at), "met": c.met}
            for c in t.clocks
        ],
        "findings": [f.detail for f in t.findings],
    }  # fmt: skip


def _compliance(c: ComplianceRow) -> dict[str, Any]:
    return {
        "severity": c.severity,
        "metric": c.metric,
        "tickets": c.tickets,
        "tickets_met": c.tickets_met,
        "pending": c.pending,
        "achieved_percent": _num(c.achieved_percent),
        "required_percent": c.required_percent,
        "compliant": c.compliant,
    }


def _performance(p: PerformanceResult, instant: Render) -> dict[str, Any]:
    row: dict[str, Any] = {
        "objective": p.objective,
        "scope": p.scope,
        "requirement": p.requirement,
        "achieved": _num(p.achieved),
        "unit": p.unit,
        "met": p.met,
        "samples": p.samples,
    }
    if p.bands:
        row["bands"] = [
            {"under": b.under, "required_percent": b.required_percent,
             "achieved_percent": _num(b.achieved_percent), "met": b.met}
            for b in p.bands
        ]  # fmt: skip
    if p.ratio is not None:
        r = p.ratio
        row["windows"] = {
            "minutes": r.window_seconds // 60,
            "with_events": r.windows,
            "over_limit": r.windows_over,
            "limit_percent": r.limit_percent,
            "worst_percent": _num(r.worst_percent),
            "worst_start": instant(r.worst_start),
        }
    return row


def _termination(right: TerminationRight | None) -> dict[str, Any] | None:
    if right is None:
        return None
    return {
        "granted": right.granted,
        "rule": f"{right.missed_months} missed months within {right.within_months}",
        "missed_months": list(right.missed),
        "unknown_months": list(right.unknown),
        "months_considered": list(right.considered),
    }
