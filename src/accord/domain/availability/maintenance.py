"""Which maintenance the contract excuses, and which counts as downtime.

A maintenance window in the evidence is time the service was down for maintenance. A
second of it is excused (excluded time) when it passes every rule of the contract:

1. windows: it lies in the allowed weekly windows (open periods of a business calendar
   in the maintenance zone), unless `outside_windows` says such time is excluded anyway;
2. notice: its window was announced at least `notice` before the window's start (no
   notice needed when the contract names none), unless `without_notice` says excluded;
3. cap: the seconds that pass 1 and 2 are taken in time order within each calendar
   window of the cap (`cap_per`: a month by default, or a quarter or a year, in the
   contract's zone) and only the first `monthly_cap` of them are excused, unless
   `beyond_cap` says excluded. A yearly cap judged for October counts the maintenance
   excused since January; a monthly cap judged for a quarter counts each month apart. A
   period of no calendar kind (a test's few hours) is its own cap window.

Overlapping windows are counted once; a second is excused when any window holding it
passes the rules. Every other second of maintenance within the month is downtime.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from accord.domain.availability.intervals import (
    Axis,
    Seconds,
    Spans,
    epoch_seconds,
    intersect,
    spans,
    subtract,
    union,
)
from accord.domain.calendars.business_time import open_periods
from accord.domain.calendars.hours import BusinessCalendar
from accord.domain.evidence import MaintenanceWindow
from accord.domain.period import Period, Window, windows_over

Verdict = Literal["downtime", "excluded"]


@dataclass(frozen=True)
class MaintenanceRules:
    allowed: BusinessCalendar | None  # open when maintenance may run; None: at any time
    notice: int | None = None  # seconds of notice before a window's start; None: none needed
    monthly_cap: int | None = None  # seconds excused per cap window (`cap_per`); None: no cap
    cap_per: Window = "month"  # the calendar window the cap counts in
    beyond_cap: Verdict = "downtime"  # what maintenance beyond the cap counts as
    outside_windows: Verdict = "downtime"  # what maintenance outside the windows counts as
    without_notice: Verdict = "downtime"  # what maintenance without due notice counts as


def given_notice(window: MaintenanceWindow, notice: int | None) -> bool:
    """Whether the window was announced at least `notice` seconds before it started."""
    if notice is None:
        return True
    if window.announced_at is None:
        return False
    return epoch_seconds(window.start) - epoch_seconds(window.announced_at) >= notice


def allowed_time(rules: MaintenanceRules, period: Period) -> tuple[NDArray[np.int64], ...]:
    """The allowed windows within the period, as epoch-second (starts, ends)."""
    if rules.allowed is None:
        return (np.array([epoch_seconds(period.start)]), np.array([epoch_seconds(period.end)]))
    return open_time(rules.allowed, period.start, period.end)


def open_time(
    calendar: BusinessCalendar, start: datetime, end: datetime
) -> tuple[NDArray[np.int64], ...]:
    """The calendar's open periods between two instants, as epoch-second (starts, ends)."""
    found = open_periods(calendar, start, end)
    return (np.array([epoch_seconds(s) for s, _ in found], np.int64),
            np.array([epoch_seconds(e) for _, e in found], np.int64))  # fmt: skip


# Why maintenance counted as downtime, in the order the findings name them.
COUNTED_BECAUSE = ("outside_windows", "without_notice", "beyond_cap")


@dataclass(frozen=True)
class MaintenanceJudgement:
    excused: Spans  # the maintenance seconds excused, on each line
    failed: tuple[tuple[str, Spans], ...]  # per rule of COUNTED_BECAUSE, the seconds it refused


def judge(
    rules: MaintenanceRules,
    axis: Axis,
    period: Period,
    start: Seconds,
    end: Seconds,
    noticed: Sequence[bool],
) -> MaintenanceJudgement:
    """The maintenance seconds excused on each line, and those each rule turned to downtime.

    The windows come one by one, keyed on the axis (not merged: each keeps its notice);
    `period` is the window every line is clipped to. A second may fail several rules.
    """
    inside = _all_of(axis, period)
    windows = cap_windows(rules, period)
    reach = Period(windows[0].start, windows[-1].end, period.zone, period.label)
    every = intersect(spans(start, end), inside)
    passes = np.asarray(noticed, np.bool_)
    if rules.without_notice == "excluded":
        passes = np.ones_like(passes)
    eligible = intersect(spans(start[passes], end[passes]), _all_of(axis, reach))
    failed = [("without_notice", subtract(every, eligible))]
    if rules.outside_windows == "downtime" and rules.allowed is not None:
        allowed = axis.everywhere(*allowed_time(rules, reach))
        failed.append(("outside_windows", subtract(every, allowed)))
        eligible = intersect(eligible, allowed)
    if rules.monthly_cap is not None and rules.beyond_cap == "downtime":
        cap = rules.monthly_cap
        capped = union(
            *(axis.first_seconds(intersect(eligible, _all_of(axis, w)), cap) for w in windows)
        )
        failed.append(("beyond_cap", subtract(intersect(eligible, inside), capped)))
        eligible = capped
    order = {reason: i for i, reason in enumerate(COUNTED_BECAUSE)}
    return MaintenanceJudgement(
        intersect(eligible, inside), tuple(sorted(failed, key=lambda f: order[f[0]]))
    )


def cap_windows(rules: MaintenanceRules, period: Period) -> list[Period]:
    """The windows the cap counts in that overlap `period` (`period` itself when it has no
    calendar kind, or there is no cap)."""
    if rules.monthly_cap is None or period.kind is None:
        return [period]
    return windows_over(rules.cap_per, period)


def _all_of(axis: Axis, period: Period) -> Spans:
    return axis.everywhere([epoch_seconds(period.start)], [epoch_seconds(period.end)])
