"""Claims and termination: when a credit must be asked for, and when a customer may leave.

A claim window runs from the end of the month (V9: 'within 30 days of the end of the
month') or from the end of each failure (I4: 'within 7 days of the service failure'; a
failure is over when its outage ends, so that is where its window starts). Windows in
seconds, minutes or hours are elapsed time; windows in days or weeks are counted on the
contract zone's calendar, at the same local time N dates later, so a window that spans a
clock change still ends at the local hour it names (as `add_business_days` does: a wall
time that occurs twice means its first occurrence, one that does not exist the instant
the clock jumps over it). Business-day windows need a calendar
the claim clause does not name; they give no deadline and the statement says so. (The
service maps the contract's words onto a `ClaimWindow`.)

The termination right (E4: 'three months of any six-month period') is judged on the
months given, in order: granted when some run of `within_months` consecutive months holds
`missed_months` missed ones. A month whose result is unknown may be either, so the right
is `None` (undecided) when the unknown months alone could tip it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from accord.domain import zone_clock
from accord.domain.period import Period

_US = 1_000_000  # microseconds per second
_ONE_US = timedelta(microseconds=1)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class ClaimWindow:
    """How long after its start a claim is on time; neither length: it cannot be told."""

    after: Literal["failure", "period_end"]  # where the window starts
    days: int | None = None  # local calendar days (weeks are 7 days), when counted in days
    seconds: int | None = None  # elapsed seconds, when counted in seconds, minutes or hours


def add_window(start: datetime, window: ClaimWindow, zone: str) -> datetime | None:
    """`start` plus the window; None when its length is unknown (e.g. business days)."""
    if window.days is not None:
        local = start.astimezone(zone_clock.zone(zone))
        day = local.date() + timedelta(days=window.days)
        wall = timedelta(
            hours=local.hour,
            minutes=local.minute,
            seconds=local.second,
            microseconds=local.microsecond,
        )
        # The calendar engine's rule: a wall time that occurs twice gives its first
        # occurrence, one in a spring-forward gap gives the instant the clock jumps.
        segs = zone_clock.day_segments(zone, day)
        target = zone_clock.first_instant_at_or_after(segs, day, wall // _ONE_US, unit=_US)
        return _EPOCH + timedelta(microseconds=target)
    if window.seconds is not None:
        return start + timedelta(seconds=window.seconds)
    return None


@dataclass(frozen=True)
class ClaimDeadline:
    failure_start: datetime | None  # UTC; the failure the window follows, None for month end
    failure_end: datetime | None  # UTC; where a per-failure window starts
    deadline: datetime | None  # UTC, the last instant a claim is on time; None when unknown


def claim_deadlines(
    window: ClaimWindow, period: Period, failures: Sequence[tuple[datetime, datetime]]
) -> list[ClaimDeadline]:
    """One deadline for the month, or one per failure, earliest first."""
    if window.after == "period_end":
        return [ClaimDeadline(None, None, add_window(period.end, window, period.zone))]
    ordered = sorted(failures, key=lambda f: (f[1], f[0]))
    return [ClaimDeadline(s, e, add_window(e, window, period.zone)) for s, e in ordered]


@dataclass(frozen=True)
class TerminationRule:
    missed_months: int  # missed months that give the right, >= 1 ...
    within_months: int  # ... within this many consecutive months, >= 1


@dataclass(frozen=True)
class TerminationRight:
    granted: bool | None  # True: the customer may terminate; None: unknown months decide it
    missed: tuple[str, ...]  # months missed ('YYYY-MM') among those considered
    unknown: tuple[str, ...]  # months with no result among those considered
    considered: tuple[str, ...]  # the months looked at, in order
    missed_months: int  # how many missed months the contract requires ...
    within_months: int  # ... within this many consecutive months


def termination_right(
    rule: TerminationRule, months: Sequence[tuple[str, bool | None]]
) -> TerminationRight:
    """`months` are consecutive ('YYYY-MM', missed?) pairs, oldest first."""
    flags = [missed for _, missed in months]
    proven = _any_window(flags, rule, count_unknown=False)
    possible = _any_window(flags, rule, count_unknown=True)
    return TerminationRight(
        granted=True if proven else (None if possible else False),
        missed=tuple(label for label, missed in months if missed is True),
        unknown=tuple(label for label, missed in months if missed is None),
        considered=tuple(label for label, _ in months),
        missed_months=rule.missed_months,
        within_months=rule.within_months,
    )


def _any_window(flags: list[bool | None], rule: TerminationRule, count_unknown: bool) -> bool:
    hits = [f is True or (count_unknown and f is None) for f in flags]
    width = min(rule.within_months, len(hits))
    return any(sum(hits[i : i + width]) >= rule.missed_months for i in range(len(hits) - width + 1))
