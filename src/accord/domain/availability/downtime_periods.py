"""Downtime periods: which downtime an SLA records, and in what unit it is counted.

- The minimum outage: downtime shorter than `minimum_outage` seconds is not recorded,
  whatever its source: an episode of outage (measured down from samples, or a recorded
  outage of a counted cause, the two merged where they touch) is judged whole, before the
  month cuts it. Maintenance counted as downtime is not an outage and is never dropped.
- Whole minutes: when the contract counts downtime in minutes, a minute (of the clock,
  from :00 to :59) is down either when any second of it is down (`any_second`: partial
  minutes count whole) or only when every second of it is (`whole_minute`: partial
  minutes do not count). Time excluded for a reason stays excluded either way.
- From the customer's notice: when the contract says so, the head of each episode of
  downtime before its earliest report is excluded (`before_notice`).
"""

from __future__ import annotations

from typing import Literal

import numpy as np

from accord.domain.availability import intervals as iv
from accord.domain.availability.intervals import Axis, Spans

MinuteRule = Literal["any_second", "whole_minute"]
MINUTE = 60


def recorded(outages: Spans, minimum_outage: int) -> Spans:
    """The episodes of outage long enough to be recorded (all of them without a minimum)."""
    return iv.at_least_long(outages, minimum_outage)


def in_minutes(axis: Axis, down: Spans, rule: MinuteRule) -> Spans:
    """`down` counted in whole clock minutes: each span widened or narrowed to minutes."""
    if not len(down):
        return down
    line = axis.line_of(down.start)
    start, end = axis.epoch(down.start), axis.epoch(down.end)
    if rule == "any_second":
        start, end = start // MINUTE * MINUTE, -(-end // MINUTE) * MINUTE
    else:
        start, end = -(-start // MINUTE) * MINUTE, end // MINUTE * MINUTE
    keep = start < end
    return iv.spans(axis.place(start[keep], line[keep]), axis.place(end[keep], line[keep]))


NO_REPORT = np.iinfo(np.int64).max  # an outage record that says nothing of its report


def before_notice(down: Spans, start: iv.Seconds, end: iv.Seconds, reported: iv.Seconds) -> Spans:
    """The head of each downtime episode that precedes the earliest report within it.

    An episode no reported outage touches counts in full: nothing says it went unnoticed.
    Records that give no report (NO_REPORT) are not reports.
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


__all__ = ["MINUTE", "NO_REPORT", "MinuteRule", "before_notice", "in_minutes", "recorded"]
