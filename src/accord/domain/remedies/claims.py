"""Claim deadlines: by when a credit must be asked for.

A claim window runs from the end of the month (V9: 'within 30 days of the end of the
month') or from the end of each failure (I4: 'within 7 days of the service failure'; a
failure is over when its outage ends, so that is where its window starts). Windows in
seconds, minutes or hours are elapsed time; windows in days or weeks are counted on the
contract zone's calendar, at the same local time N dates later, so a window that spans a
clock change still ends at the local hour it names (as `add_business_days` does: a wall
time that occurs twice means its first occurrence, one that does not exist the instant
the clock jumps over it). A window in billing periods ends with the Nth calendar month
after the one in which the failure or the period ended ('by the end of the second billing
month after': November's failure, the end of January). Business-day windows need a calendar
the claim clause does not name; they give no deadline and the statement says so. (The
service maps the contract's words onto a `ClaimWindow`.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from accord.domain.calendars import zone_clock
from accord.domain.period import Period, months_after, window_of

_US = 1_000_000  # microseconds per second
_ONE_US = timedelta(microseconds=1)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class ClaimWindow:
    """How long after its start a claim is on time; neither length: it cannot be told."""

    after: Literal["failure", "period_end"]  # where the window starts
    days: int | None = None  # local calendar days (weeks are 7 days), when counted in days
    seconds: int | None = None  # elapsed seconds, when counted in seconds, minutes or hours
    billing_periods: int | None = None  # to the end of the Nth month after the start's month


def add_window(start: datetime, window: ClaimWindow, zone: str) -> datetime | None:
    """`start` plus the window; None when its length is unknown (e.g. business days)."""
    if window.billing_periods is not None:
        # 'By the end of the second billing month after': the month holding the last
        # instant before `start` (a failure's end, or the period's last instant), then N on.
        last = window_of("month", start - _ONE_US, zone)
        return months_after(last, window.billing_periods).end
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
