"""Durations as contracts write them: '30m', '4h', '2 days', '5 business days', '5-15 min'.

Each parser takes the text as written and either returns a small frozen value or raises
ValueError with a message that says what was expected; the loader adds file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from accord.contracts.source import shorten

DurationUnit = Literal["seconds", "minutes", "hours", "days", "weeks", "business_days"]

_UNIT_WORDS: dict[str, DurationUnit] = {
    "s": "seconds", "sec": "seconds", "second": "seconds", "seconds": "seconds",
    "m": "minutes", "min": "minutes", "mins": "minutes", "minute": "minutes",
    "minutes": "minutes",
    "h": "hours", "hr": "hours", "hrs": "hours", "hour": "hours", "hours": "hours",
    "d": "days", "day": "days", "days": "days",
    "w": "weeks", "week": "weeks", "weeks": "weeks",
    "business day": "business_days", "business days": "business_days",
}  # fmt: skip
_UNIT_SECONDS: dict[DurationUnit, int] = {
    "seconds": 1, "minutes": 60, "hours": 3600, "days": 86400, "weeks": 604800,
}  # fmt: skip
_NUMBER = r"(\d+(?:\.\d+)?)"
_UNIT = r"(business\s+days?|[a-z]+)"
_DURATION_RE = re.compile(rf"^{_NUMBER}\s*{_UNIT}$", re.ASCII)
_RANGE_RE = re.compile(rf"^{_NUMBER}\s*(?:{_UNIT})?\s*(?:-|to)\s*{_NUMBER}\s*{_UNIT}$", re.ASCII)
MAX_DURATION_DAYS = 36525  # a century: anything longer is a typo, and dates end at 9999
DURATION_HELP = "a duration like '30m', '4h', '36 hours', '2 days' or '5 business days'"


@dataclass(frozen=True)
class Duration:
    """A length of time as the contract wrote it; business days are counted, not timed."""

    amount: float  # the number as written
    unit: DurationUnit  # the unit, normalised
    text: str  # the original words, for messages and round trips

    @property
    def seconds(self) -> int | None:
        """Elapsed seconds, or None for business days (they depend on a calendar)."""
        if self.unit == "business_days":
            return None
        return round(self.amount * _UNIT_SECONDS[self.unit])

    @property
    def whole_seconds(self) -> bool:
        """True when the duration is a whole number of seconds (never for business days)."""
        if self.unit == "business_days":
            return False
        return (self.amount * _UNIT_SECONDS[self.unit]).is_integer()

    @property
    def is_days(self) -> bool:
        """True when the unit is a count of days, whose meaning depends on a clock."""
        return self.unit in ("days", "weeks", "business_days")

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class DurationRange:
    """A range such as '5-15 min': the contract must say which bound is the promise."""

    low: Duration  # the lower bound
    high: Duration  # the upper bound
    text: str  # the original words

    def __str__(self) -> str:
        return self.text


def _unit(word: str) -> DurationUnit:
    key = re.sub(r"\s+", " ", word.lower())
    if key not in _UNIT_WORDS:
        raise ValueError(f"unknown unit {word!r}; expected {DURATION_HELP}")
    return _UNIT_WORDS[key]


def parse_duration(value: Any) -> Duration:
    if isinstance(value, Duration):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected {DURATION_HELP} (as text, with a unit), got {value!r}")
    text = value.strip()
    match = _DURATION_RE.match(text.lower())
    if match is None:
        raise ValueError(f"expected {DURATION_HELP}, got {shorten(value)!r}")
    if len(match.group(1)) > 12:  # more than a century in seconds, or a typo
        raise ValueError(f"a duration is at most {MAX_DURATION_DAYS} days, got {shorten(value)!r}")
    amount = float(match.group(1))
    unit = _unit(match.group(2))
    if unit == "business_days" and not amount.is_integer():
        raise ValueError(f"business days are whole days, got {value!r}")
    duration = Duration(amount=amount, unit=unit, text=text)
    if (duration.seconds or amount * 86400) > MAX_DURATION_DAYS * 86400:
        raise ValueError(f"a duration is at most {MAX_DURATION_DAYS} days, got {value!r}")
    return duration


def parse_duration_or_range(value: Any) -> Duration | DurationRange:
    if isinstance(value, Duration | DurationRange):
        return value
    if isinstance(value, str):
        match = _RANGE_RE.match(value.strip().lower())
        if match is not None:
            high_unit = match.group(4)
            low_unit = match.group(2) or high_unit
            low = parse_duration(f"{match.group(1)} {low_unit}")
            high = parse_duration(f"{match.group(3)} {high_unit}")
            if (low.seconds or 0) > (high.seconds or 0):
                raise ValueError(f"range {value!r} runs backwards")
            return DurationRange(low=low, high=high, text=value.strip())
    return parse_duration(value)
