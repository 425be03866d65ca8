"""The array evaluation gives exactly the reference's results, for any tickets.

Tickets are drawn wild on purpose: unknown severities and roles, reclassifications to
unknown severities, events before the opening or after `now`, ties, events out of
order, sub-second instants, pauses that never end, every reclassification rule, and
sometimes an after-hours promise on some severities (on any clock, its own calendar or
coverage apart from the severity's).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from accord.domain.evidence import EVENT_TYPES, Ticket, TicketEvent
from accord.domain.period import month
from accord.domain.support.columns import columns_from_tickets, results
from accord.domain.support.compliance import compliance, compliance_many
from accord.domain.support.engine import evaluate_many
from accord.domain.support.reference import evaluate_tickets
from accord.domain.support.terms import AfterHours, ClockRule, SupportTerms
from hypothesis_budget import examples

from .support_examples import (
    GMT_09_17,
    HOUR,
    LAVI_HOURS,
    PACIFIC_08_18,
    PACIFIC_ALWAYS,
    ethnio,
    istockist,
    lavi,
    utc,
)

NOW = utc("2029-12-10T12:00Z")
START = utc("2029-11-20T00:00Z")
TERMS = [lavi(), lavi("any_time", pause=False), ethnio(), istockist()]
RULES = ["any_time", "after_first_response", "final_after_qualification", "never"]
PROMISES = [
    None,
    AfterHours(LAVI_HOURS, ClockRule("open_time", HOUR, LAVI_HOURS)),  # Lavi V3
    AfterHours(LAVI_HOURS, ClockRule("elapsed", 30 * 60, PACIFIC_08_18)),
    AfterHours(PACIFIC_08_18, ClockRule("business_days", 1, GMT_09_17)),
    AfterHours(GMT_09_17, ClockRule("open_time", 2 * HOUR, PACIFIC_ALWAYS)),
    AfterHours(PACIFIC_ALWAYS, ClockRule("elapsed", HOUR, LAVI_HOURS)),  # never after hours
]


def instants() -> st.SearchStrategy[datetime]:
    return st.builds(
        lambda s, us: START + timedelta(seconds=s, microseconds=us),
        st.integers(0, 25 * 86400),
        st.sampled_from([0, 0, 0, 500_000]),
    )


@st.composite
def tickets(draw: st.DrawFn, terms: SupportTerms, n: int) -> Ticket:
    names = [s.name for s in terms.severities] + ["unknown"]
    opened = draw(instants())
    events = []
    at = opened - timedelta(hours=draw(st.sampled_from([0, 0, 0, 0, 2])))
    for _ in range(draw(st.integers(0, 8))):
        at += timedelta(seconds=draw(st.sampled_from([0, 60, 1800, 3600, 4 * 3600, 86400])))
        kind = draw(st.sampled_from(EVENT_TYPES))
        severity = draw(st.sampled_from([*names, None])) if kind == "reclassified" else None
        jitter = timedelta(microseconds=draw(st.sampled_from([0, 0, 300_000, 700_000])))
        events.append(TicketEvent(at + jitter, kind, severity))
    if draw(st.booleans()):
        events = draw(st.permutations(events))
    role = draw(st.sampled_from([None, "client_administrator", "end_user"]))
    return Ticket(f"T{n}", draw(st.sampled_from(names)), opened, role, tuple(events))


@st.composite
def cases(draw: st.DrawFn) -> tuple[SupportTerms, list[Ticket]]:
    terms = draw(st.sampled_from(TERMS))
    terms = replace(terms, reclassification=draw(st.sampled_from(RULES)))
    if draw(st.booleans()):
        severities = tuple(
            replace(s, after_hours=draw(st.sampled_from(PROMISES))) for s in terms.severities
        )
        terms = replace(terms, severities=severities)
    count = draw(st.integers(0, 12))
    return terms, [draw(tickets(terms, n)) for n in range(count)]


@examples(1000)
@given(cases())
def test_every_ticket_result_and_compliance_row_is_the_same(
    case: tuple[SupportTerms, list[Ticket]],
) -> None:
    terms, drawn = case
    reference = evaluate_tickets(terms, drawn, NOW)
    evaluated = evaluate_many(terms, columns_from_tickets(drawn), NOW)
    assert results(terms, evaluated) == reference
    for period in (month(2029, 11, "America/Los_Angeles"), month(2029, 12, "UTC")):
        assert compliance_many(terms, evaluated, period) == compliance(terms, reference, period)
