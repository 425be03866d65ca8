"""Availability of one objective over one month, per scope: the evaluation.

Every second of the month, on each scope, falls in exactly one class, in this order:

1. excluded, by reason: excused maintenance (see `maintenance`), then the
   outages of each excluded cause (in the order of `CAUSES`), then the introductory
   period after the first order;
2. no data: no given outage or maintenance covers it and fewer than `quorum` vantage
   points have a sample holding it; a scope no vantage point watches is judged by its
   records (outages, maintenance) alone, every second they leave taken as up, when a
   record touches the month, and has no data all month when none does (unless the
   objective takes such silence as up: `without_evidence`);
3. downtime: measured down (at least `quorum` vantage points down) or in a given outage
   of a cause that is not excluded, the outage lasting at least `minimum_outage` (see
   `downtime_periods`), or in maintenance that is not excused; when downtime counts from
   the customer's notice, the part of an episode of downtime before its earliest
   `reported_at` is excluded as `before_notice` instead; when it is counted in whole
   minutes, a minute is down by the objective's rule (a no-data second in a minute that
   is down becomes downtime);
4. up.

Achieved = up / (up + downtime), where excluded time either leaves the ratio or counts as
up, as the objective says; no data always leaves it, and None is reported when nothing
is left. `docs/evidence.md` ("How availability is computed") is the long form.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from accord.domain.availability import intervals as iv
from accord.domain.availability.downtime_periods import (
    NO_REPORT,
    MinuteRule,
    before_notice,
    in_minutes,
    recorded,
)
from accord.domain.availability.intervals import Axis, Spans, epoch_seconds, utc
from accord.domain.availability.maintenance import (
    MaintenanceJudgement,
    MaintenanceRules,
    cap_windows,
    given_notice,
    judge,
)
from accord.domain.availability.quorum import measured, watched
from accord.domain.availability.requests import RequestRule, figures, interval_counts
from accord.domain.availability.scope_lines import Placer, axis_for_evidence
from accord.domain.availability.scopes import Rollup, covered, down_together, needed
from accord.domain.availability.vantage_points import VantageSpans, scan
from accord.domain.evidence import CAUSES, Cause, Evidence, MaintenanceWindow, Outage, Samples
from accord.domain.period import Period, Window, judged_window

ExcludedTime = Literal["leaves_denominator", "counts_as_uptime"]
WithoutEvidence = Literal["no_data", "up"]
# What a result was judged from: samples; the records alone (every other second taken as
# up); the covered scopes' figures (a roll-up); request counts; nothing (no data all
# month); or nothing, which the contract takes as up (`without_evidence: up`).
JudgedFrom = Literal["samples", "records", "scopes", "requests", "nothing", "contract"]
BEFORE_NOTICE = "before_notice"  # reason for downtime before the customer's notice
INTRODUCTORY = "introductory_period"  # reason for time in the introductory period


@dataclass(frozen=True)
class MeasurementRule:
    """How samples become outages."""

    interval: int  # seconds between two samples of one vantage point
    confirmations: int = 1  # consecutive failing samples that confirm a vantage point down
    minimum_outage: int = 0  # seconds; shorter outages (measured or given) are not recorded
    quorum: int = 1  # vantage points that must see the service down at the same time
    tolerance: int = 2  # intervals of silence after which a vantage point has no data
    monitors: frozenset[str] | None = None  # sample monitors that measure it; None: all


@dataclass(frozen=True)
class Objective:
    """One availability objective, in the plain terms the evaluation needs."""

    id: str  # the objective's id in the contract
    target_percent: float | None  # the plan's target; None when the plan has none
    measurement: MeasurementRule | None = None  # None: given outages alone; see `inferred`
    maintenance: MaintenanceRules | None = None  # None: all maintenance is downtime
    excluded_causes: frozenset[Cause] = frozenset()  # outages of these causes are excluded
    downtime_from_notice: bool = False  # downtime counts only from the customer's report
    introductory: int | None = None  # seconds after the first order that do not count
    excluded_time: ExcludedTime = "leaves_denominator"  # or counts as uptime
    per_scope: bool = False  # one result per scope (location), else one for the service
    covers: tuple[str, ...] | None = None  # scope patterns it covers (`scopes`); None: all
    rollup: Rollup = None  # whole service: down when this many covered scopes are down
    minutes: MinuteRule | None = None  # downtime in whole minutes, by this rule; None: seconds
    window: Window = "month"  # the calendar window it is judged on (see `judged_window`)
    requests: RequestRule | None = None  # judged on request counts, not samples and outages
    # A month with no sample watching a scope and no record touching it: no data, or up.
    without_evidence: WithoutEvidence = "no_data"


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
    # Maintenance of the month not excused (downtime unless another exclusion covers it),
    # and why: the rules it failed ('outside_windows', 'without_notice', 'beyond_cap'), or
    # 'no_policy' when the contract excuses no maintenance.
    maintenance_counted_seconds: int = 0
    maintenance_counted_because: tuple[str, ...] = ()
    window: str | None = None  # the window judged ('2026-Q4') when not the statement's period
    judged_from: JudgedFrom = "samples"  # what the figure rests on (see `JudgedFrom`)

    @property
    def met(self) -> bool | None:
        """None when the achieved or the target figure is unknown."""
        if self.achieved_percent is None or self.target_percent is None:
            return None
        return self.achieved_percent >= self.target_percent


@dataclass(frozen=True)
class Scanned:
    """What the samples of one evidence say per vantage point under one objective's
    measurement (`scanned`): made once, for every month of a range."""

    spans: VantageSpans | None  # None: no measurement, or no sample


def scanned(objective: Objective, samples: Samples) -> Scanned:
    """The scan of `samples` that `evaluate` would make for `objective`."""
    return Scanned(_vantage(objective.measurement, samples))


def evaluate(
    objective: Objective,
    evidence: Evidence,
    period: Period,
    scopes: list[str] | None = None,
    scan_made: Scanned | None = None,
) -> list[AvailabilityResult]:
    """One result per covered scope: of `scopes` when given, else of the evidence's.

    An objective whose window is longer than `period` (a quarterly objective, a November
    statement) is judged on its whole window, and its results name that window.
    `scan_made`, when given, is `scanned(objective, evidence.samples)`, made once for a
    range of months instead of once per month.
    """
    judged = judged_window(objective.window, period)
    if judged != period:
        results = evaluate(objective, evidence, judged, scopes, scan_made)
        return [replace(r, window=judged.label) for r in results]
    if objective.requests is not None:
        return _request_results(objective, objective.requests, evidence, period, scopes)
    if scan_made is None:
        scan_made = scanned(objective, evidence.samples)
    heard = False  # whether the scopes of a roll-up gave any evidence
    if not objective.per_scope and objective.rollup is not None:
        evidence, heard = _rolled_up(objective, evidence, period, scopes, scan_made)
    return _evaluate(objective, evidence, period, scopes, heard, scan_made.spans)


def _evaluate(
    objective: Objective,
    evidence: Evidence,
    period: Period,
    scopes: list[str] | None,
    heard: bool,
    vantage: VantageSpans | None,
) -> list[AvailabilityResult]:
    names = _names(objective, evidence, scopes)
    outages = [o for o in evidence.outages if o.cause != "maintenance"]
    windows = list(evidence.maintenance) + [
        MaintenanceWindow(o.start, o.end, o.scope, None)
        for o in evidence.outages
        if o.cause == "maintenance"  # an outage for maintenance was not announced
    ]
    axis = axis_for_evidence(
        len(names), period, vantage, outages, windows, _reach(objective, period)
    )
    place = Placer(axis, names)
    given = _Given.of(outages, windows, place, objective)
    inside = axis.everywhere([epoch_seconds(period.start)], [epoch_seconds(period.end)])
    m = objective.measurement
    seen = watched(vantage, evidence.samples.scopes, place)
    records = iv.intersect(
        iv.union(iv.spans(given.o_start, given.o_end), iv.spans(given.w_start, given.w_end)),
        inside,
    )
    has_records = axis.totals(records) > 0
    # Silence is never success: a line no sample watches and no record touches has no
    # data, unless its scopes were heard (a roll-up) or the contract takes silence as up.
    all_month = has_records | heard | (objective.without_evidence == "up")
    found, measured_down = measured(
        vantage, evidence.samples.scopes, place, inside, m.quorum if m else 1, all_month
    )
    judged_from: list[JudgedFrom] = [
        "samples" if seen[i] else "records" if has_records[i] else
        "scopes" if heard else "contract" if all_month[i] else "nothing"
        for i in range(axis.lines)
    ]  # fmt: skip
    maintenance = _maintenance(objective, period, given, axis)
    excluded = _one_class_each(_excluded(objective, evidence, given, axis, maintenance), inside)
    taken = iv.union(*(s for _, s in excluded))
    known = iv.union(found, iv.spans(given.o_start, given.o_end), given.windows(inside))
    no_data = iv.subtract(iv.subtract(inside, known), taken)
    counted = given.counted(objective)
    episodes = recorded(
        iv.union(measured_down, iv.spans(given.o_start[counted], given.o_end[counted])),
        m.minimum_outage if m else 0,
    )
    down = iv.subtract(iv.intersect(iv.union(episodes, given.windows(inside)), inside), taken)
    if objective.downtime_from_notice:
        before = before_notice(
            down, given.o_start[counted], given.o_end[counted], given.reported[counted]
        )
        down = iv.subtract(down, before)
        excluded.append((BEFORE_NOTICE, before))
        taken = iv.union(taken, before)
    if objective.minutes is not None:
        down = iv.subtract(iv.intersect(in_minutes(axis, down, objective.minutes), inside), taken)
        no_data = iv.subtract(no_data, down)
    not_excused = _maintenance_counted(axis, given.windows(inside), maintenance)
    results = _results(objective, axis, names, period, down, no_data, excluded, not_excused)
    return [replace(r, judged_from=j) for r, j in zip(results, judged_from, strict=True)]


def _maintenance_counted(
    axis: Axis, windows: Spans, maintenance: MaintenanceJudgement
) -> list[tuple[int, tuple[str, ...]]]:
    """Per line, the maintenance seconds not excused and the rules that refused them."""
    left = axis.totals(windows) - axis.totals(maintenance.excused)
    failed = [(reason, axis.totals(spans)) for reason, spans in maintenance.failed]
    return [
        (int(left[i]), tuple(reason for reason, t in failed if t[i] > 0) if left[i] else ())
        for i in range(axis.lines)
    ]


def _reach(objective: Objective, period: Period) -> Period | None:
    """From the first to the last instant the maintenance cap looks at."""
    if objective.maintenance is None:
        return None
    windows = cap_windows(objective.maintenance, period)
    return Period(windows[0].start, windows[-1].end, period.zone, period.label)


def _request_results(
    objective: Objective,
    rule: RequestRule,
    evidence: Evidence,
    period: Period,
    scopes: list[str] | None,
) -> list[AvailabilityResult]:
    """One result per covered scope, from the error rates of its request counts."""
    names = _names(objective, evidence, scopes)
    counts = interval_counts(evidence.requests, names, period, rule.interval)
    return [
        AvailabilityResult(
            objective=objective.id,
            scope=name,
            period_seconds=period.seconds,
            downtime_seconds=f.downtime_seconds,
            excluded_seconds=(),
            no_data_seconds=f.no_data_seconds,
            achieved_percent=f.achieved_percent,
            target_percent=objective.target_percent,
            downtime=tuple((utc(a), utc(b)) for a, b in f.downtime),
            judged_from="requests",
        )
        for name, f in zip(names, figures(counts, rule, period), strict=True)
    ]


@dataclass(frozen=True)
class _Given:
    """Given outages and maintenance windows keyed on the axis: a row per event and line."""

    o_start: iv.Seconds  # outages (maintenance outages are among the windows)
    o_end: iv.Seconds
    cause: NDArray[np.object_]  # each outage's cause
    reported: iv.Seconds  # each outage's report, keyed; NO_REPORT when it says none
    w_start: iv.Seconds  # maintenance windows
    w_end: iv.Seconds
    noticed: list[bool]  # each window was announced with the contract's notice

    @staticmethod
    def of(
        outages: list[Outage],
        windows: list[MaintenanceWindow],
        place: Placer,
        objective: Objective,
    ) -> _Given:
        o_start, o_end = place.events([(o.start, o.end, o.scope) for o in outages])
        reported, _ = place.events([(o.reported_at or o.start, o.end, o.scope) for o in outages])
        # A record that does not say when it was reported moves no notice: the notice of
        # an episode is the earliest one known (adding such a record never lowers a credit).
        unknown = [o.reported_at is None for o in outages for _ in place.lines(o.scope)]
        reported[np.array(unknown, np.bool_)] = NO_REPORT
        w_start, w_end = place.events([(w.start, w.end, w.scope) for w in windows])
        notice = None if objective.maintenance is None else objective.maintenance.notice
        return _Given(
            o_start,
            o_end,
            np.array([o.cause for o in outages for _ in place.lines(o.scope)], dtype=object),
            reported,
            w_start,
            w_end,
            [given_notice(w, notice) for w in windows for _ in place.lines(w.scope)],
        )

    def windows(self, inside: Spans) -> Spans:
        return iv.intersect(iv.spans(self.w_start, self.w_end), inside)

    def counted(self, objective: Objective) -> NDArray[np.bool_]:
        """The outages whose cause is not excluded."""
        return ~np.isin(self.cause, list(objective.excluded_causes))


def _maintenance(
    objective: Objective, period: Period, given: _Given, axis: Axis
) -> MaintenanceJudgement:
    """The contract's verdict on the month's maintenance, line by line."""
    if objective.maintenance is None:
        inside = axis.everywhere([epoch_seconds(period.start)], [epoch_seconds(period.end)])
        return MaintenanceJudgement(iv.empty(), (("no_policy", given.windows(inside)),))
    rules = objective.maintenance
    return judge(rules, axis, period, given.w_start, given.w_end, given.noticed)


def _excluded(
    objective: Objective,
    evidence: Evidence,
    given: _Given,
    axis: Axis,
    maintenance: MaintenanceJudgement,
) -> list[tuple[str, Spans]]:
    """Each reason's excluded time, before precedence and clipping."""
    taken: list[tuple[str, Spans]] = []
    if objective.maintenance is not None and given.w_start.size:
        taken.append(("maintenance", maintenance.excused))
    for cause in CAUSES:
        if cause in objective.excluded_causes:
            mine = given.cause == cause
            taken.append((cause, iv.spans(given.o_start[mine], given.o_end[mine])))
    if objective.introductory is not None and evidence.first_order_at is not None:
        begin = epoch_seconds(evidence.first_order_at)
        taken.append((INTRODUCTORY, axis.everywhere([begin], [begin + objective.introductory])))
    return taken


def _names(objective: Objective, evidence: Evidence, scopes: list[str] | None) -> list[str | None]:
    if not objective.per_scope:
        return [None]
    return list(_covered(objective, evidence, scopes)) or [None]


def _covered(objective: Objective, evidence: Evidence, scopes: list[str] | None) -> list[str]:
    named = scopes if scopes is not None else sorted(evidence.scopes_named())
    return covered(objective.covers, named)


def _rolled_up(
    objective: Objective,
    evidence: Evidence,
    period: Period,
    scopes: list[str] | None,
    scan_made: Scanned,
) -> tuple[Evidence, bool]:
    """The evidence with the service's downtime rolled up from its covered scopes, and
    whether any of them had evidence in the month."""
    names = _covered(objective, evidence, scopes)
    k = needed(objective.rollup, len(names))
    if k is None:
        return evidence, False
    each = replace(objective, per_scope=True, rollup=None)
    results = evaluate(each, evidence, period, names, scan_made)  # the same measurement
    downtime = [r.downtime for r in results]
    rolled = tuple(Outage(utc(s), utc(e)) for s, e in down_together(k, downtime))
    heard = any(r.judged_from != "nothing" for r in results)
    return replace(evidence, outages=(*evidence.outages, *rolled)), heard


def _vantage(measurement: MeasurementRule | None, samples: Samples) -> VantageSpans | None:
    if measurement is None or len(samples) == 0:
        return None
    if measurement.monitors is not None:
        keep = of_monitors(samples, measurement.monitors)
        if not keep.all():
            samples = samples.take(keep)
    return scan(samples, measurement.interval, measurement.tolerance, measurement.confirmations)


def of_monitors(samples: Samples, monitors: frozenset[str] | None) -> NDArray[np.bool_]:
    """Which samples come from one of `monitors` (None: every sample)."""
    if monitors is None:
        return np.ones(len(samples), np.bool_)
    codes = [i for i, name in enumerate(samples.monitors) if name in monitors]
    return np.isin(samples.monitor, codes)


def _one_class_each(taken: list[tuple[str, Spans]], inside: Spans) -> list[tuple[str, Spans]]:
    """Clip each reason to the month, and give a second only to the first reason holding it."""
    result: list[tuple[str, Spans]] = []
    before = iv.empty()
    for reason, spans in taken:
        own = iv.subtract(iv.intersect(spans, inside), before)
        result.append((reason, own))
        before = iv.union(before, own)
    return result


def _results(
    objective: Objective,
    axis: Axis,
    names: list[str | None],
    period: Period,
    down: Spans,
    no_data: Spans,
    excluded: list[tuple[str, Spans]],
    maintenance_counted: list[tuple[int, tuple[str, ...]]],
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
        left_out = no_data_s[i] + (
            excluded_s[i] if objective.excluded_time == "leaves_denominator" else 0
        )
        judged = total - int(left_out)
        achieved = 100.0 * (judged - int(down_s[i])) / judged if judged > 0 else None
        results.append(
            AvailabilityResult(
                objective=objective.id,
                scope=name,
                period_seconds=total,
                downtime_seconds=int(down_s[i]),
                excluded_seconds=tuple((r, int(t[i])) for r, t in by_reason if t[i] > 0),
                no_data_seconds=int(no_data_s[i]),
                achieved_percent=achieved,
                target_percent=objective.target_percent,
                downtime=tuple(
                    (utc(int(s)), utc(int(e)))
                    for s, e in zip(
                        starts[cut[i] : cut[i + 1]], ends[cut[i] : cut[i + 1]], strict=True
                    )
                ),
                maintenance_counted_seconds=maintenance_counted[i][0],
                maintenance_counted_because=maintenance_counted[i][1],
            )
        )
    return results
