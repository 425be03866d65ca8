"""Support clocks of a contract's tickets for a month: the terms applied to the tickets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from accord.domain.evidence import Ticket
from accord.domain.period import Period
from accord.domain.support import (
    ComplianceRow,
    SupportTerms,
    TicketResult,
    columns_from_tickets,
    compliance_many,
    evaluate_many,
    results,
)

__all__ = ["SupportResult", "evaluate_support"]


@dataclass(frozen=True)
class SupportResult:
    period: Period
    tickets: tuple[TicketResult, ...]  # opened in the period, by opening then id (not file order)
    compliance: tuple[ComplianceRow, ...]  # per severity and metric with a target


def evaluate_support(
    terms: SupportTerms | None, tickets: Sequence[Ticket], period: Period, now: datetime
) -> SupportResult:
    """The clocks of the tickets opened in `period`, judged on their events up to `now`."""
    if terms is None:
        return SupportResult(period, (), ())
    # In order of opening, not of the file: a statement must not depend on the evidence's order.
    mine = sorted((t for t in tickets if period.start <= t.opened_at < period.end),
                  key=lambda t: (t.opened_at, t.id))  # fmt: skip
    evaluated = evaluate_many(terms, columns_from_tickets(mine), now)
    return SupportResult(
        period, results(terms, evaluated), compliance_many(terms, evaluated, period)
    )
