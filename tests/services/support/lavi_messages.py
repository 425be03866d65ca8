"""Lavi V3 through the shipped example: a ticket's first-response clock, computed by the
reference and by the array path, which must agree."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from accord.contracts.calendars import contract_calendars
from accord.contracts.loader import load_contract
from accord.domain.evidence import Ticket, TicketEvent
from accord.domain.support import (
    TicketClock,
    columns_from_tickets,
    evaluate_many,
    evaluate_tickets,
    results,
)
from accord.services.terms.support import support_terms

LAVI = load_contract(Path(__file__).parents[3] / "examples" / "contracts" / "lavi-qtrac.yaml")
NOW = datetime(2030, 3, 1, tzinfo=UTC)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def first_response(severity: str, opened: str, *replies: str) -> TicketClock:
    """The first-response clock of one Lavi ticket, with replies at the instants given."""
    assert LAVI.contract.support is not None
    terms = support_terms(LAVI.contract.support, contract_calendars(LAVI))
    events = tuple(TicketEvent(at(reply), "first_response") for reply in replies)
    tickets = [Ticket("L1", severity, at(opened), None, events)]
    reference = evaluate_tickets(terms, tickets, NOW)
    assert results(terms, evaluate_many(terms, columns_from_tickets(tickets), NOW)) == reference
    clock = reference[0].clock("first_response")
    assert clock is not None
    return clock
