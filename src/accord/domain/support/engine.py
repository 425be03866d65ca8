"""Support clocks of many tickets at once, on NumPy columns.

The same rules as the reference (`accord.domain.support.reference`), arranged for arrays:
`walk` replays the events of every ticket at once; due instants are computed
per clock (a kind and a calendar) with the array forms of the calendar engine; and a
first row per ticket is picked with one comparison of neighbours. Python loops run over
the few distinct clocks, severity events and pauses of a ticket, never over tickets.
"""

from __future__ import annotations

from datetime import datetime

import numpy as np

from accord.domain.support.columns import (
    NEVER,
    ClockColumns,
    EvaluatedColumns,
    FindingRow,
    Index,
    Mask,
    Seconds,
    TicketColumns,
    seconds,
)
from accord.domain.support.deadlines import ClockTable, Pauses
from accord.domain.support.terms import METRICS, Metric, SupportTerms
from accord.domain.support.walk import (
    REPLY_CODES,
    Events,
    MarkColumns,
    Segments,
    leaders,
    pauses,
    walk,
)


def evaluate_many(terms: SupportTerms, tickets: TicketColumns, now: datetime) -> EvaluatedColumns:
    n, at_now = len(tickets), seconds(now)
    clocks = ClockTable(terms)
    lookup = np.array([clocks.index.get(name, -1) for name in tickets.names], np.int32)
    opening = lookup[tickets.severity]
    known = opening >= 0
    who = terms.who_may_open
    allowed = np.array([who is None or r == "" or r in who for r in tickets.roles])[tickets.role]
    findings = _ticket_findings(tickets, known, allowed)
    events = Events.of(tickets, known, at_now, findings)
    marks = MarkColumns.of(events, n)
    walked = walk(terms, clocks, lookup, opening, known, tickets, events, marks, findings)
    paused = pauses(events, n, at_now) if terms.pause_while_awaiting_customer else Pauses.none(n)
    segments = Segments(walked)
    evaluated = {
        metric: (
            _update_clock(clocks, tickets, events, marks, segments, paused, at_now)
            if metric == "periodic_update"
            else _metric_clock(clocks, metric, tickets, marks, segments, paused, at_now)
        )
        for metric in METRICS
    }
    return EvaluatedColumns(
        tickets=tickets,
        known=known,
        counted=known & allowed,
        severity=walked.current,
        clocks=evaluated,
        change_ticket=segments.ticket,
        change_at=segments.start,
        change_severity=segments.severity,
        change_reason=segments.reason,
        findings=tuple(findings),
    )


def _ticket_findings(tickets: TicketColumns, known: Mask, allowed: Mask) -> list[FindingRow]:
    rows = [
        FindingRow(int(i), int(tickets.opened_at[i]), "unknown_severity", tickets.names[s])
        for i in np.flatnonzero(~known)
        for s in [tickets.severity[i]]
    ]
    rows += [
        FindingRow(int(i), int(tickets.opened_at[i]), "not_allowed_to_open", tickets.roles[r])
        for i in np.flatnonzero(known & ~allowed)
        for r in [tickets.role[i]]
    ]
    return rows


def _metric_clock(
    clocks: ClockTable,
    metric: Metric,
    tickets: TicketColumns,
    marks: MarkColumns,
    segments: Segments,
    pauses: Pauses,
    now: int,
) -> ClockColumns:
    ticket = segments.ticket
    rule = clocks.rule_id[segments.severity, METRICS.index(metric)]
    has = rule >= 0
    achieved = marks.achieved(metric)[ticket]
    due = np.full(ticket.size, NEVER, np.int64)
    rows = np.flatnonzero(has)
    opened = tickets.opened_at[ticket[rows]]
    start = clocks.start(rule[rows], opened)
    due[rows] = clocks.due(rule[rows], ticket[rows], start, achieved[rows], pauses)
    if metric == "first_response":
        due[rows] = clocks.after_hours(
            segments.severity[rows], ticket[rows], opened, achieved[rows], due[rows], pauses
        )
    until = segments.until
    decides = (until == NEVER) | (achieved <= until) | (has & (due <= until))
    chosen = np.flatnonzero(decides)
    chosen = chosen[leaders(ticket[chosen])]
    return _columns(len(tickets), ticket[chosen], has[chosen], segments.severity[chosen],
                    due[chosen], achieved[chosen], now)  # fmt: skip


def _update_clock(
    clocks: ClockTable,
    tickets: TicketColumns,
    events: Events,
    marks: MarkColumns,
    segments: Segments,
    pauses: Pauses,
    now: int,
) -> ClockColumns:
    n, update = len(tickets), METRICS.index("periodic_update")
    known = np.zeros(n, np.bool_)
    known[segments.ticket] = True
    anchor = marks.reply.copy()
    silent = np.flatnonzero(known & (anchor == NEVER)).astype(np.int32)
    opened = tickets.opened_at[silent]
    rule = clocks.rule_id[segments.severity_at(silent, opened), update]
    anchor[silent] = opened
    has = rule >= 0
    anchor[silent[has]] = clocks.start(rule[has], opened[has])
    resolution = marks.resolution
    eligible = known & ((resolution == NEVER) | (resolution > anchor))
    first = np.flatnonzero(eligible).astype(np.int32)
    touch = np.flatnonzero(
        np.isin(events.type, REPLY_CODES)
        & eligible[events.ticket]
        & (events.at > anchor[events.ticket])
        & (events.at < resolution[events.ticket])
    )
    last = first[resolution[first] != NEVER]
    ticket = np.concatenate((first, events.ticket[touch], last))
    at = np.concatenate((anchor[first], events.at[touch], resolution[last]))
    kind = np.concatenate((np.zeros(first.size + touch.size, np.int8), np.ones(last.size, np.int8)))
    order = np.lexsort((kind, ticket))
    ticket, at, kind = ticket[order], at[order], kind[order]
    end = np.full(ticket.size, NEVER, np.int64)
    follows = ~leaders(ticket)
    end[:-1][follows[1:]] = at[1:][follows[1:]]
    gap = np.flatnonzero(kind == 0)
    ticket, start, end = ticket[gap], at[gap], end[gap]
    severity = segments.severity_at(ticket, start)
    rule = clocks.rule_id[severity, update]
    keep = rule >= 0
    ticket, start, end, severity, rule = (x[keep] for x in (ticket, start, end, severity, rule))
    due = clocks.due(rule, ticket, start, end, pauses)
    failed = np.where(end < NEVER, end > due, due < now)
    closing = np.ones(ticket.size, np.bool_)
    closing[:-1] = ticket[1:] != ticket[:-1]
    pick = np.full(n, -1, np.int64)
    pick[ticket[closing]] = np.flatnonzero(closing)
    first_failed = np.flatnonzero(failed)
    first_failed = first_failed[leaders(ticket[first_failed])]
    pick[ticket[first_failed]] = first_failed
    chosen = pick[pick >= 0]
    return _columns(n, ticket[chosen], np.ones(chosen.size, np.bool_), severity[chosen],
                    due[chosen], end[chosen], now)  # fmt: skip


def _columns(
    n: int, ticket: Index, present: Mask, severity: Index, due: Seconds, achieved: Seconds, now: int
) -> ClockColumns:
    out = ClockColumns(
        present=np.zeros(n, np.bool_),
        severity=np.zeros(n, np.int32),
        due=np.zeros(n, np.int64),
        achieved=np.full(n, NEVER, np.int64),
        decided=np.zeros(n, np.bool_),
        met=np.zeros(n, np.bool_),
    )
    reached = achieved < NEVER
    out.present[ticket] = present
    out.severity[ticket] = severity
    out.due[ticket] = np.where(present, due, 0)
    out.achieved[ticket] = achieved
    out.decided[ticket] = present & (reached | (due < now))
    out.met[ticket] = present & reached & (achieved <= due)
    return out
