"""The reference evaluation of support clocks: one ticket at a time, in plain steps.

It calls the scalar calendar functions and says the rules of `accord.domain.support.terms`
as directly as possible; `engine` computes the same results on columns and the
tests compare the two.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from accord.domain.calendars.business_time import (
    add_business_days,
    add_business_time,
    business_time_between,
    next_opening,
)
from accord.domain.calendars.hours import is_open
from accord.domain.evidence import Ticket, TicketEvent
from accord.domain.support.terms import (
    METRICS,
    PAUSE_ENDS,
    REPLIES,
    AfterHours,
    ClockRule,
    Metric,
    MetricMarks,
    Reclassification,
    SeverityChange,
    SeverityTerms,
    SupportTerms,
    TicketClock,
    TicketFinding,
    TicketResult,
    finding,
    judged,
)

Pause = tuple[datetime, datetime]  # [start, end), UTC


def evaluate_tickets(
    terms: SupportTerms, tickets: Iterable[Ticket], now: datetime
) -> tuple[TicketResult, ...]:
    return tuple(evaluate_ticket(terms, ticket, now) for ticket in tickets)


def evaluate_ticket(terms: SupportTerms, ticket: Ticket, now: datetime) -> TicketResult:
    now, opened = whole_second(now), whole_second(ticket.opened_at)
    if terms.severity(ticket.severity) is None:
        found = finding(terms, "unknown_severity", opened, ticket.severity)
        return TicketResult(ticket.id, opened, ticket.severity, (), (), (found,), False)
    findings: list[TicketFinding] = []
    allowed = may_open(terms, ticket.opened_by_role)
    if not allowed:
        findings.append(finding(terms, "not_allowed_to_open", opened, ticket.opened_by_role))
    events: list[TicketEvent] = []
    for event in sorted(ticket.events, key=lambda e: whole_second(e.at)):
        at = whole_second(event.at)  # ties within a second keep the order given
        if at < opened:
            findings.append(finding(terms, "event_before_opening", at, event.type))
        elif at <= now:
            events.append(TicketEvent(at, event.type, event.severity))
    marks = TicketMarks.of(events)
    changes = severity_changes(terms, ticket.severity, opened, events, marks.reply, findings)
    pauses = awaited(events, now) if terms.pause_while_awaiting_customer else []
    ticket_clocks = TicketClocks(terms, opened, now, changes, pauses, marks, events)
    return TicketResult(
        id=ticket.id,
        opened_at=opened,
        severity=changes[-1].severity,
        severities=tuple(changes),
        clocks=tuple(c for m in METRICS if (c := ticket_clocks.clock(m)) is not None),
        findings=tuple(sorted(findings, key=lambda f: (f.at, f.code, f.detail))),
        counted=allowed,
    )


def whole_second(at: datetime) -> datetime:
    return at.astimezone(UTC).replace(microsecond=0)


def may_open(terms: SupportTerms, role: str | None) -> bool:
    return terms.who_may_open is None or role is None or role in terms.who_may_open


@dataclass(frozen=True)
class TicketMarks(MetricMarks[datetime | None]):
    """When each metric was achieved, from the events; None when not (yet)."""

    @staticmethod
    def of(events: Sequence[TicketEvent]) -> TicketMarks:
        def first(*types: str) -> datetime | None:
            return next((e.at for e in events if e.type in types), None)

        resolution = first("resolved") or first("closed")
        return TicketMarks(
            reply=earliest(first(*REPLIES), resolution),
            temporary=earliest(first("workaround"), resolution),
            resolution=resolution,
        )


def earliest(a: datetime | None, b: datetime | None) -> datetime | None:
    return min(x for x in (a, b) if x is not None) if a or b else None


def severity_changes(
    terms: SupportTerms,
    initial: str,
    opened: datetime,
    events: Sequence[TicketEvent],
    reply: datetime | None,
    findings: list[TicketFinding],
) -> list[SeverityChange]:
    changes = [SeverityChange(opened, initial, "opened")]
    for event in events:
        current = changes[-1].severity
        if event.type == "reclassified":
            new = event.severity
            if new is None or terms.severity(new) is None:
                findings.append(finding(terms, "unknown_new_severity", event.at, new))
            elif new == current:
                continue
            elif not may_reclassify(terms.reclassification, reply, event.at):
                findings.append(finding(terms, "reclassification_not_allowed", event.at, new))
            else:
                changes.append(SeverityChange(event.at, new, "reclassified"))
        elif event.type == "workaround":
            lower = _terms(terms, current).downgrade_to
            if lower is not None and lower != current:
                changes.append(SeverityChange(event.at, lower, "workaround"))
    return changes


def may_reclassify(rule: Reclassification, reply: datetime | None, at: datetime) -> bool:
    match rule:
        case "any_time":
            return True
        case "never":
            return False
        case "after_first_response":
            return reply is not None and reply <= at
        case "final_after_qualification":
            return reply is None or reply >= at


def awaited(events: Sequence[TicketEvent], now: datetime) -> list[Pause]:
    pauses: list[Pause] = []
    since: datetime | None = None
    for event in events:
        if event.type == "awaiting_customer" and since is None:
            since = event.at
        elif event.type in PAUSE_ENDS and since is not None:
            pauses.append((since, event.at))
            since = None
    if since is not None:
        pauses.append((since, now))
    return pauses


def _terms(terms: SupportTerms, name: str) -> SeverityTerms:
    found = terms.severity(name)
    assert found is not None  # changes only ever name severities of the contract
    return found


@dataclass(frozen=True)
class TicketClocks:
    """The clocks of one ticket whose events, severities and pauses are known."""

    terms: SupportTerms
    opened: datetime
    now: datetime
    changes: list[SeverityChange]
    pauses: list[Pause]
    marks: TicketMarks
    events: list[TicketEvent]

    def clock(self, metric: Metric) -> TicketClock | None:
        if metric == "periodic_update":
            return self.update_clock()
        achieved = self.marks.achieved(metric)
        for k, change in enumerate(self.changes):
            terms = _terms(self.terms, change.severity)
            rule = terms.rule(metric)
            due = None if rule is None else self.due(rule, self.start(rule), achieved)
            if metric == "first_response" and due is not None:
                due = self.after_hours(terms.after_hours, due, achieved)
            if k + 1 < len(self.changes):
                until = self.changes[k + 1].at
                reached = achieved is not None and achieved <= until
                lapsed = due is not None and due <= until
                if not (reached or lapsed):
                    continue
            if due is None:
                return None
            return TicketClock(
                metric, change.severity, due, achieved, judged(due, achieved, self.now)
            )
        raise AssertionError("unreachable: the last severity always decides")

    def update_clock(self) -> TicketClock | None:
        """The first gap between replies that went over, else the last gap judged."""
        resolution = self.marks.resolution
        if self.marks.reply is not None:
            anchor = self.marks.reply
        else:
            first = _terms(self.terms, self.severity_at(self.opened)).periodic_update
            anchor = self.opened if first is None else self.start(first)
        points = [anchor] + [
            e.at for e in self.events
            if e.type in REPLIES and anchor < e.at and (resolution is None or e.at < resolution)
        ]  # fmt: skip
        ends: list[datetime | None] = [*points[1:]]
        if resolution is None:
            ends.append(None)
        elif resolution > anchor:
            ends.append(resolution)
        else:
            return None  # resolved at the first reply: no update was ever due
        last: TicketClock | None = None
        for start, end in zip(points, ends, strict=True):
            severity = self.severity_at(start)
            rule = _terms(self.terms, severity).periodic_update
            if rule is None:
                continue
            due = self.due(rule, start, end)
            last = TicketClock("periodic_update", severity, due, end, judged(due, end, self.now))
            if last.met is False:
                break
        return last

    def severity_at(self, at: datetime) -> str:
        return [c for c in self.changes if c.at <= at][-1].severity

    def start(self, rule: ClockRule) -> datetime:
        """When a clock from the opening starts."""
        if rule.kind == "elapsed" and self.terms.start_at_next_opening:
            return next_opening(rule.calendar, self.opened)
        return self.opened

    def after_hours(
        self, promise: AfterHours | None, due: datetime, achieved: datetime | None
    ) -> datetime:
        """The earlier of `due` and the after-hours promise, for a ticket opened closed."""
        if promise is None or is_open(promise.coverage, self.opened):
            return due
        rule = promise.within
        return min(due, self.due(rule, next_opening(rule.calendar, self.opened), achieved))

    def due(self, rule: ClockRule, start: datetime, achieved: datetime | None) -> datetime:
        """The due instant of a clock started at `start`, moved on by the pauses."""
        due = allowance_end(rule, start)
        for pause_start, pause_end in self.pauses:
            begin = max(pause_start, start)
            running = begin < due and (achieved is None or begin < achieved)
            if not running or pause_end <= begin:
                continue
            length = _on_clock(rule, begin, pause_end)
            if length > timedelta():
                due = _extend(rule, due, length)
        return due


def allowance_end(rule: ClockRule, start: datetime) -> datetime:
    """When the rule's allowance, counted from `start` with no pause, runs out."""
    match rule.kind:
        case "elapsed":
            return start + timedelta(seconds=rule.amount)
        case "open_time":
            return add_business_time(rule.calendar, start, timedelta(seconds=rule.amount))
        case "business_days":
            return add_business_days(rule.calendar, start, rule.amount)


def _on_clock(rule: ClockRule, start: datetime, end: datetime) -> timedelta:
    if rule.kind == "elapsed":
        return end - start
    return business_time_between(rule.calendar, start, end)


def _extend(rule: ClockRule, due: datetime, length: timedelta) -> datetime:
    if rule.kind == "elapsed":
        return due + length
    return add_business_time(rule.calendar, due, length)
