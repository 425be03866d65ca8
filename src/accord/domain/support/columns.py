"""Tickets and their support clocks as columns: the bulk form of `Ticket` and `TicketResult`.

Instants are int64 UTC seconds since the epoch. Inside the columns an instant that has
not come (a metric not achieved) is `NEVER`, the largest int64, so that "achieved by the
due instant" stays a plain comparison; `results` turns it back into None.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import numpy as np
from numpy.typing import NDArray

from accord.domain.evidence import EVENT_TYPES, Ticket
from accord.domain.support.terms import (
    METRICS,
    ChangeReason,
    FindingCode,
    Metric,
    SeverityChange,
    SupportTerms,
    TicketClock,
    TicketFinding,
    TicketResult,
    finding,
)

Seconds = NDArray[np.int64]
Index = NDArray[np.int32]
Mask = NDArray[np.bool_]
NEVER = int(np.iinfo(np.int64).max)  # an instant that never comes
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_SECOND = timedelta(seconds=1)
EVENT_CODE = {name: code for code, name in enumerate(EVENT_TYPES)}
CHANGE_REASONS: tuple[ChangeReason, ...] = ("opened", "reclassified", "workaround")


def seconds(at: datetime) -> int:
    """Whole UTC seconds since the epoch, rounded down."""
    return (at - EPOCH) // _SECOND


def instant(value: int) -> datetime:
    return datetime.fromtimestamp(value, UTC)


@dataclass(frozen=True, eq=False)
class TicketColumns:
    """Tickets (one row each) and their events (one row each)."""

    ids: tuple[str, ...]  # ticket ids
    severity: Index  # each ticket's opening severity, an index into `names`
    opened_at: Seconds  # UTC seconds
    role: Index  # who opened each ticket, an index into `roles`
    event_ticket: Index  # the ticket row of each event
    event_at: Seconds  # UTC seconds
    event_type: NDArray[np.int8]  # an index into evidence.EVENT_TYPES
    event_severity: Index  # the new severity of 'reclassified', an index into `names`
    names: tuple[str, ...]  # severity names as the evidence spells them; '' first: none
    roles: tuple[str, ...]  # roles as the evidence spells them; '' first: not given

    def __len__(self) -> int:
        return len(self.ids)


def columns_from_tickets(tickets: Sequence[Ticket]) -> TicketColumns:
    names: dict[str, int] = {"": 0}
    roles: dict[str, int] = {"": 0}
    events = [e for t in tickets for e in t.events]
    count = len(events)
    return TicketColumns(
        ids=tuple(t.id for t in tickets),
        severity=np.array([names.setdefault(t.severity, len(names)) for t in tickets], np.int32),
        opened_at=np.array([seconds(t.opened_at) for t in tickets], np.int64),
        role=np.array(
            [roles.setdefault(t.opened_by_role or "", len(roles)) for t in tickets], np.int32
        ),  # fmt: skip
        event_ticket=np.repeat(
            np.arange(len(tickets), dtype=np.int32), [len(t.events) for t in tickets]
        ),  # fmt: skip
        event_at=np.fromiter((seconds(e.at) for e in events), np.int64, count),
        event_type=np.fromiter((EVENT_CODE[e.type] for e in events), np.int8, count),
        event_severity=np.fromiter(
            (names.setdefault(e.severity or "", len(names)) for e in events), np.int32, count
        ),
        names=tuple(names),
        roles=tuple(roles),
    )


@dataclass(frozen=True, eq=False)
class ClockColumns:
    """One metric for every ticket."""

    present: Mask  # a target of this metric applies to the ticket
    severity: Index  # the severity that judged it, an index into terms.severities
    due: Seconds  # UTC seconds, where present
    achieved: Seconds  # UTC seconds, NEVER when not achieved
    decided: Mask  # met or missed; False: pending
    met: Mask  # achieved by the due instant


@dataclass(frozen=True)
class FindingRow:
    ticket: int  # ticket row
    at: int  # UTC seconds
    code: FindingCode
    subject: str | None  # the role, severity or event type concerned


@dataclass(frozen=True, eq=False)
class EvaluatedColumns:
    """The support clocks of many tickets."""

    tickets: TicketColumns
    known: Mask  # the opening severity is in the contract
    counted: Mask  # counts towards compliance
    severity: Index  # final severity, an index into terms.severities (where known)
    clocks: dict[Metric, ClockColumns]  # every metric
    change_ticket: Index  # severity history, one row per change, by ticket then time
    change_at: Seconds
    change_severity: Index  # an index into terms.severities
    change_reason: NDArray[np.int8]  # an index into CHANGE_REASONS
    findings: tuple[FindingRow, ...]


def results(terms: SupportTerms, evaluated: EvaluatedColumns) -> tuple[TicketResult, ...]:
    """One TicketResult per ticket, equal to what the reference evaluation gives."""
    tickets = evaluated.tickets
    found: dict[int, list[TicketFinding]] = {}
    for row in evaluated.findings:
        found.setdefault(row.ticket, []).append(
            finding(terms, row.code, instant(row.at), row.subject)
        )
    names = [s.name for s in terms.severities]
    # Plain lists: reading numpy arrays element by element is slow.
    changes = _changes(evaluated, names)
    first = np.searchsorted(evaluated.change_ticket, np.arange(len(tickets) + 1)).tolist()
    clocks = [_clocks(metric, evaluated.clocks[metric], names) for metric in METRICS]
    known, counted = evaluated.known.tolist(), evaluated.counted.tolist()
    severity, opened = evaluated.severity.tolist(), tickets.opened_at.tolist()
    out: list[TicketResult] = []
    for i, ticket_id in enumerate(tickets.ids):
        findings = tuple(sorted(found.get(i, ()), key=lambda f: (f.at, f.code, f.detail)))
        if not known[i]:
            given = tickets.names[tickets.severity[i]]
            out.append(TicketResult(ticket_id, instant(opened[i]), given, (), (), findings, False))
            continue
        out.append(
            TicketResult(
                id=ticket_id,
                opened_at=instant(opened[i]),
                severity=names[severity[i]],
                severities=tuple(changes[first[i] : first[i + 1]]),
                clocks=tuple(c for column in clocks if (c := column[i]) is not None),
                findings=findings,
                counted=counted[i],
            )
        )
    return tuple(out)


def _changes(evaluated: EvaluatedColumns, names: list[str]) -> list[SeverityChange]:
    return [
        SeverityChange(instant(at), names[severity], CHANGE_REASONS[reason])
        for at, severity, reason in zip(
            evaluated.change_at.tolist(),
            evaluated.change_severity.tolist(),
            evaluated.change_reason.tolist(),
            strict=True,
        )
    ]


def _clocks(metric: Metric, clocks: ClockColumns, names: list[str]) -> list[TicketClock | None]:
    """Each ticket's clock of `metric`, None where no target applies."""
    columns = zip(
        clocks.present.tolist(),
        clocks.severity.tolist(),
        clocks.due.tolist(),
        clocks.achieved.tolist(),
        clocks.decided.tolist(),
        clocks.met.tolist(),
        strict=True,
    )
    return [
        TicketClock(
            metric=metric,
            severity=names[severity],
            due=instant(due),
            achieved_at=None if achieved == NEVER else instant(achieved),
            met=met if decided else None,
        )
        if present
        else None
        for present, severity, due, achieved, decided, met in columns
    ]
