"""Support: what a contract promises for each ticket, what each ticket got, and the month.

Two forms of one set of rules, named as such:

- `reference`: the spec. One ticket at a time, in plain steps on the scalar calendar
  functions. A rule is changed here first, then in the engine.
- the engine, on NumPy columns of many tickets: `engine` (`evaluate_many`) drives
  `walk` (each ticket's events replayed: achievements, severities, pauses), `deadlines`
  (due instants, the first-response deadline among them, per clock on the array
  calendar) and `columns` (tickets and results as columns, and back).

The tests hold the engine to the reference over thousands of generated tickets.
Around them: `terms` (the plain values a contract becomes: severities, clocks, after-hours
promises, compliance rules; `TicketResult`) and `compliance` (the share of a month's
tickets that met each target).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from accord.domain.support.reference import allowance_end, evaluate_tickets
from accord.domain.support.terms import (
    AfterHours,
    ClockRule,
    ComplianceRule,
    SeverityTerms,
    SupportTerms,
    TicketClock,
    TicketResult,
)

if TYPE_CHECKING:
    from accord.domain.support.columns import columns_from_tickets, results
    from accord.domain.support.compliance import ComplianceRow, compliance, compliance_many
    from accord.domain.support.engine import evaluate_many

# The array forms, imported when first asked for: they need NumPy, which a contract's
# terms do not (importing it cost a tenth of a second at every start of `accord`).
_ARRAYS = {
    "columns_from_tickets": "columns", "results": "columns", "ComplianceRow": "compliance",
    "compliance": "compliance", "compliance_many": "compliance", "evaluate_many": "engine",
}  # fmt: skip


def __getattr__(name: str) -> Any:
    if name in _ARRAYS:
        return getattr(import_module(f"accord.domain.support.{_ARRAYS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "AfterHours",
    "ClockRule",
    "ComplianceRow",
    "ComplianceRule",
    "SeverityTerms",
    "SupportTerms",
    "TicketClock",
    "TicketResult",
    "allowance_end",
    "columns_from_tickets",
    "compliance",
    "compliance_many",
    "evaluate_many",
    "evaluate_tickets",
    "results",
]
