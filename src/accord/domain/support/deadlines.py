"""Due instants of many support clocks at once, on the array forms of the calendar engine.

A contract has a handful of distinct clocks (a kind and a calendar); every request for
a due instant is grouped by clock and answered with one array call per clock, so the
cost of the calendar engine is paid per clock rather than per ticket. The rules are those
of `accord.domain.support.reference.Clocks.due`, the reference.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from accord.domain.calendars.business_time_arrays import (
    add_business_days_many,
    add_business_time_many,
    business_seconds_between_many,
)
from accord.domain.calendars.hours import BusinessCalendar
from accord.domain.support.columns import Index, Seconds
from accord.domain.support.terms import METRICS, ClockKind, ClockRule, SupportTerms

Clock = tuple[ClockKind, BusinessCalendar]
Rows = NDArray[np.intp]  # row numbers


@dataclass(frozen=True, eq=False)
class Pauses:
    """Each ticket's pauses, by ticket then start; pauses of a ticket never overlap."""

    start: Seconds  # UTC seconds
    end: Seconds  # UTC seconds, at or after start
    count: Index  # pauses per ticket
    first: Index  # row of each ticket's first pause

    @staticmethod
    def of(ticket: Index, start: Seconds, end: Seconds, n: int) -> Pauses:
        count = np.bincount(ticket, minlength=n).astype(np.int32)
        first = (np.cumsum(count) - count).astype(np.int32)
        return Pauses(start, end, count, first)

    @staticmethod
    def none(n: int) -> Pauses:
        empty = np.empty(0, np.int64)
        return Pauses.of(np.empty(0, np.int32), empty, empty, n)


class ClockTable:
    """The contract's targets as tables: rule ids per (severity, metric), clock per rule."""

    def __init__(self, terms: SupportTerms) -> None:
        self.terms = terms
        self.index = {s.name: i for i, s in enumerate(terms.severities)}
        self.rules: list[ClockRule] = []
        self.clocks: list[Clock] = []
        shape = (len(terms.severities), len(METRICS))
        self.rule_id: Index = np.full(shape, -1, np.int32)  # -1: no target
        rule_index: dict[ClockRule, int] = {}
        for i, severity in enumerate(terms.severities):
            for j, metric in enumerate(METRICS):
                rule = severity.rule(metric)
                if rule is not None:
                    self.rule_id[i, j] = rule_index.setdefault(rule, len(rule_index))
        # Each severity's after-hours promise: its rule id, and its coverage calendar.
        self.promise: Index = np.full(len(terms.severities), -1, np.int32)  # -1: none
        self.coverage: Index = np.full(len(terms.severities), -1, np.int32)
        coverage_index: dict[BusinessCalendar, int] = {}
        for i, severity in enumerate(terms.severities):
            if (promise := severity.after_hours) is not None:
                self.promise[i] = rule_index.setdefault(promise.within, len(rule_index))
                self.coverage[i] = coverage_index.setdefault(promise.coverage, len(coverage_index))
        self.coverages = list(coverage_index)
        self.rules = list(rule_index)
        clock_index: dict[Clock, int] = {}
        self.clock_of: Index = np.array(
            [clock_index.setdefault(self._clock(r), len(clock_index)) for r in self.rules],
            np.int32,
        )
        self.clocks = list(clock_index)
        self.amount: Seconds = np.array([r.amount for r in self.rules], np.int64)
        self.downgrade: Index = np.array(
            [-1 if s.downgrade_to is None else self.index[s.downgrade_to]
             for s in terms.severities], np.int32
        )  # fmt: skip

    @staticmethod
    def _clock(rule: ClockRule) -> Clock:
        # Open time of a calendar open around the clock is elapsed time: skip the calendar.
        if rule.kind == "open_time" and rule.calendar.always_open:
            return ("elapsed", rule.calendar)
        return (rule.kind, rule.calendar)

    def _groups(self, rule: Index) -> list[tuple[Clock, Rows]]:
        clock = self.clock_of[rule] if rule.size else np.empty(0, np.int32)
        return [(self.clocks[c], np.flatnonzero(clock == c)) for c in np.unique(clock)]

    def start(self, rule: Index, opened: Seconds) -> Seconds:
        """When each clock from the opening starts (see reference.Clocks.start)."""
        start = opened.copy()
        if not self.terms.start_at_next_opening:
            return start
        for (kind, calendar), rows in self._groups(rule):
            if kind == "elapsed":
                start[rows] = _next_opening(calendar, opened[rows])
        return start

    def after_hours(
        self,
        severity: Index,
        ticket: Index,
        opened: Seconds,
        achieved: Seconds,
        due: Seconds,
        pauses: Pauses,
    ) -> Seconds:
        """The earlier of `due` and the after-hours promise of each row's severity, for
        tickets opened while its coverage is closed (reference.Clocks.after_hours)."""
        rows = np.flatnonzero(self.promise[severity] >= 0)
        coverage = self.coverage[severity[rows]]
        closed = np.zeros(rows.size, np.bool_)
        for c in np.unique(coverage):
            part = np.flatnonzero(coverage == c)
            at = opened[rows[part]]
            closed[part] = _next_opening(self.coverages[c], at) > at
        rows = rows[closed]
        rule = self.promise[severity[rows]]
        start = opened[rows].copy()
        for (_, calendar), part in self._groups(rule):
            start[part] = _next_opening(calendar, start[part])
        promised = self.due(rule, ticket[rows], start, achieved[rows], pauses)
        out = due.copy()
        out[rows] = np.minimum(due[rows], promised)
        return out

    def due(
        self, rule: Index, ticket: Index, start: Seconds, achieved: Seconds, pauses: Pauses
    ) -> Seconds:
        """Due instants from `start`, moved on by the pauses that stop a running clock."""
        due = np.empty(rule.size, np.int64)
        for clock, rows in self._groups(rule):
            due[rows] = _allowance_end(clock, start[rows], self.amount[rule[rows]])
        count = pauses.count[ticket]
        for k in range(int(count.max(initial=0))):
            rows = np.flatnonzero(count > k)
            pause = pauses.first[ticket[rows]] + k
            begin = np.maximum(pauses.start[pause], start[rows])
            end = pauses.end[pause]
            running = (begin < due[rows]) & (begin < achieved[rows]) & (end > begin)
            rows, begin, end = rows[running], begin[running], end[running]
            for clock, part in self._groups(rule[rows]):
                length = _on_clock(clock, begin[part], end[part])
                moved = rows[part][length > 0]
                due[moved] = _extend(clock, due[moved], length[length > 0])
        return due


def _next_opening(calendar: BusinessCalendar, at: Seconds) -> Seconds:
    if calendar.always_open:
        return at
    return add_business_time_many(calendar, at, np.zeros_like(at))


def _allowance_end(clock: Clock, start: Seconds, amount: Seconds) -> Seconds:
    kind, calendar = clock
    match kind:
        case "elapsed":
            return start + amount
        case "open_time":
            return add_business_time_many(calendar, start, amount)
        case "business_days":
            return add_business_days_many(calendar, start, amount)


def _on_clock(clock: Clock, start: Seconds, end: Seconds) -> Seconds:
    kind, calendar = clock
    if kind == "elapsed":
        return end - start
    return business_seconds_between_many(calendar, start, end)


def _extend(clock: Clock, due: Seconds, length: Seconds) -> Seconds:
    kind, calendar = clock
    if kind == "elapsed":
        return due + length
    return add_business_time_many(calendar, due, length)
