"""Support clocks: what a contract promises for each ticket, and what each ticket got.

The terms (`SupportTerms`) are plain values built from a contract; the results are one
`TicketResult` per ticket. Two implementations compute them: `reference` is the
spec, one ticket at a time on the scalar calendar functions, and `engine`
works on columns of many tickets; the tests hold them to the same answers.

How the contract is read where the seeds leave a choice:

- A target runs on one of three clocks (`ClockRule.kind`): elapsed time; open time of a
  calendar; or business dates of a calendar ("5 business days": the same local time five
  business dates later). On an elapsed clock a ticket opened outside its calendar's hours
  starts its clocks at the next opening when the contract says so (Lavi V5: "starting at
  6:00am the next business day"); open-time and business-date clocks wait for the
  opening by their nature.
- A ticket opened while its coverage calendar is closed (Lavi V3: "Messages will be
  responded within the first one (1) hour of the next Business Day") may also owe its
  first response by an after-hours promise (`AfterHours`), counted from the next opening
  of the promise's own calendar on its clock. The stricter promise governs: the first
  response is due at the earlier of the two instants, each moved on by the pauses, and
  the clock still reports the severity's name. The promise only tightens a severity's
  own first-response target: a severity without one has no first-response clock. It
  applies to every ticket whatever channel it came by: the evidence names none.
- Clocks count whole seconds: sub-second parts of the evidence are dropped.
- What achieves each metric: first_response by the first reply of any kind (first
  response, update, workaround or resolution); temporary_resolution by the first
  workaround or the resolution; resolution by the first `resolved` event, else the first
  `closed` one. periodic_update: from the first reply (or the clock's start when there is
  none) to the resolution, every gap between replies (first_response, update,
  workaround) and the resolution must fit `every`, counted from the gap's start on the
  clock of the severity in force then. The clock reports the first gap that went over,
  else the last one judged; a ticket resolved at its first reply has no such clock.
- Pauses: from `awaiting_customer` to `customer_replied` (or to the resolution, the
  closure or `now`), when the contract pauses clocks, a clock that is still running at the
  pause's start stops; its due instant moves later by the pause as measured on that clock.
- Severity changes (a reclassification, or a workaround that drops a category, S3) apply
  from their instant on, and the new severity's targets are measured from the original
  opening. A metric achieved, or already past due, before a change is judged on the
  severity in force then. A change the contract does not allow is a finding and is not
  applied: 'after_first_response' refuses a change before the first reply,
  'final_after_qualification' refuses a change after it (the first reply states the
  category), 'never' refuses all.
- A ticket opened by a role the contract does not let open tickets, or with a severity
  the contract does not name, is a finding and does not count towards compliance. A
  ticket with no role given is not flagged: nothing says who opened it.
- Events after `now` have not happened yet; events before the opening are findings and
  ignored. A metric not achieved is missed once its due instant is before `now`, and
  pending (`met` is None) until then.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Generic, Literal, TypeVar

from accord.domain.calendars.hours import BusinessCalendar
from accord.domain.evidence import EventType

Metric = Literal["first_response", "periodic_update", "temporary_resolution", "resolution"]
METRICS: tuple[Metric, ...] = (
    "first_response", "periodic_update", "temporary_resolution", "resolution",
)  # fmt: skip
ClockKind = Literal["elapsed", "open_time", "business_days"]
Reclassification = Literal["any_time", "after_first_response", "final_after_qualification",
                           "never"]  # fmt: skip
FindingCode = Literal[
    "unknown_severity", "not_allowed_to_open", "event_before_opening",
    "unknown_new_severity", "reclassification_not_allowed",
]  # fmt: skip
ChangeReason = Literal["opened", "reclassified", "workaround"]

# Event types by what they do to the clocks.
REPLIES: tuple[EventType, ...] = ("first_response", "update", "workaround")  # from support
PAUSE_ENDS: tuple[EventType, ...] = ("customer_replied", "resolved", "closed")
Mark = TypeVar("Mark")  # an instant, or an array of them


@dataclass(frozen=True)
class ClockRule:
    """How long a target allows, and on which clock."""

    kind: ClockKind  # elapsed time, open time of `calendar`, or business dates of it
    amount: int  # seconds (elapsed, open_time) or business dates (business_days), >= 0
    calendar: BusinessCalendar  # the coverage; an elapsed clock may wait for its opening

    def __post_init__(self) -> None:
        if self.amount < 0:
            raise ValueError(f"a target cannot be negative, got {self.amount}")


@dataclass(frozen=True)
class AfterHours:
    """A first response owed to a ticket opened while `coverage` is closed."""

    coverage: BusinessCalendar  # the hours outside which the promise applies
    within: ClockRule  # counted from the next opening of its own calendar


@dataclass(frozen=True)
class SeverityTerms:
    """The targets of one severity; None where the contract sets none."""

    name: str  # the severity's key in the contract
    first_response: ClockRule | None = None
    periodic_update: ClockRule | None = None  # the longest gap between two replies
    temporary_resolution: ClockRule | None = None
    resolution: ClockRule | None = None
    downgrade_to: str | None = None  # the severity a workaround drops it to (S3)
    after_hours: AfterHours | None = None  # a stricter first response after hours (V3)

    def rule(self, metric: Metric) -> ClockRule | None:
        rule: ClockRule | None = getattr(self, metric)
        return rule


@dataclass(frozen=True)
class ComplianceRule:
    """A share of the month's tickets that must meet some targets (S7)."""

    required_percent: float  # 0..100
    metrics: tuple[Metric, ...]  # the targets it covers
    severities: tuple[str, ...] | None = None  # None: every severity


@dataclass(frozen=True)
class SupportTerms:
    """Everything the support clocks need from a contract."""

    severities: tuple[SeverityTerms, ...]  # in the contract's order
    who_may_open: frozenset[str] | None = None  # roles that may open tickets; None: anyone
    start_at_next_opening: bool = True  # elapsed clocks of after-hours tickets wait
    reclassification: Reclassification = "any_time"
    pause_while_awaiting_customer: bool = True
    compliance: tuple[ComplianceRule, ...] = ()  # empty: every target is per ticket

    def __post_init__(self) -> None:
        names = [s.name for s in self.severities]
        if len(set(names)) != len(names):
            raise ValueError(f"severity names repeat: {names}")
        for s in self.severities:
            if s.downgrade_to is not None and s.downgrade_to not in names:
                raise ValueError(f"{s.name}: downgrade to unknown severity {s.downgrade_to!r}")
        for c in self.compliance:
            unknown = set(c.severities or ()) - set(names)
            if unknown:
                raise ValueError(f"compliance names unknown severities {sorted(unknown)}")

    def severity(self, name: str | None) -> SeverityTerms | None:
        return next((s for s in self.severities if s.name == name), None)

    def required_percent(self, severity: str, metric: Metric) -> float:
        """The first compliance rule covering the pair, else 100: a per-ticket promise."""
        for c in self.compliance:
            if metric in c.metrics and (c.severities is None or severity in c.severities):
                return c.required_percent
        return 100.0


@dataclass(frozen=True)
class TicketFinding:
    """Something about a ticket the contract does not allow or the clocks cannot use."""

    code: FindingCode
    at: datetime  # UTC: the opening or the event concerned
    detail: str  # in plain words


@dataclass(frozen=True)
class SeverityChange:
    at: datetime  # UTC, when the severity took effect
    severity: str  # the severity from then on
    reason: ChangeReason


@dataclass(frozen=True)
class TicketClock:
    """One target of one ticket."""

    metric: Metric
    severity: str  # the severity whose target judged it
    due: datetime  # UTC; pauses included; for periodic_update the gap judged
    achieved_at: datetime | None  # UTC; None while not achieved
    met: bool | None  # None: not achieved, and not due before `now`


@dataclass(frozen=True)
class TicketResult:
    id: str
    opened_at: datetime  # UTC, whole seconds
    severity: str  # the final severity
    severities: tuple[SeverityChange, ...]  # the opening severity first; empty if unknown
    clocks: tuple[TicketClock, ...]  # in METRICS order, only targets that apply
    findings: tuple[TicketFinding, ...]  # sorted by instant
    counted: bool  # counts towards compliance

    def clock(self, metric: Metric) -> TicketClock | None:
        return next((c for c in self.clocks if c.metric == metric), None)


@dataclass(frozen=True, eq=False)
class MetricMarks(Generic[Mark]):
    """When each metric was achieved, and which of these marks each metric reads."""

    reply: Mark  # first reply of any kind, the resolution included
    temporary: Mark  # first workaround, or the resolution
    resolution: Mark  # first resolved, else first closed

    def achieved(self, metric: Metric) -> Mark:
        match metric:
            case "first_response":
                return self.reply
            case "temporary_resolution":
                return self.temporary
            case "resolution" | "periodic_update":
                return self.resolution


def finding(
    terms: SupportTerms, code: FindingCode, at: datetime, subject: str | None
) -> TicketFinding:
    """A finding in words; `subject` is the role, severity or event type concerned."""
    match code:
        case "unknown_severity":
            detail = f"severity {subject!r} is not in the contract"
        case "not_allowed_to_open":
            allowed = ", ".join(sorted(terms.who_may_open or ()))
            detail = f"opened by {subject!r}; only {allowed} may open tickets"
        case "event_before_opening":
            detail = f"{subject} event before the ticket was opened; ignored"
        case "unknown_new_severity":
            detail = f"reclassified to {subject!r}, which is not in the contract; ignored"
        case "reclassification_not_allowed":
            detail = (f"reclassified to {subject!r}, which the contract does not allow "
                      f"({terms.reclassification}); ignored")  # fmt: skip
    return TicketFinding(code, at, detail)


def judged(due: datetime, achieved: datetime | None, now: datetime) -> bool | None:
    """Met when achieved by the due instant; missed once due before `now` unachieved."""
    if achieved is not None:
        return achieved <= due
    return False if due < now else None
