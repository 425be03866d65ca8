"""Support clocks of many tickets at once, on NumPy columns.

The same rules as the reference (`accord.domain.support_clocks`), arranged for arrays:
events are sorted by ticket and time; a walk over the n-th severity event of every
ticket at once replays reclassifications and downgrades; due instants are computed per
clock (a kind and a calendar) with the array forms of the calendar engine; and a first
row per ticket is picked with one comparison of neighbours. Python loops run over the
few distinct clocks, severity events and pauses of a ticket, never over tickets.
"""

from __future__ import annotations

from datetime import datetime

import numpy as np

from accord.domain.evidence import EVENT_TYPES
from accord.domain.support import (
    METRICS,
    PAUSE_ENDS,
    REPLIES,
    Metric,
    SupportTerms,
)
from accord.domain.support_columns import (
    EVENT_CODE,
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
from accord.domain.support_deadlines import Clocks, Pauses

_RECLASSIFIED, _WORKAROUND = EVENT_CODE["reclassified"], EVENT_CODE["workaround"]
_AWAITING = EVENT_CODE["awaiting_customer"]
_REPLY_CODES = [EVENT_CODE[t] for t in REPLIES]
_PAUSE_END_CODES = [EVENT_CODE[t] for t in PAUSE_ENDS]
_OPENED, _RECLASSIFICATION, _DOWNGRADE = 0, 1, 2  # support_columns.CHANGE_REASONS


def evaluate_many(terms: SupportTerms, tickets: TicketColumns, now: datetime) -> EvaluatedColumns:
    n, at_now = len(tickets), seconds(now)
    clocks = Clocks(terms)
    lookup = np.array([clocks.index.get(name, -1) for name in tickets.names], np.int32)
    opening = lookup[tickets.severity]
    known = opening >= 0
    who = terms.who_may_open
    allowed = np.array([who is None or r == "" or r in who for r in tickets.roles])[tickets.role]
    findings = _ticket_findings(tickets, known, allowed)
    events = _Events.of(tickets, known, at_now, findings)
    marks = _Marks.of(events, n)
    walk = _walk(terms, clocks, lookup, opening, known, tickets, events, marks, findings)
    pauses = _pauses(events, n, at_now) if terms.pause_while_awaiting_customer else Pauses.none(n)
    segments = _Segments(walk)
    evaluated = {
        metric: (
            _update_clock(clocks, tickets, events, marks, segments, pauses, at_now)
            if metric == "periodic_update"
            else _metric_clock(clocks, metric, tickets, marks, segments, pauses, at_now)
        )
        for metric in METRICS
    }
    return EvaluatedColumns(
        tickets=tickets,
        known=known,
        counted=known & allowed,
        severity=walk.current,
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


class _Events:
    """The events that count, sorted by ticket then time (ties in the given order)."""

    def __init__(self, ticket: Index, at: Seconds, type_: np.ndarray, severity: Index) -> None:
        self.ticket, self.at, self.type, self.severity = ticket, at, type_, severity

    @staticmethod
    def of(tickets: TicketColumns, known: Mask, now: int, findings: list[FindingRow]) -> _Events:
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
        return _Events(ticket[keep], at[keep], type_[keep], severity[keep])

    def first(self, codes: list[int], n: int) -> Seconds:
        return _first(self.ticket, self.at, np.isin(self.type, codes), n)


class _Marks:
    """When each ticket achieved each metric; NEVER when not (yet)."""

    def __init__(self, reply: Seconds, temporary: Seconds, resolution: Seconds) -> None:
        self.reply, self.temporary, self.resolution = reply, temporary, resolution

    @staticmethod
    def of(events: _Events, n: int) -> _Marks:
        resolved = events.first([EVENT_CODE["resolved"]], n)
        resolution = np.where(resolved < NEVER, resolved, events.first([EVENT_CODE["closed"]], n))
        return _Marks(
            reply=np.minimum(events.first(_REPLY_CODES, n), resolution),
            temporary=np.minimum(events.first([_WORKAROUND], n), resolution),
            resolution=resolution,
        )

    def achieved(self, metric: Metric) -> Seconds:
        match metric:
            case "first_response":
                return self.reply
            case "temporary_resolution":
                return self.temporary
            case "resolution" | "periodic_update":
                return self.resolution


class _Walk:
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


def _walk(
    terms: SupportTerms,
    clocks: Clocks,
    lookup: Index,
    opening: Index,
    known: Mask,
    tickets: TicketColumns,
    events: _Events,
    marks: _Marks,
    findings: list[FindingRow],
) -> _Walk:
    walk = _Walk(np.where(known, opening, 0).astype(np.int32))
    first = np.flatnonzero(known).astype(np.int32)
    walk.add(first, tickets.opened_at[first], opening[first], np.zeros(first.size), 0)
    rows = np.flatnonzero((events.type == _RECLASSIFIED) | (events.type == _WORKAROUND))
    rank = _rank(events.ticket[rows])
    for step in range(1, int(rank.max(initial=-1)) + 2):
        r = rows[rank == step - 1]
        ticket, at = events.ticket[r], events.at[r]
        current = walk.current[ticket]
        is_reclass = events.type[r] == _RECLASSIFIED
        new = lookup[events.severity[r]]
        unknown = is_reclass & (new < 0)
        asked = is_reclass & ~unknown & (new != current)
        allowed = _may_reclassify(terms, marks.reply[ticket], at)
        lower = clocks.downgrade[current]
        dropped = ~is_reclass & (lower >= 0) & (lower != current)
        take = (asked & allowed) | dropped
        severity = np.where(is_reclass, new, lower)
        walk.current[ticket[take]] = severity[take]
        reason = np.where(is_reclass, _RECLASSIFICATION, _DOWNGRADE)
        walk.add(ticket[take], at[take], severity[take], reason[take], step)
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
    return walk


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


class _Segments:
    """Each ticket's severities in force, one row per change, by ticket then time."""

    def __init__(self, walk: _Walk) -> None:
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


def _pauses(events: _Events, n: int, now: int) -> Pauses:
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


def _metric_clock(
    clocks: Clocks,
    metric: Metric,
    tickets: TicketColumns,
    marks: _Marks,
    segments: _Segments,
    pauses: Pauses,
    now: int,
) -> ClockColumns:
    ticket = segments.ticket
    rule = clocks.rule_id[segments.severity, METRICS.index(metric)]
    has = rule >= 0
    achieved = marks.achieved(metric)[ticket]
    due = np.full(ticket.size, NEVER, np.int64)
    rows = np.flatnonzero(has)
    start = clocks.start(rule[rows], tickets.opened_at[ticket[rows]])
    due[rows] = clocks.due(rule[rows], ticket[rows], start, achieved[rows], pauses)
    until = segments.until
    decides = (until == NEVER) | (achieved <= until) | (has & (due <= until))
    chosen = np.flatnonzero(decides)
    chosen = chosen[leaders(ticket[chosen])]
    return _columns(len(tickets), ticket[chosen], has[chosen], segments.severity[chosen],
                    due[chosen], achieved[chosen], now)  # fmt: skip


def _update_clock(
    clocks: Clocks,
    tickets: TicketColumns,
    events: _Events,
    marks: _Marks,
    segments: _Segments,
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
        np.isin(events.type, _REPLY_CODES)
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
