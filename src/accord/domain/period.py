"""The contract's month: a calendar month in the contract's zone, as UTC instants."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Period:
    start: datetime  # UTC, the first instant of the month in `zone`
    end: datetime  # UTC, the first instant of the next month (exclusive)
    zone: str  # IANA zone the month is counted in
    label: str  # 'YYYY-MM'

    @property
    def seconds(self) -> int:
        return int((self.end - self.start).total_seconds())


def month(year: int, number: int, zone: str) -> Period:
    """October in Paris has 745 hours and March 743: local midnights, converted to UTC."""
    tz = ZoneInfo(zone)
    next_year, next_number = (year + 1, 1) if number == 12 else (year, number + 1)
    start = datetime(year, number, 1, tzinfo=tz).astimezone(UTC)
    end = datetime(next_year, next_number, 1, tzinfo=tz).astimezone(UTC)
    return Period(start, end, zone, f"{year:04d}-{number:02d}")


_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month(text: str, zone: str) -> Period:
    match = _MONTH_RE.match(text.strip())
    if match is None or not 1 <= int(match.group(2)) <= 12:
        raise ValueError(f"expected a month as YYYY-MM, got {text!r}")
    return month(int(match.group(1)), int(match.group(2)), zone)


def parse_months(text: str, zone: str) -> list[Period]:
    """'2026-10' or a range '2026-05..2026-10' (both ends included)."""
    first, sep, last = text.partition("..")
    start = parse_month(first, zone)
    if not sep:
        return [start]
    end = parse_month(last, zone)
    if end.start < start.start:
        raise ValueError(f"period range {text!r} runs backwards")
    periods = [start]
    while periods[-1].label != end.label:
        year, number = int(periods[-1].label[:4]), int(periods[-1].label[5:])
        periods.append(month(year + number // 12, number % 12 + 1, zone))
    return periods
