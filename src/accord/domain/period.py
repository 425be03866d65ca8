"""The contract's periods: calendar months, quarters and years in the contract's zone, as
UTC instants.

A window starts at local midnight of its first day and ends at local midnight of the
next window's first day, converted to UTC: October in Paris has 745 hours, the fourth
quarter of 2026 in Paris 2,209 (92 days and the hour of the autumn change).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

Window = Literal["month", "quarter", "year"]  # the calendar windows a contract counts in
MONTHS_IN: dict[Window, int] = {"month": 1, "quarter": 3, "year": 12}


@dataclass(frozen=True)
class Period:
    start: datetime  # UTC, the first instant of the window in `zone`
    end: datetime  # UTC, the first instant of the next window (exclusive)
    zone: str  # IANA zone the window is counted in
    label: str  # 'YYYY-MM', 'YYYY-Qn' or 'YYYY'

    @property
    def seconds(self) -> int:
        return int((self.end - self.start).total_seconds())

    @property
    def kind(self) -> Window | None:
        """Which calendar window this is; None for a period of no calendar kind."""
        if _MONTH_RE.match(self.label):
            return "month"
        if _QUARTER_RE.match(self.label):
            return "quarter"
        return "year" if _YEAR_RE.match(self.label) else None


def _midnight(year: int, number: int, zone: str) -> datetime:
    """UTC instant of local midnight on the first of month `number` (13: next January)."""
    year, number = year + (number - 1) // 12, (number - 1) % 12 + 1
    return datetime(year, number, 1, tzinfo=ZoneInfo(zone)).astimezone(UTC)


def month(year: int, number: int, zone: str) -> Period:
    """October in Paris has 745 hours and March 743: local midnights, converted to UTC."""
    return Period(
        _midnight(year, number, zone), _midnight(year, number + 1, zone), zone,
        f"{year:04d}-{number:02d}",
    )  # fmt: skip


def quarter(year: int, number: int, zone: str) -> Period:
    """Quarter `number` (1-4): January-March, April-June, July-September, October-December."""
    first = 3 * (number - 1) + 1
    return Period(
        _midnight(year, first, zone), _midnight(year, first + 3, zone), zone,
        f"{year:04d}-Q{number}",
    )  # fmt: skip


def year(number: int, zone: str) -> Period:
    return Period(_midnight(number, 1, zone), _midnight(number, 13, zone), zone, f"{number:04d}")


def window_of(kind: Window, at: datetime, zone: str) -> Period:
    """The calendar window of `kind` in `zone` that holds the instant `at`."""
    local = at.astimezone(ZoneInfo(zone))
    if kind == "month":
        return month(local.year, local.month, zone)
    if kind == "quarter":
        return quarter(local.year, (local.month - 1) // 3 + 1, zone)
    return year(local.year, zone)


def windows_over(kind: Window, period: Period) -> list[Period]:
    """The calendar windows of `kind` that overlap `period`, in order."""
    found = [window_of(kind, period.start, period.zone)]
    while found[-1].end < period.end:
        found.append(window_of(kind, found[-1].end, period.zone))
    return found


def judged_window(kind: Window, period: Period) -> Period:
    """The window of `kind` an objective is judged on for `period`: the one holding it
    when longer (a quarter for a November statement), else `period` itself."""
    if period.kind is None or MONTHS_IN[kind] <= MONTHS_IN[period.kind]:
        return period
    return window_of(kind, period.start, period.zone)


def statement_periods(kinds: list[Window], periods: list[Period]) -> list[Period]:
    """The periods asked for, each cut into windows of the shortest of `kinds` (a
    quarter of a monthly contract is its three months)."""
    shortest: Window = min(kinds, key=lambda k: MONTHS_IN[k]) if kinds else "month"
    cut: list[Period] = []
    for p in periods:
        longer = p.kind is not None and MONTHS_IN[p.kind] > MONTHS_IN[shortest]
        cut += windows_over(shortest, p) if longer else [p]
    return cut


def months_after(period: Period, count: int) -> Period:
    """The month that ends `count` months after the month holding `period`'s last instant
    ('the end of the second billing month after': `count` = 2)."""
    last = window_of("month", period.end - timedelta(seconds=1), period.zone)
    local = last.start.astimezone(ZoneInfo(period.zone))
    return month(local.year + (local.month - 1 + count) // 12, (local.month - 1 + count) % 12 + 1,
                 period.zone)  # fmt: skip


_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$", re.ASCII)
_QUARTER_RE = re.compile(r"^(\d{4})-Q([1-4])$", re.ASCII)
_YEAR_RE = re.compile(r"^(\d{4})$", re.ASCII)
PERIOD_HELP = "a month as YYYY-MM, a quarter as YYYY-Qn or a year as YYYY"
FIRST_YEAR, LAST_YEAR = 1900, 9998  # periods asked for; 9999 leaves no next window to end on
MOST_WINDOWS = 120  # in one range: ten years of months; each is a whole evaluation


def parse_month(text: str, zone: str) -> Period:
    """A month ('2026-10'), a quarter ('2026-Q4') or a year ('2026'), of the years
    FIRST_YEAR to LAST_YEAR."""
    text = text.strip()
    digits = text[:4]
    if digits.isascii() and digits.isdigit() and not FIRST_YEAR <= int(digits) <= LAST_YEAR:
        raise ValueError(f"a period lies in the years {FIRST_YEAR} to {LAST_YEAR}, got {text!r}")
    if (m := _MONTH_RE.match(text)) and 1 <= int(m.group(2)) <= 12:
        return month(int(m.group(1)), int(m.group(2)), zone)
    if m := _QUARTER_RE.match(text):
        return quarter(int(m.group(1)), int(m.group(2)), zone)
    if m := _YEAR_RE.match(text):
        return year(int(m.group(1)), zone)
    raise ValueError(f"expected {PERIOD_HELP}, got {text!r}")


def parse_months(text: str, zone: str) -> list[Period]:
    """'2026-10', '2026-Q4', '2026', or a range of one kind '2026-05..2026-10' (both ends
    included)."""
    first, sep, last = text.partition("..")
    start = parse_month(first, zone)
    if not sep:
        return [start]
    end = parse_month(last, zone)
    if start.kind != end.kind:
        raise ValueError(f"period range {text!r} mixes a {start.kind} and a {end.kind}")
    if end.start < start.start:
        raise ValueError(f"period range {text!r} runs backwards")
    periods = [start]
    while periods[-1].label != end.label:
        kind = start.kind
        assert kind is not None
        if len(periods) == MOST_WINDOWS:
            raise ValueError(f"a range holds at most {MOST_WINDOWS} periods, got {text!r}")
        periods.append(window_of(kind, periods[-1].end, zone))
    return periods
