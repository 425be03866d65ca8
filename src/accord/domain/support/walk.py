"""Replaying the events of many tickets at once: when each metric was achieved, each
ticket's severities over time, and its pauses awaiting the customer.

Events are sorted by ticket and time. The severity walk visits the n-th severity event
(reclassification or workaround) of every ticket at once, so its Python loop runs as
many times as the busiest ticket has such events, never once per ticket. The rules are
those of the reference, `accord.domain.support.reference`.
"""

from __future__ import annotations

import numpy as np

from accord.domain.evidence import EVENT_TYPES
from accord.domain.support.columns import (
    CHANGE_REASONS,
    EVENT_CODE,
    NEVER,
    FindingRow,
    Index,
    Mask,
    Seconds,
    TicketColumns,
)
from accord.domain.support.deadlines import ClockTable, Pauses
from accord.domain.support.terms import PAUSE_ENDS, REPLIES, MetricMarks, SupportTerms

_RECLASSIFIED, _WORKAROUND = EVENT_CODE["reclassified"], EVENT_CODE["workaround"]
_AWAITING = EVENT_CODE["awaiting_customer"]
REPLY_CODES = [EVENT_CODE[t] for t in REPLIES]
_PAUSE_END_CODES = [EVENT_CODE[t] for t in PAUSE_ENDS]
_RECLASSIFICATION = CHANGE_REASONS.index("reclassified")
_DOWNGRADE = CHANGE_REASONS.index("workaround")


def leaders(ticket: Index) -> Mask:
    """True at the first row of each ticket (rows sorted by ticket)."""
    lead = np.ones(ticket.shape, np.bool_)
    lead[1:] = ticket[1:] != ticket[:-1]
    return lead


def _rank(ticket: Index) -> Index:
    """The position of each row among its ticket's rows (rows sorted by ticket)."""
    index = np.arange(ticket.size, dtype=np.int32)
    return index - np.maximum.accumulate(np.where(leaders(ticket), index, 0)).astype(np.int32)


def _first(ticket: Index, at: Seconds, mask: Mask, n: int) -> Seconds:
    """Each ticket's first instant among the rows in `mask`, NEVER where none."""
    out = np.full(n, NEVER, np.int64)
    rows = np.flatnonzero(mask)
    lead = rows[leaders(ticket[rows])]
    out[ticket[lead]] = at[lead]
    return out


def _sorted(ticket: Index, at: Seconds) -> bool:
    """Whether rows are sorted by ticket, then time (as evidence usually comes)."""
    same = ticket[1:] == ticket[:-1]
    return bool(np.all((ticket[1:] > ticket[:-1]) | (same & (at[1:] >= at[:-1]))))


class Events:
    """The events that count, sorted by ticket then time (ties in the given order)."""

    def __init__(self, ticket: Index, at: Seconds, type_: np.ndarray, severity: Index) -> None:
        self.ticket, self.at, self.type, self.severity = ticket, at, type_, severity

    @staticmethod
    def of(tickets: TicketColumns, known: Mask, now: int, findings: list[FindingRow]) -> Events:
        ticket, at = tickets.event_ticket, tickets.event_at
        type_, severity = tickets.event_type, tickets.event_severity
        if not _sorted(ticket, at):
            order = np.lexsort((at, ticket))
            ticket, at, type_, severity = ticket[order], at[order], type_[order], severity[order]
        early = known[ticket] & (at < tickets.opened_at[ticket])
        findings += [
            FindingRow(int(ticket[k]), int(at[k]), "event_before_opening", EVENT_TYPES[type_[k]])
            for k in np.flatnonzero(early)
        ]
        keep = known[ticket] & ~early & (at <= now)
        return Events(ticket[keep], at[keep], type_[keep], severity[keep])

    def first(self, codes: list[int], n: int) -> Seconds:
        return _first(self.ticket, self.at, np.isin(self.type, codes), n)


class MarkColumns(MetricMarks[Seconds]):
    """When each ticket achieved each metric; NEVER when not (yet)."""

    @staticmethod
    def of(events: Events, n: int) -> MarkColumns:
        resolved = events.first([EVENT_CODE["resolved"]], n)
        resolution = np.where(resolved < NEVER, resolved, events.first([EVENT_CODE["closed"]], n))
        return MarkColumns(
            reply=np.minimum(events.first(REPLY_CODES, n), resolution),
            temporary=np.minimum(events.first([_WORKAROUND], n), resolution),
            resolution=resolution,
        )


class Walk:
    """Severity changes: the opening of every known ticket, then each change applied."""

    def __init__(self, current: Index) -> None:
        self.current = current  # each ticket's severity after its last change
        self.ticket: list[Index] = []
        self.at: list[Seconds] = []
        self.severity: list[Index] = []
        self.reason: list[np.ndarray] = []
        self.step: list[Index] = []  # 0 for the opening, k for the k-th severity event

    def add(
        self, ticket: Index, at: Seconds, severity: Index, reason: np.ndarray, step: int
    ) -> None:
        self.ticket.append(ticket.astype(np.int32))
        self.at.append(at)
        self.severity.append(severity.astype(np.int32))
        self.reason.append(reason.astype(np.int8))
        self.step.append(np.full(ticket.size, step, np.int32))


def walk(
    terms: SupportTerms,
    clocks: ClockTable,
    lookup: Index,
    opening: Index,
    known: Mask,
    tickets: TicketColumns,
    events: Events,
    marks: MarkColumns,
    findings: list[FindingRow],
) -> Walk:
    walked = Walk(np.where(known, opening, 0).astype(np.int32))
    first = np.flatnonzero(known).astype(np.int32)
    opened = np.full(first.size, CHANGE_REASONS.index("opened"))
    walked.add(first, tickets.opened_at[first], opening[first], opened, 0)
    rows = np.flatnonzero((events.type == _RECLASSIFIED) | (events.type == _WORKAROUND))
    rank = _rank(events.ticket[rows])
    for step in range(1, int(rank.max(initial=-1)) + 2):
        r = rows[rank == step - 1]
        ticket, at = events.ticket[r], events.at[r]
        current = walked.current[ticket]
        is_reclass = events.type[r] == _RECLASSIFIED
        new = lookup[events.severity[r]]
        unknown = is_reclass & (new < 0)
        asked = is_reclass & ~unknown & (new != current)
        allowed = _may_reclassify(terms, marks.reply[ticket], at)
        lower = clocks.downgrade[current]
        dropped = ~is_reclass & (lower >= 0) & (lower != current)
        take = (asked & allowed) | dropped
        severity = np.where(is_reclass, new, lower)
        walked.current[ticket[take]] = severity[take]
        reason = np.where(is_reclass, _RECLASSIFICATION, _DOWNGRADE)
        walked.add(ticket[take], at[take], severity[take], reason[take], step)
        findings += [
            FindingRow(int(ticket[k]), int(at[k]), "unknown_new_severity",
                       tickets.names[events.severity[r[k]]] or None)
            for k in np.flatnonzero(unknown)
        ]  # fmt: skip
        findings += [
            FindingRow(int(ticket[k]), int(at[k]), "reclassification_not_allowed",
                       terms.severities[new[k]].name)
            for k in np.flatnonzero(asked & ~allowed)
        ]  # fmt: skip
    return walked


def _may_reclassify(terms: SupportTerms, reply: Seconds, at: Seconds) -> Mask:
    match terms.reclassification:
        case "any_time":
            return np.ones(at.shape, np.bool_)
        case "never":
            return np.zeros(at.shape, np.bool_)
        case "after_first_response":
            return reply <= at  # NEVER: no reply yet
        case "final_after_qualification":
            return reply >= at


class Segments:
    """Each ticket's severities in force, one row per change, by ticket then time."""

    def __init__(self, walk: Walk) -> None:
        ticket, step = np.concatenate(walk.ticket), np.concatenate(walk.step)
        order = np.lexsort((step, ticket))
        self.ticket: Index = ticket[order]
        self.start: Seconds = np.concatenate(walk.at)[order]
        self.severity: Index = np.concatenate(walk.severity)[order]
        self.reason: np.ndarray = np.concatenate(walk.reason)[order]
        self.until: Seconds = np.full(self.ticket.size, NEVER, np.int64)  # next change
        follows = ~leaders(self.ticket)
        self.until[:-1][follows[1:]] = self.start[1:][follows[1:]]

    def severity_at(self, ticket: Index, at: Seconds) -> Index:
        """The severity in force at each (ticket, instant): the last change at or before.

        Every queried ticket has its opening row, at or before any instant asked about.
        """
        first = np.searchsorted(self.ticket, ticket)
        count = np.searchsorted(self.ticket, ticket, side="right") - first
        found = first.copy()
        for k in range(1, int(count.max(initial=1))):
            later = np.flatnonzero(count > k)
            row = first[later] + k
            reached = self.start[row] <= at[later]
            found[later[reached]] = row[reached]
        return self.severity[found]


def pauses(events: Events, n: int, now: int) -> Pauses:
    """Awaiting the customer: from awaiting_customer to a reply, resolution or closure."""
    rows = np.flatnonzero(np.isin(events.type, [_AWAITING, *_PAUSE_END_CODES]))
    ticket = events.ticket[rows]
    waiting = events.type[rows] == _AWAITING
    before = np.zeros(rows.size, np.bool_)
    before[1:] = waiting[:-1]
    before[leaders(ticket)] = False
    edges = np.flatnonzero(waiting != before)  # pause starts and ends, alternating
    starts = edges[waiting[edges]]
    following = np.searchsorted(edges, starts) + 1
    closed = following < edges.size
    closed[closed] = ticket[edges[following[closed]]] == ticket[starts[closed]]
    end = np.full(starts.size, now, np.int64)
    end[closed] = events.at[rows[edges[following[closed]]]]
    return Pauses.of(ticket[starts], events.at[rows[starts]], end, n)
