"""Availability of one objective over one month, per scope: the evaluation.

Every second of the month, on each scope, falls in exactly one class, in this order:

1. excluded, by reason: excused maintenance (see `accord.domain.maintenance`), then the
   outages of each excluded cause (in the order of `CAUSES`), then the introductory
   period after the first order;
2. no data: no given outage or maintenance covers it and fewer than `quorum` vantage
   points have a sample holding it;
3. downtime: measured down (at least `quorum` vantage points down, the outage lasting at
   least `minimum_outage`), or in a given outage of a cause that is not excluded, or in
   maintenance that is not excused; when downtime counts from the customer's notice, the
   part of an episode of downtime before its earliest `reported_at` is excluded as
   `before_notice` instead;
4. up.

Achieved = up / (up + downtime), where excluded time either leaves the ratio or counts as
up, as the objective says; no data always leaves it, and None is reported when nothing
is left. `docs/evidence.md` ("How availability is computed") is the long form.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import numpy as np

from accord.domain import intervals as iv
from accord.domain.evidence import CAUSES, Cause, Evidence, MaintenanceWindow, Outage, Samples
from accord.domain.intervals import Axis, Spans, epoch_seconds, utc
from accord.domain.maintenance import MaintenanceRules, excused, given_notice
from accord.domain.period import Period
from accord.domain.sample_spans import VantageSpans, scan

ExcludedTime = Literal["leaves_denominator", "counts_as_uptime"]
BEFORE_NOTICE = "before_notice"  # reason for downtime before the customer's notice
INTRODUCTORY = "introductory_period"  # reason for time in the introductory period


@dataclass(frozen=True)
class Measurement:
    """How samples become outages."""

    interval: int  # seconds between two samples of one vantage point
    confirmations: int = 1  # consecutive failing samples that confirm a vantage point down
    minimum_outage: int = 0  # seconds; shorter measured outages are not recorded
    quorum: int = 1  # vantage points that must see the service down at the same time
    tolerance: int = 2  # intervals of silence after which a vantage point has no data
    monitors: frozenset[str] | None = None  # sample monitors that measure it; None: all


@dataclass(frozen=True)
class Objective:
    """One availability objective, in the plain terms the evaluation needs."""

    id: str  # the objective's id in the contract
    target_percent: float | None  # the plan's target; None when the plan has none
    measurement: Measurement | None = None  # None: judged by the given outages alone
    maintenance: MaintenanceRules | None = None  # None: all maintenance is downtime
    excluded_causes: frozenset[Cause] = frozenset()  # outages of these causes are excluded
    downtime_from_notice: bool = False  # downtime counts only from the customer's report
    introductory: int | None = None  # seconds after the first order that do not count
    excluded_time: ExcludedTime = "leaves_denominator"  # or counts as uptime
    per_scope: bool = False  # one result per scope (location), else one for the service


@dataclass(frozen=True)
class AvailabilityResult:
    objective: str  # the objective's id
    scope: str | None  # the scope (location), None for the whole service
    period_seconds: int  # length of the month
    downtime_seconds: int  # counted against the objective
    excluded_seconds: tuple[tuple[str, int], ...]  # (reason, seconds) for reasons with time
    no_data_seconds: int  # neither up nor down is known; left out of the ratio
    achieved_percent: float | None  # None when no second is left to judge
    target_percent: float | None  # None when the plan has no target
    downtime: tuple[tuple[datetime, datetime], ...]  # the counted downtime, UTC, in order

    @property
    def excluded_total(self) -> int:
        return sum(seconds for _, seconds in self.excluded_seconds)

    @property
    def met(self) -> bool | None:
        """None when the achieved or the target figure is unknown."""
        if self.achieved_percent is None or self.target_percent is None:
            return None
        return self.achieved_percent >= self.target_percent


def evaluate(
    objective: Objective, evidence: Evidence, period: Period, scopes: list[str] | None = None
) -> list[AvailabilityResult]:
    """One result per scope: `scopes` when given, else every scope the evidence names."""
    names = _names(objective, evidence, scopes)
    vantage = _vantage(objective.measurement, evidence.samples)
    outages = [o for o in evidence.outages if o.cause != "maintenance"]
    windows = list(evidence.maintenance) + [
        MaintenanceWindow(o.start, o.end, o.scope, None)
        for o in evidence.outages
        if o.cause == "maintenance"  # an outage for maintenance was not announced
    ]
    axis = _axis(len(names), period, vantage, outages, windows)
    place = _Placer(axis, names)
    inside = axis.everywhere([epoch_seconds(period.start)], [epoch_seconds(period.end)])
    measured, measured_down = _measured(objective, evidence.samples, vantage, place, inside)

    taken: list[tuple[str, Spans]] = []
    w_start, w_end, w_line = place.events([(w.start, w.end, w.scope) for w in windows])
    w_all = iv.intersect(iv.spans(w_start, w_end), inside)
    if objective.maintenance is not None and len(w_all):
        notice = objective.maintenance.notice
        noticed = [given_notice(w, notice) for w in windows for _ in place.lines(w.scope)]
        taken.append(
            ("maintenance", excused(objective.maintenance, axis, period, w_start, w_end, noticed))
        )
    o_start, o_end, _ = place.events([(o.start, o.end, o.scope) for o in outages])
    o_cause = np.array([o.cause for o in outages for _ in place.lines(o.scope)], dtype=object)
    for cause in CAUSES:
        if cause in objective.excluded_causes:
            mine = o_cause == cause
            taken.append((cause, iv.spans(o_start[mine], o_end[mine])))
    if objective.introductory is not None and evidence.first_order_at is not None:
        begin = epoch_seconds(evidence.first_order_at)
        taken.append((INTRODUCTORY, axis.everywhere([begin], [begin + objective.introductory])))
    excluded = _one_class_each(taken, inside)

    taken_all = iv.union(*(s for _, s in excluded))
    known = iv.union(measured, iv.spans(o_start, o_end), w_all)
    no_data = iv.subtract(iv.subtract(inside, known), taken_all)
    counted = ~np.isin(o_cause, list(objective.excluded_causes))
    down = iv.union(measured_down, iv.spans(o_start[counted], o_end[counted]), w_all)
    down = iv.subtract(iv.intersect(down, inside), taken_all)
    if objective.downtime_from_notice:
        reports = _reports(outages, place)
        before = _before_notice(down, o_start[counted], o_end[counted], reports[counted])
        down = iv.subtract(down, before)
        excluded.append((BEFORE_NOTICE, before))
    return _results(objective, axis, names, period, down, no_data, excluded)


def _names(objective: Objective, evidence: Evidence, scopes: list[str] | None) -> list[str | None]:
    if not objective.per_scope:
        return [None]
    if scopes is not None:
        return list(dict.fromkeys(scopes)) or [None]
    found = {s for s in evidence.samples.scopes if s}
    found |= {o.scope for o in evidence.outages if o.scope}
    found |= {w.scope for w in evidence.maintenance if w.scope}
    if evidence.fees is not None:
        found |= {s for s in evidence.fees.by_scope if s}
    return list(sorted(found)) or [None]


def _vantage(measurement: Measurement | None, samples: Samples) -> VantageSpans | None:
    if measurement is None or len(samples) == 0:
        return None
    if measurement.monitors is not None:
        codes = [i for i, m in enumerate(samples.monitors) if m in measurement.monitors]
        if len(codes) < len(samples.monitors):
            samples = _only(samples, np.isin(samples.monitor, codes))
    return scan(samples, measurement.interval, measurement.tolerance, measurement.confirmations)


def _only(samples: Samples, keep: np.ndarray) -> Samples:
    return Samples(
        at=samples.at[keep], ok=samples.ok[keep], scope=samples.scope[keep],
        location=samples.location[keep], monitor=samples.monitor[keep],
        response_ms=samples.response_ms[keep], scopes=samples.scopes,
        locations=samples.locations, monitors=samples.monitors,
    )  # fmt: skip


def _axis(
    lines: int,
    period: Period,
    vantage: VantageSpans | None,
    outages: list[Outage],
    windows: list[MaintenanceWindow],
) -> Axis:
    low, high = epoch_seconds(period.start), epoch_seconds(period.end)
    if vantage is not None and vantage.data_start.size:
        low = min(low, int(vantage.data_start.min()))
        high = max(high, int(vantage.data_end.max()))
    for start, end in [(o.start, o.end) for o in outages] + [(w.start, w.end) for w in windows]:
        low = min(low, epoch_seconds(start))
        high = max(high, epoch_seconds(end))
    return iv.axis_for(lines, low, high)


class _Placer:
    """Puts evidence on the lines of the scopes it concerns."""

    def __init__(self, axis: Axis, names: list[str | None]) -> None:
        self.axis = axis
        self.every = list(range(len(names)))
        self.index = {name: i for i, name in enumerate(names) if name is not None}
        self.whole_service = names == [None]

    def lines(self, scope: str | None) -> list[int]:
        """A scope's own line; whole-service evidence (no scope) concerns every line."""
        if self.whole_service or not scope:
            return self.every
        return [self.index[scope]] if scope in self.index else []

    def events(
        self, events: list[tuple[datetime, datetime, str | None]]
    ) -> tuple[iv.Seconds, iv.Seconds, iv.Seconds]:
        """Keyed (start, end, line) of each event on each of its lines, event by event."""
        rows = [(epoch_seconds(s), epoch_seconds(e), line)
                for s, e, scope in events for line in self.lines(scope)]  # fmt: skip
        table = np.array(rows, np.int64).reshape(-1, 3)
        return self.axis.place(table[:, 0], table[:, 2]), self.axis.place(
            table[:, 1], table[:, 2]), table[:, 2]  # fmt: skip

    def code_lines(self, scopes: tuple[str, ...]) -> list[list[int]]:
        """For each scope code of the samples, the lines it concerns."""
        return [self.lines(name) for name in scopes]


def _measured(
    objective: Objective,
    samples: Samples,
    vantage: VantageSpans | None,
    place: _Placer,
    inside: Spans,
) -> tuple[Spans, Spans]:
    """Where the samples give data (quorum), and measured downtime, on every line."""
    m = objective.measurement
    if m is None or vantage is None:
        return inside, iv.empty()
    lines_of_code = place.code_lines(samples.scopes)
    vp_lines = [lines_of_code[code] for code in vantage.scope]
    data = _on_lines(place.axis, vp_lines, vantage.data_vp, vantage.data_start, vantage.data_end)
    down = _on_lines(place.axis, vp_lines, vantage.down_vp, vantage.down_start, vantage.down_end)
    watched = sorted({line for lines in vp_lines for line in lines})
    unwatched = np.setdiff1d(np.arange(place.axis.lines), watched)
    everywhere = Spans(inside.start[unwatched], inside.end[unwatched])  # one span per line
    measured = iv.union(iv.at_least(m.quorum, *data), everywhere)
    measured_down = iv.at_least_long(iv.at_least(m.quorum, *down), m.minimum_outage)
    return iv.intersect(measured, inside), iv.intersect(measured_down, inside)


def _on_lines(
    axis: Axis, vp_lines: list[list[int]], vp: iv.Seconds, start: iv.Seconds, end: iv.Seconds
) -> tuple[iv.Seconds, iv.Seconds]:
    """Keyed pieces of each vantage point on each line it concerns."""
    copies = np.array([len(lines) for lines in vp_lines], np.int64)
    if copies.size == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    if (copies == 1).all():
        line = np.array([lines[0] for lines in vp_lines], np.int64)[vp]
        return axis.place(start, line), axis.place(end, line)
    flat = np.array([line for lines in vp_lines for line in lines], np.int64)
    offset = np.cumsum(copies) - copies
    repeat = copies[vp]
    piece = np.repeat(np.arange(vp.size), repeat)
    k = np.arange(piece.size) - np.repeat(np.cumsum(repeat) - repeat, repeat)
    line = flat[offset[vp[piece]] + k]
    return axis.place(start[piece], line), axis.place(end[piece], line)


def _one_class_each(taken: list[tuple[str, Spans]], inside: Spans) -> list[tuple[str, Spans]]:
    """Clip each reason to the month, and give a second only to the first reason holding it."""
    result: list[tuple[str, Spans]] = []
    before = iv.empty()
    for reason, spans in taken:
        own = iv.subtract(iv.intersect(spans, inside), before)
        result.append((reason, own))
        before = iv.union(before, own)
    return result


def _reports(outages: list[Outage], place: _Placer) -> iv.Seconds:
    """Keyed report instant of each outage on each line; an unknown one is its start."""
    rows = [(epoch_seconds(o.reported_at or o.start), line)
            for o in outages for line in place.lines(o.scope)]  # fmt: skip
    table = np.array(rows, np.int64).reshape(-1, 2)
    return place.axis.place(table[:, 0], table[:, 1])


def _before_notice(down: Spans, start: iv.Seconds, end: iv.Seconds, reported: iv.Seconds) -> Spans:
    """The head of each downtime episode that precedes the earliest report within it.

    An episode no reported outage touches counts in full: nothing says it went unnoticed.
    """
    if not len(down) or start.size == 0:
        return iv.empty()
    first = np.searchsorted(down.end, start, side="right")  # first episode ending after start
    stop = np.searchsorted(down.start, end, side="left")  # episodes starting before the end
    count = np.maximum(stop - first, 0)
    episode = np.repeat(first, count) + (
        np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
    )
    notice = down.start.copy()
    earliest = np.full(len(down), np.iinfo(np.int64).max)
    np.minimum.at(earliest, episode, np.repeat(reported, count))
    touched = earliest < np.iinfo(np.int64).max
    notice[touched] = np.clip(earliest[touched], down.start[touched], down.end[touched])
    return iv.spans(down.start, notice)


def _results(
    objective: Objective,
    axis: Axis,
    names: list[str | None],
    period: Period,
    down: Spans,
    no_data: Spans,
    excluded: list[tuple[str, Spans]],
) -> list[AvailabilityResult]:
    total = period.seconds
    down_s, no_data_s = axis.totals(down), axis.totals(no_data)
    by_reason = [(reason, axis.totals(spans)) for reason, spans in excluded]
    excluded_s = sum((t for _, t in by_reason), np.zeros(axis.lines, np.int64))
    line = axis.line_of(down.start)
    starts, ends = axis.epoch(down.start), axis.epoch(down.end)
    cut = np.searchsorted(line, np.arange(axis.lines + 1))
    results = []
    for i, name in enumerate(names):
        left_out = no_data_s[i] + (excluded_s[i] if objective.excluded_time ==
                                   "leaves_denominator" else 0)  # fmt: skip
        judged = total - int(left_out)
        achieved = 100.0 * (judged - int(down_s[i])) / judged if judged > 0 else None
        results.append(AvailabilityResult(
            objective=objective.id, scope=name, period_seconds=total,
            downtime_seconds=int(down_s[i]),
            excluded_seconds=tuple((r, int(t[i])) for r, t in by_reason if t[i] > 0),
            no_data_seconds=int(no_data_s[i]), achieved_percent=achieved,
            target_percent=objective.target_percent,
            downtime=tuple((utc(int(s)), utc(int(e)))
                           for s, e in zip(starts[cut[i]:cut[i + 1]], ends[cut[i]:cut[i + 1]],
                                           strict=True)),
        ))  # fmt: skip
    return results
