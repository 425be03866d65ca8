"""Small contracts from the seeds' support tables, and a way to run tickets through them.

`evaluate` runs the reference and the array evaluation and fails unless they agree, so
every scenario test checks both.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from accord.contracts.calendars import contract_calendars
from accord.contracts.loader import load_contract
from accord.domain.calendars import BusinessCalendar, Interval, always_open, same_hours
from accord.domain.evidence import EventType, Ticket, TicketEvent
from accord.domain.support.columns import columns_from_tickets, results
from accord.domain.support.engine import evaluate_many
from accord.domain.support.reference import evaluate_tickets
from accord.domain.support.terms import (
    ClockKind,
    ClockRule,
    ComplianceRule,
    Reclassification,
    SeverityTerms,
    SupportTerms,
    TicketResult,
)

HOUR, DAY = 3600, 86400
SEEDS = Path(__file__).parents[3] / "examples" / "contracts"


def utc(text: str) -> datetime:
    """'2029-11-28T19:00Z', or a local time with its offset: '2029-11-28T19:00-08:00'."""
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


# Lavi V1: 06:00-18:00 Pacific, Monday to Friday, seven holidays by rule: the seed's own.
LAVI_HOURS = contract_calendars(load_contract(SEEDS / "lavi-qtrac.yaml"))["business"]
# Ethnio E5: level 1 around the clock, levels 2 to 4 every day in Pacific time.
PACIFIC_ALWAYS = BusinessCalendar("always", "America/Los_Angeles", always_open())
PACIFIC_08_20 = BusinessCalendar(
    "pacific_08_20", "America/Los_Angeles", same_hours(range(7), Interval(8 * 60, 20 * 60))
)
PACIFIC_08_18 = BusinessCalendar(
    "pacific_08_18", "America/Los_Angeles", same_hours(range(7), Interval(8 * 60, 18 * 60))
)
# Infopromo I2: 24/7.
UTC_ALWAYS = BusinessCalendar("always", "UTC", always_open())
# iStockist S5: 09:00-17:00 GMT, every day.
GMT_09_17 = BusinessCalendar("support", "Etc/GMT", same_hours(range(7), Interval(9 * 60, 17 * 60)))


def rule(kind: ClockKind, amount: int, calendar: BusinessCalendar) -> ClockRule:
    return ClockRule(kind, amount, calendar)


def lavi(
    reclassification: Reclassification = "after_first_response", pause: bool = True
) -> SupportTerms:
    """Lavi V5, Table B1: elapsed clocks started at the next opening after hours."""

    def elapsed(seconds: int) -> ClockRule:
        return rule("elapsed", seconds, LAVI_HOURS)

    return SupportTerms(
        severities=(
            SeverityTerms("1", elapsed(30 * 60), elapsed(HOUR), None, elapsed(4 * HOUR)),
            SeverityTerms("2", elapsed(HOUR), elapsed(4 * HOUR), None, elapsed(36 * HOUR)),
            SeverityTerms(
                "3", elapsed(4 * HOUR), elapsed(2 * DAY), None, rule("business_days", 5, LAVI_HOURS)
            ),
        ),
        start_at_next_opening=True,
        reclassification=reclassification,
        pause_while_awaiting_customer=pause,
    )


def ethnio() -> SupportTerms:
    """Ethnio E5: initial response in open time of each level's coverage."""
    return SupportTerms(
        severities=(
            SeverityTerms("1", first_response=rule("open_time", 2 * HOUR, PACIFIC_ALWAYS)),
            SeverityTerms("2", first_response=rule("open_time", 4 * HOUR, PACIFIC_08_20)),
            SeverityTerms("3", first_response=rule("open_time", 6 * HOUR, PACIFIC_08_18)),
            SeverityTerms("4", first_response=rule("open_time", 24 * HOUR, PACIFIC_08_18)),
        )
    )


def istockist() -> SupportTerms:
    """iStockist S2, S3, S7, with fixing times added so the S3 downgrade shows."""

    def business(hours: int) -> ClockRule:
        return rule("open_time", hours * HOUR, GMT_09_17)

    return SupportTerms(
        severities=(
            SeverityTerms("critical", business(4), resolution=business(8), downgrade_to="medium"),
            SeverityTerms("medium", business(8), resolution=business(24), downgrade_to="low"),
            SeverityTerms("low", business(10), resolution=business(40)),
        ),
        who_may_open=frozenset({"client_administrator"}),
        reclassification="final_after_qualification",
        compliance=(ComplianceRule(98.0, ("first_response",), ("critical", "medium", "low")),),
    )


Step = tuple[str, EventType] | tuple[str, EventType, str]


def ticket(
    severity: str, opened: str, *steps: Step, id: str = "T1", role: str | None = None
) -> Ticket:
    """A ticket from ISO instants: ticket('1', '2029-11-28T19:00-08:00', ('...', 'closed'))."""
    events = tuple(
        TicketEvent(utc(step[0]), step[1], step[2] if len(step) == 3 else None)  # type: ignore[misc]
        for step in steps
    )
    return Ticket(id, severity, utc(opened), role, events)


def evaluate(terms: SupportTerms, *tickets: Ticket, now: str) -> tuple[TicketResult, ...]:
    """The reference results, after checking that the array path gives the same."""
    at = utc(now)
    reference = evaluate_tickets(terms, tickets, at)
    arrays = results(terms, evaluate_many(terms, columns_from_tickets(tickets), at))
    assert arrays == reference
    return reference


def one(terms: SupportTerms, ticket: Ticket, now: str) -> TicketResult:
    return evaluate(terms, ticket, now=now)[0]
