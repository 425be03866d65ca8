"""Monthly support compliance: the share of a month's tickets that met each target.

A ticket belongs to the month it was opened in, and is judged on all its events,
including those after the month. Each clock counts under the severity that judged it (a
Critical ticket answered, then downgraded on a workaround, counts its first response as
Critical and its resolution as Medium). Only decided clocks count: a clock still running
is `pending`. Tickets that do not count (opened by a role the contract refuses, or with
a severity it does not name) are left out. Without a compliance rule for a pair, the
contract promises the target for every ticket: 100 % is required.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from accord.domain.period import Period
from accord.domain.support.columns import EvaluatedColumns, Index, Mask, seconds
from accord.domain.support.terms import METRICS, Metric, SupportTerms, TicketResult

Counts = tuple[int, int, int]  # decided, met, pending


@dataclass(frozen=True)
class ComplianceRow:
    severity: str  # the severity whose target judged the clocks
    metric: Metric
    tickets: int  # tickets of the month whose clock is decided (met or missed)
    tickets_met: int
    pending: int  # tickets of the month whose clock still runs
    achieved_percent: float | None  # None without a decided ticket
    required_percent: float  # from the contract's compliance rules, else 100
    compliant: bool | None  # None without a decided ticket


def compliance(
    terms: SupportTerms, results: Iterable[TicketResult], period: Period
) -> tuple[ComplianceRow, ...]:
    """Rows per severity and metric from the reference results."""
    counts: dict[tuple[str, Metric], list[int]] = {}
    for result in results:
        if not result.counted or not period.start <= result.opened_at < period.end:
            continue
        for clock in result.clocks:
            row = counts.setdefault((clock.severity, clock.metric), [0, 0, 0])
            row[0 if clock.met is not None else 2] += 1
            row[1] += clock.met is True
    return _rows(terms, {key: (a, b, c) for key, (a, b, c) in counts.items()})


def compliance_many(
    terms: SupportTerms, evaluated: EvaluatedColumns, period: Period
) -> tuple[ComplianceRow, ...]:
    """Rows per severity and metric from the columns; the same as `compliance`."""
    opened = evaluated.tickets.opened_at
    month = evaluated.counted & (opened >= seconds(period.start)) & (opened < seconds(period.end))
    size = len(terms.severities)
    counts: dict[tuple[str, Metric], Counts] = {}
    for metric in METRICS:
        clocks = evaluated.clocks[metric]
        mine = month & clocks.present
        decided = _tally(clocks.severity, mine & clocks.decided, size)
        met = _tally(clocks.severity, mine & clocks.met, size)
        pending = _tally(clocks.severity, mine & ~clocks.decided, size)
        for i, severity in enumerate(terms.severities):
            if decided[i] or pending[i]:
                counts[(severity.name, metric)] = (decided[i], met[i], pending[i])
    return _rows(terms, counts)


def _tally(severity: Index, mask: Mask, size: int) -> list[int]:
    return [int(x) for x in np.bincount(severity[mask], minlength=size)]


def _rows(
    terms: SupportTerms, counts: dict[tuple[str, Metric], Counts]
) -> tuple[ComplianceRow, ...]:
    rows: list[ComplianceRow] = []
    for severity in terms.severities:
        for metric in METRICS:
            if severity.rule(metric) is None:
                continue
            decided, met, pending = counts.get((severity.name, metric), (0, 0, 0))
            required = terms.required_percent(severity.name, metric)
            achieved = 100.0 * met / decided if decided else None
            compliant = met * 100.0 >= required * decided if decided else None
            rows.append(
                ComplianceRow(severity.name, metric, decided, met, pending, achieved, required,
                              compliant)
            )  # fmt: skip
    return tuple(rows)
