"""The evidence document: one JSON object, read strictly into `accord.domain.evidence`.

Every field is checked and every problem reported with its file, line, column, field
path (`samples[12].at`) and value; unknown and repeated keys are refused. `docs/evidence.md`
describes the format.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from accord.domain.evidence import (
    CAUSES,
    EVENT_TYPES,
    Evidence,
    Fact,
    Fees,
    MaintenanceWindow,
    MetricPoint,
    Outage,
    Samples,
    Ticket,
    TicketEvent,
)
from accord.evidence.duplicates import one_sample_a_second
from accord.evidence.instants import INSTANT_HELP, parse_instant
from accord.evidence.problems import (
    EvidenceInvalid,
    KeyPath,
    Problems,
    dotted,
    holds_nul,
    not_utf8,
    parse_json,
    shown,
)
from accord.evidence.request_counts import read_requests
from accord.evidence.sample_sources import COLUMNAR_SUFFIXES, read_sample_file
from accord.evidence.sample_table import SampleTable
from accord.files import FileRefused, ReferenceRefused, read_bytes, referenced
from accord.problems import Problem

SAMPLE_SUFFIXES = (".csv", ".jsonl", ".ndjson", *COLUMNAR_SUFFIXES)
_TOP = (
    "plan", "fees", "samples", "outages", "maintenance", "tickets", "metrics",
    "first_order_at", "requests", "facts",
)  # fmt: skip
T = TypeVar("T")
MOST_TEXT = 256  # characters of a name, an id or a scope (a CSV field holds as many)


def read_evidence(
    path: Path | str, shown_as: str | None = None, outside_allowed: bool = False
) -> Evidence:
    """Read an evidence document (.json), or a bare sample file (.csv, .jsonl, .ndjson).

    The sample files a document names are read inside its folder unless `outside_allowed`;
    `-` reads a document from standard input (its sample files named from the current
    folder).
    """
    path = Path(path)
    name = shown_as or str(path)
    if path.suffix.lower() in SAMPLE_SUFFIXES:
        table, problems = SampleTable(), Problems(name)
        read_sample_file(path, table, problems)
        problems.raise_any()
        samples = one_sample_a_second(table, problems)
        problems.raise_any()
        return Evidence(samples=samples)
    try:
        text = read_bytes(path).decode("utf-8")
    except FileRefused as error:
        raise EvidenceInvalid([Problem(name, 1, 1, "", str(error))]) from None
    except UnicodeDecodeError as error:
        raise EvidenceInvalid([not_utf8(name, error)]) from None
    try:
        data = parse_json(text)
    except json.JSONDecodeError as error:
        problem = Problem(name, error.lineno, error.colno, "", f"not valid JSON: {error.msg}")
        raise EvidenceInvalid([problem]) from None
    except RecursionError:
        raise EvidenceInvalid([Problem(name, 1, 1, "", "nested too deeply")]) from None
    reader = _Reader(Problems(name, text), path.parent, outside_allowed)
    evidence = reader.evidence(data)
    reader.problems.raise_any()
    return evidence


class _Reader:
    def __init__(self, problems: Problems, folder: Path, outside_allowed: bool) -> None:
        self.problems = problems
        self.folder = folder  # sample files are named relative to the document
        self.outside_allowed = outside_allowed  # ... and may lie outside its folder
        self.ticket_ids: dict[str, KeyPath] = {}  # each ticket id, where it is first given

    def bad(self, path: KeyPath, message: str, at_key: bool = False, last: bool = False) -> None:
        self.problems.at(path, message, at_key, last)

    # --- shapes ---------------------------------------------------------------------

    def fields(
        self, value: Any, path: KeyPath, allowed: tuple[str, ...], required: tuple[str, ...] = ()
    ) -> dict[str, Any] | None:
        """The object at `path`, once its keys are checked; None if it is not an object."""
        if not isinstance(value, dict):
            self.bad(path, f"expected an object with {', '.join(allowed)}, got {shown(value)}")
            return None
        for key in value:
            if key not in allowed:
                self.bad(
                    (*path, key),
                    f"unknown field {key!r}; expected one of {', '.join(allowed)}",
                    at_key=True,
                )
        for key in getattr(value, "twice", ()):
            self.bad((*path, key), f"field {key!r} is given more than once", True, last=True)
        for key in required:
            if value.get(key) is None:
                self.bad(path, f"missing field {key!r}")
        return value

    def items(
        self, data: dict[str, Any], key: str, read: Callable[[Any, KeyPath], T | None]
    ) -> tuple[T, ...]:
        value = data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.bad((key,), f"expected a list, got {shown(value)}")
            return ()
        found = []
        for i, item in enumerate(value):
            if self.problems.full:
                break
            one = read(item, (key, i))
            if one is not None:
                found.append(one)
        return tuple(found)

    # --- values ---------------------------------------------------------------------

    def instant(self, obj: dict[str, Any], key: str, path: KeyPath) -> datetime | None:
        value = obj.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.bad((*path, key), f"expected {INSTANT_HELP}, got {shown(value)}")
            return None
        try:
            return parse_instant(value)
        except ValueError as error:
            self.bad((*path, key), str(error))
            return None

    def text(self, obj: dict[str, Any], key: str, path: KeyPath) -> str | None:
        value = obj.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            self.bad((*path, key), f"expected non-empty text, got {shown(value)}")
            return None
        if value is not None and holds_nul(value):
            self.bad((*path, key), f"a NUL character is not allowed, got {shown(value)}")
            return None
        if value is not None and not _encodable(value):  # JSON's "\ud800": half a character
            self.bad((*path, key), "a lone surrogate (half a character) is not text")
            return None
        if value is not None and len(value) > MOST_TEXT:  # a name, not a document
            self.bad((*path, key), f"at most {MOST_TEXT} characters, got {len(value)}")
            return None
        return value

    def number(
        self, obj: dict[str, Any], key: str, path: KeyPath, minimum: float | None = None
    ) -> float | None:
        value = obj.get(key)
        if value is None:
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or (minimum is not None and value < minimum)
        ):
            bound = "" if minimum is None else f" >= {minimum:g}"
            self.bad((*path, key), f"expected a number{bound}, got {shown(value)}")
            return None
        return float(value)

    def choice(
        self, obj: dict[str, Any], key: str, path: KeyPath, options: tuple[str, ...], default: str
    ) -> str | None:
        value = obj.get(key, default)
        if value not in options:
            self.bad((*path, key), f"expected one of {', '.join(options)}, got {shown(value)}")
            return None
        return str(value)

    def span(self, obj: dict[str, Any], path: KeyPath) -> tuple[datetime, datetime] | None:
        start, end = self.instant(obj, "start", path), self.instant(obj, "end", path)
        if start is None or end is None:
            return None
        if end <= start:
            self.bad(
                (*path, "end"), f"the end {obj['end']!r} is not after the start {obj['start']!r}"
            )
            return None
        return start, end

    # --- sections -------------------------------------------------------------------

    def evidence(self, data: Any) -> Evidence:
        top = self.fields(data, (), _TOP)
        if top is None:
            return Evidence()
        plan = self.text(top, "plan", ())
        fees = self.fees(top["fees"]) if top.get("fees") is not None else None
        first_order = self.instant(top, "first_order_at", ())
        return Evidence(
            plan=plan,
            fees=fees,
            samples=self.samples(top.get("samples")),
            outages=self.items(top, "outages", self.outage),
            maintenance=self.items(top, "maintenance", self.maintenance),
            tickets=self.items(top, "tickets", self.ticket),
            metrics=self.items(top, "metrics", self.metric),
            first_order_at=first_order,
            requests=read_requests(
                top.get("requests"), self.folder, self.problems, self.outside_allowed
            ),
            facts=self.facts(top.get("facts")),
        )

    def facts(self, value: Any) -> dict[str, Fact]:
        """Facts of the customer's setup a contract's preconditions read ('zones': 3)."""
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.bad(("facts",), f"expected an object of named facts, got {shown(value)}")
            return {}
        found: dict[str, Fact] = {}
        for name, fact in value.items():
            if isinstance(fact, str | bool | int | float):
                found[name] = float(fact) if type(fact) is int else fact
            else:
                self.bad(
                    ("facts", name), f"expected text, a number or true/false, got {shown(fact)}"
                )
        return found

    def fees(self, value: Any) -> Fees | None:
        path: KeyPath = ("fees",)
        obj = self.fields(value, path, ("currency", "monthly", "by_scope"), ("currency",))
        if obj is None:
            return None
        currency = self.text(obj, "currency", path)
        if currency is not None and (len(currency) != 3 or not currency.isupper()):
            self.bad(
                (*path, "currency"), f"expected an ISO 4217 code such as USD, got {shown(currency)}"
            )
        by_scope: dict[str, float] = {}
        scopes = obj.get("by_scope") or {}
        if not isinstance(scopes, dict):
            self.bad((*path, "by_scope"), f"expected an object of scope: fee, got {shown(scopes)}")
            scopes = {}
        for key in getattr(scopes, "twice", ()):
            self.bad((*path, "by_scope", key), f"scope {key!r} is given more than once", True, True)
        for scope in scopes:
            fee = self.number(scopes, scope, (*path, "by_scope"), minimum=0)
            if fee is not None:
                by_scope[scope] = fee
        monthly = self.number(obj, "monthly", path, minimum=0)
        return Fees(currency or "", monthly, by_scope)

    def outage(self, value: Any, path: KeyPath) -> Outage | None:
        allowed = ("start", "end", "scope", "cause", "reported_at")
        obj = self.fields(value, path, allowed, ("start", "end"))
        if obj is None:
            return None
        span = self.span(obj, path)
        scope = self.text(obj, "scope", path)
        cause = self.choice(obj, "cause", path, CAUSES, "unplanned")
        reported = self.instant(obj, "reported_at", path)
        if span is None or cause is None:
            return None
        return Outage(span[0], span[1], scope, cause, reported)  # type: ignore[arg-type]

    def maintenance(self, value: Any, path: KeyPath) -> MaintenanceWindow | None:
        obj = self.fields(value, path, ("start", "end", "scope", "announced_at"), ("start", "end"))
        if obj is None:
            return None
        span = self.span(obj, path)
        scope = self.text(obj, "scope", path)
        announced = self.instant(obj, "announced_at", path)
        return None if span is None else MaintenanceWindow(span[0], span[1], scope, announced)

    def ticket(self, value: Any, path: KeyPath) -> Ticket | None:
        allowed = ("id", "severity", "opened_at", "opened_by_role", "scope", "events")
        obj = self.fields(value, path, allowed, ("id", "severity", "opened_at"))
        if obj is None:
            return None
        ticket_id, severity = self.name(obj, "id", path), self.name(obj, "severity", path)
        opened = self.instant(obj, "opened_at", path)
        role, scope = self.text(obj, "opened_by_role", path), self.text(obj, "scope", path)
        events = self.items(obj, "events", lambda v, p: self.event(v, (*path, *p)))
        if ticket_id is not None:
            self.unique_ticket(ticket_id, path)
        if None in (ticket_id, severity, opened):
            return None
        assert ticket_id is not None and severity is not None and opened is not None
        for i, event in enumerate(events):
            if event.at < (events[i - 1].at if i else opened):
                before = "the event before it" if i else "the ticket's opened_at"
                self.bad(
                    (*path, "events", i, "at"),
                    f"{shown(event.at.isoformat())} is before "
                    f"{before}: events are listed in time order",
                )
        return Ticket(ticket_id, severity, opened, role, events, scope)

    def unique_ticket(self, ticket_id: str, path: KeyPath) -> None:
        """A ticket id names one ticket: a second one would be judged and counted twice."""
        first = self.ticket_ids.setdefault(ticket_id, path)
        if first != path:
            self.bad(
                (*path, "id"),
                f"ticket id {ticket_id!r} is given more than once (first at {dotted(first)})",
            )

    def name(self, obj: dict[str, Any], key: str, path: KeyPath) -> str | None:
        """Text, or a whole number read as text (severity 1 is the severity named '1')."""
        value = obj.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return self.text(obj, key, path)

    def event(self, value: Any, path: KeyPath) -> TicketEvent | None:
        obj = self.fields(value, path, ("at", "type", "severity"), ("at", "type"))
        if obj is None:
            return None
        at = self.instant(obj, "at", path)
        kind = self.choice(obj, "type", path, EVENT_TYPES, "")
        severity = self.name(obj, "severity", path)
        if kind == "reclassified" and severity is None:
            self.bad(path, "a 'reclassified' event names the new 'severity'")
        if at is None or kind is None:
            return None
        return TicketEvent(at, kind, severity)  # type: ignore[arg-type]

    def metric(self, value: Any, path: KeyPath) -> MetricPoint | None:
        obj = self.fields(value, path, ("name", "at", "value", "scope"), ("name", "at", "value"))
        if obj is None:
            return None
        name, at = self.text(obj, "name", path), self.instant(obj, "at", path)
        number, scope = self.number(obj, "value", path), self.text(obj, "scope", path)
        if name is None or at is None or number is None:
            return None
        return MetricPoint(name, at, number, scope)

    def samples(self, value: Any) -> Samples:
        table = SampleTable()
        sources = [value] if isinstance(value, str) else value
        if value is None:
            return table.samples()
        if not isinstance(sources, list):
            self.bad(
                ("samples",), f"expected a list of samples or sample file names, got {shown(value)}"
            )
            return table.samples()
        rows = [(i, s) for i, s in enumerate(sources) if not isinstance(s, str)]
        index = [i for i, _ in rows]
        table.add_objects(
            [s for _, s in rows],
            self.sample_reporter(index),
            lambda row: (self.problems.file, *self.problems.place(("samples", index[row]))),
        )
        for i, source in enumerate(sources):
            if isinstance(source, str):
                self.sample_file(
                    source, ("samples",) if isinstance(value, str) else ("samples", i), table
                )
        return one_sample_a_second(table, self.problems)

    def sample_reporter(self, index: list[int]) -> Callable[[int, str, str], None]:
        def report(row: int, field: str, message: str) -> None:
            path: KeyPath = ("samples", index[row], *((field,) if field else ()))
            self.bad(path, message)

        return report

    def sample_file(self, name: str, path: KeyPath, table: SampleTable) -> None:
        try:
            file = referenced(self.folder, name, self.outside_allowed)
        except ReferenceRefused as error:
            self.bad(path, f"sample file {shown(name)} is {error}")
            return
        if file.suffix.lower() not in SAMPLE_SUFFIXES:
            self.bad(path, f"a sample file ends in {', '.join(SAMPLE_SUFFIXES)}, got {shown(name)}")
        elif not file.exists():
            self.bad(path, f"no sample file {shown(name)} next to this document")
        else:
            found = Problems(str(file))
            read_sample_file(file, table, found)
            self.problems.found.extend(found.found)


def _encodable(text: str) -> bool:
    """Whether `text` is whole characters (UTF-8 can write it)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
