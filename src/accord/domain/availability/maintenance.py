"""Which maintenance the contract excuses, and which counts as downtime.

A maintenance window in the evidence is time the service was down for maintenance. A
second of it is excused (excluded time) when it passes every rule of the contract:

1. windows: it lies in the allowed weekly windows (open periods of a business calendar
   in the maintenance zone), unless `outside_windows` says such time is excluded anyway;
2. notice: its window was announced at least `notice` before the window's start (no
   notice needed when the contract names none), unless `without_notice` says excluded;
3. cap: the seconds that pass 1 and 2 are taken in time order within the month and only
   the first `monthly_cap` of them are excused, unless `beyond_cap` says excluded.

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
)
from accord.domain.calendars.business_time import open_periods
from accord.domain.calendars.hours import BusinessCalendar
from accord.domain.evidence import MaintenanceWindow
from accord.domain.period import Period

Verdict = Literal["downtime", "excluded"]


@dataclass(frozen=True)
class MaintenanceRules:
    allowed: BusinessCalendar | None  # open when maintenance may run; None: at any time
    notice: int | None = None  # seconds of notice before a window's start; None: none needed
    monthly_cap: int | None = None  # seconds of maintenance excused per month; None: no cap
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
    `period` is the month every line is clipped to. A second may fail several rules.
    """
    inside = axis.everywhere([epoch_seconds(period.start)], [epoch_seconds(period.end)])
    every = intersect(spans(start, end), inside)
    passes = np.asarray(noticed, np.bool_)
    if rules.without_notice == "excluded":
        passes = np.ones_like(passes)
    eligible = intersect(spans(start[passes], end[passes]), inside)
    failed = [("without_notice", subtract(every, eligible))]
    if rules.outside_windows == "downtime" and rules.allowed is not None:
        allowed = axis.everywhere(*allowed_time(rules, period))
        failed.append(("outside_windows", subtract(every, allowed)))
        eligible = intersect(eligible, allowed)
    if rules.monthly_cap is not None and rules.beyond_cap == "downtime":
        capped = axis.first_seconds(eligible, rules.monthly_cap)
        failed.append(("beyond_cap", subtract(eligible, capped)))
        eligible = capped
    order = {reason: i for i, reason in enumerate(COUNTED_BECAUSE)}
    return MaintenanceJudgement(eligible, tuple(sorted(failed, key=lambda f: order[f[0]])))
