"""Downtime periods: which downtime an SLA records, and in what unit it is counted.

- The minimum outage: downtime shorter than `minimum_outage` seconds is not recorded,
  whatever its source: an episode of outage (measured down from samples, or a recorded
  outage of a counted cause, the two merged where they touch) is judged whole, before the
  month cuts it. Maintenance counted as downtime is not an outage and is never dropped.
- Whole minutes: when the contract counts downtime in minutes, a minute (of the clock,
  from :00 to :59) is down either when any second of it is down (`any_second`: partial
  minutes count whole) or only when every second of it is (`whole_minute`: partial
  minutes do not count). Time excluded for a reason stays excluded either way.
"""

from __future__ import annotations

from typing import Literal

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


__all__ = ["MINUTE", "MinuteRule", "in_minutes", "recorded"]
