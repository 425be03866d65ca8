"""Due instants against a brute-force oracle that steps a clock minute by minute.

The oracle knows only the definitions: an elapsed clock counts every minute from the
opening (or from the first open minute, for after-hours tickets when the contract says
so); an open-time clock counts the minutes the calendar is open (`is_open`); a pause
that starts while the clock runs (before it is due and before the target is achieved)
stops it until the pause ends. Both evaluation paths must agree with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from accord.domain.calendars import is_open
from accord.domain.evidence import Ticket, TicketEvent
from accord.domain.support.terms import ClockKind, ClockRule, SeverityTerms, SupportTerms

from .support_examples import GMT_09_17, LAVI_HOURS, PACIFIC_08_20, one, utc

MINUTE = timedelta(minutes=1)
# Quiet weeks, both clock changes of 2029 in Los Angeles, and Lavi's November holidays.
AROUND = [utc(t) for t in ("2029-06-04T00:00Z", "2029-03-09T00:00Z", "2029-11-02T00:00Z",
                           "2029-11-27T00:00Z")]  # fmt: skip
CALENDARS = [LAVI_HOURS, PACIFIC_08_20, GMT_09_17]


def oracle_due(case: Case, opened: datetime) -> datetime:
    kind, calendar, achieved = case.rule.kind, case.rule.calendar, case.achieved
    t = opened
    if kind == "elapsed" and case.wait_for_opening:
        while not is_open(calendar, t):
            t += MINUTE
    start, left = t, case.rule.amount // 60
    stops = [(max(b, start), e) for b, e in case.pauses]
    stops = [(b, e) for b, e in stops if achieved is None or b < achieved]
    while True:
        stopped = any(b <= t < e for b, e in stops)
        if not stopped and (kind == "elapsed" or is_open(calendar, t)):
            left -= 1
            if left == 0:
                return t + MINUTE
        t += MINUTE


Pauses = list[tuple[datetime, datetime]]


@dataclass(frozen=True)
class Case:
    rule: ClockRule
    ticket: Ticket
    wait_for_opening: bool  # after-hours tickets start elapsed clocks at the next opening
    pauses: Pauses  # awaiting the customer, as drawn
    achieved: datetime | None  # the first response, as drawn


@st.composite
def cases(draw: st.DrawFn) -> Case:
    kind: ClockKind = draw(st.sampled_from(["elapsed", "open_time"]))
    minutes = draw(st.integers(1, 600))
    calendar = draw(st.sampled_from(CALENDARS))
    opened = draw(st.sampled_from(AROUND)) + draw(st.integers(0, 3 * 1440)) * MINUTE
    events: list[TicketEvent] = []
    pauses: Pauses = []
    at = opened
    for _ in range(draw(st.integers(0, 3))):
        begin = at + draw(st.integers(0, 900)) * MINUTE
        at = begin + draw(st.integers(1, 900)) * MINUTE
        pauses.append((begin, at))
        events += [TicketEvent(begin, "awaiting_customer"), TicketEvent(at, "customer_replied")]
    achieved = None
    if draw(st.booleans()):
        achieved = opened + draw(st.integers(0, 3000)) * MINUTE
        events.append(TicketEvent(achieved, "first_response"))
    ticket = Ticket("T", "only", opened, None, tuple(sorted(events, key=lambda e: e.at)))
    rule = ClockRule(kind, minutes * 60, calendar)
    return Case(rule, ticket, draw(st.booleans()), pauses, achieved)


@given(cases())
def test_the_first_response_is_due_when_the_oracle_says(case: Case) -> None:
    severity = SeverityTerms("only", first_response=case.rule)
    terms = SupportTerms((severity,), start_at_next_opening=case.wait_for_opening)
    clock = one(terms, case.ticket, "2031-01-01T00:00Z").clock("first_response")
    assert clock is not None
    assert clock.due == oracle_due(case, case.ticket.opened_at)
