"""Strict parsers for the small languages inside a contract: durations, percents,
zones, times of day, weekly hours, holiday rules and credit-tier ranges.

Each parser takes the text as written and either returns a small frozen value or raises
ValueError with a message that says what was expected; the loader adds file and line.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from pydantic import AfterValidator, BeforeValidator, PlainSerializer, WithJsonSchema

from accord.contracts.durations import (
    DURATION_HELP,
    MAX_DURATION_DAYS,
    Duration,
    DurationRange,
    DurationUnit,
    parse_duration,
    parse_duration_or_range,
)
from accord.contracts.source import is_decimal, shorten
from accord.domain.calendars.hours import merge
from accord.domain.remedies import within
from accord.problems import did_you_mean

__all__ = [
    "DURATION_HELP",
    "Duration",
    "DurationField",
    "DurationOrRangeField",
    "DurationRange",
    "DurationUnit",
    "HolidayRuleField",
    "MAX_DURATION_DAYS",
    "MONTHS",
    "NthWeekdayRule",
    "PercentField",
    "PercentRange",
    "PercentRangeField",
    "RelativeRule",
    "TimeRange",
    "TimeRangeField",
    "WEEKDAYS",
    "Week",
    "WindowField",
    "ZoneField",
    "overlapping_ranges",
    "parse_day_set",
    "parse_duration",
    "parse_duration_or_range",
    "parse_holiday_rule",
    "parse_month",
    "parse_nth_weekday",
    "parse_percent",
    "parse_percent_range",
    "parse_time_of_day",
    "parse_time_range",
    "parse_weekday",
    "parse_window",
    "parse_zone",
    "week_from_ranges",
]


def parse_percent(value: Any) -> float:
    """A percent as a number (99.95) or text ('99.95%'), between 0 and 100."""
    if isinstance(value, bool):
        raise ValueError(f"expected a percent like 99.95 or '99.95%', got {value!r}")
    if isinstance(value, str):
        text = value.strip().removesuffix("%").strip()
        if not is_decimal(text):  # not float(): it reads '9_9' as 99 and 'nan'
            raise ValueError(f"expected a percent like 99.95 or '99.95%', got {value[:30]!r}")
        number = float(text)
    elif isinstance(value, int | float):
        number = float(value)
    else:
        raise ValueError(f"expected a percent like 99.95 or '99.95%', got {value!r}")
    if not math.isfinite(number) or not 0 <= number <= 100:
        raise ValueError(f"a percent lies between 0 and 100, got {value!r}")
    return number


def parse_zone(value: Any) -> str:
    """An IANA zone name, checked against the zone database."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"expected an IANA time zone such as 'Europe/Paris', got {value!r}")
    name = value.strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # 'Europe' is a folder of zones
        hint = did_you_mean(name, available_timezones())
        raise ValueError(f"unknown time zone {name!r}{hint}") from None
    return name


_TIME_RE = re.compile(r"^([01]?\d|2[0-4]):([0-5]\d)$", re.ASCII)


def parse_time_of_day(text: str) -> int:
    """'06:00' -> 360 minutes after local midnight; '24:00' is the end of the day."""
    match = _TIME_RE.match(text.strip())
    if match is None:
        raise ValueError(f"expected a time of day as HH:MM, got {text!r}")
    minutes = int(match.group(1)) * 60 + int(match.group(2))
    if minutes > 1440:
        raise ValueError(f"a time of day is at most 24:00, got {text!r}")
    return minutes


@dataclass(frozen=True)
class TimeRange:
    """Local wall-clock range; an end before its start runs past midnight."""

    start: int  # minutes after local midnight
    end: int  # minutes after local midnight, 1440 for 24:00
    text: str  # the original words

    @property
    def crosses_midnight(self) -> bool:
        return self.end <= self.start

    def __str__(self) -> str:
        return self.text


def parse_time_range(value: Any) -> TimeRange:
    if isinstance(value, TimeRange):
        return value
    if not isinstance(value, str) or "-" not in value:
        raise ValueError(f"expected a time range like '06:00-18:00', got {value!r}")
    first, _, second = value.partition("-")
    start, end = parse_time_of_day(first), parse_time_of_day(second)
    if start == 1440 or start == end:
        raise ValueError(f"time range {value!r} is empty")
    return TimeRange(start=start, end=end, text=value.strip())


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_NAMES = {name: i for i, name in enumerate(WEEKDAYS)} | {
    full: i
    for i, full in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}


def parse_weekday(word: str) -> int:
    key = word.strip().lower()
    if key not in _WEEKDAY_NAMES:
        raise ValueError(f"expected a weekday such as 'mon' or 'friday', got {word!r}")
    return _WEEKDAY_NAMES[key]


def parse_day_set(spec: str) -> tuple[int, ...]:
    """'mon-fri', 'sat,sun', 'daily' -> weekday numbers (Monday = 0)."""
    text = spec.strip().lower()
    if text in ("daily", "every day", "mon-sun"):
        return tuple(range(7))
    days: list[int] = []
    for part in text.split(","):
        if "-" in part:
            first, _, last = part.partition("-")
            a, b = parse_weekday(first), parse_weekday(last)
            days.extend(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
        else:
            days.append(parse_weekday(part))
    return tuple(sorted(set(days)))


Week = tuple[tuple[tuple[int, int], ...], ...]
"""Seven tuples (Monday first) of sorted, disjoint (start, end) minute pairs, end > start."""


def week_from_ranges(by_day: dict[int, list[TimeRange]]) -> Week:
    """Lay each day's ranges on the week; a range past midnight continues on the next day."""
    days: list[list[tuple[int, int]]] = [[] for _ in range(7)]
    for day, ranges in by_day.items():
        for r in ranges:
            if r.crosses_midnight:
                days[day].append((r.start, 1440))
                if r.end > 0:
                    days[(day + 1) % 7].append((0, r.end))
            else:
                days[day].append((r.start, r.end))
    return tuple(tuple(merge(d)) for d in days)


def overlapping_ranges(ranges: list[TimeRange]) -> bool:
    """True when two ranges of the same day overlap (a likely typo)."""
    laid = week_from_ranges({0: ranges})
    total = sum(end - start for day in laid for start, end in day)
    return total < sum(((r.end - r.start) % 1440) or 1440 for r in ranges)


_SPAN_RE = re.compile(r"^([a-z]+)\s+(\d{1,2}:\d\d)\s*-\s*([a-z]+)\s+(\d{1,2}:\d\d)$", re.ASCII)


def parse_window(value: Any) -> Week:
    """A maintenance window: 'fri 18:00 - mon 03:00' (weekly) or '18:00-11:00' (every day)."""
    if not isinstance(value, str):
        raise ValueError(f"expected a window like 'fri 18:00 - mon 03:00' or '18:00-11:00', "
                         f"got {value!r}")  # fmt: skip
    text = value.strip().lower()
    span = _SPAN_RE.match(text)
    if span is None:
        return week_from_ranges({day: [parse_time_range(text)] for day in range(7)})
    first, last = parse_weekday(span.group(1)), parse_weekday(span.group(3))
    start, end = parse_time_of_day(span.group(2)), parse_time_of_day(span.group(4))
    by_day: dict[int, list[TimeRange]] = {}
    if first == last and start < end:
        by_day[first] = [TimeRange(start, end, text)]
        return week_from_ranges(by_day)
    by_day[first] = [TimeRange(start, 1440, text)]
    day = (first + 1) % 7
    while day != last:
        by_day[day] = [TimeRange(0, 1440, text)]
        day = (day + 1) % 7
    if end > 0:
        by_day.setdefault(last, []).append(TimeRange(0, end, text))
    return week_from_ranges(by_day)


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1,
             "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}  # fmt: skip
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")  # fmt: skip
_NTH_RE = re.compile(r"^(\w+)\s+([a-z]+)\s+(?:of|in)\s+([a-z]+)$", re.ASCII)
_RELATIVE_RE = re.compile(r"^(\d+)\s+days?\s+(after|before)\s+(.+)$", re.ASCII)
_DAY_AFTER_RE = re.compile(r"^(?:the\s+)?day\s+(after|before)\s+(.+)$", re.ASCII)


@dataclass(frozen=True)
class NthWeekdayRule:
    """'last Thursday of November': n counts from the start, -1 is the last."""

    n: int  # 1..5, or -1 for the last
    weekday: int  # Monday = 0
    month: int | None  # 1..12; None in recurring schedules ('of the month')


MAX_HOLIDAY_OFFSET = 366  # 'N days after Easter' stays within a year of it


@dataclass(frozen=True)
class RelativeRule:
    """'1 day after Thanksgiving': a day counted from another named holiday."""

    offset_days: int  # negative for 'before'
    base: str  # the name of the holiday it follows


def parse_month(word: str) -> int:
    key = word.strip().lower()
    for i, name in enumerate(MONTHS, start=1):
        if key in (name, name[:3]):
            return i
    raise ValueError(f"expected a month name such as 'november', got {word!r}")


def parse_nth_weekday(text: str, month_required: bool = True) -> NthWeekdayRule:
    match = _NTH_RE.match(text.strip().lower())
    if match is None or match.group(1) not in _ORDINALS:
        raise ValueError(f"expected a rule like 'last thursday of november', got {text!r}")
    weekday = parse_weekday(match.group(2))
    month_word = match.group(3)
    if month_word in ("month", "the month") and not month_required:
        return NthWeekdayRule(n=_ORDINALS[match.group(1)], weekday=weekday, month=None)
    return NthWeekdayRule(_ORDINALS[match.group(1)], weekday, parse_month(month_word))


def parse_holiday_rule(value: Any) -> NthWeekdayRule | RelativeRule:
    """'first monday of september', 'last thursday in november', '1 day after Thanksgiving'."""
    if isinstance(value, NthWeekdayRule | RelativeRule):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected a holiday rule as text, got {value!r}")
    text = value.strip()
    relative = _RELATIVE_RE.match(text) or _RELATIVE_RE.match(text.lower())
    if relative is not None:
        sign = 1 if relative.group(2).lower() == "after" else -1
        if len(relative.group(1)) > 3 or int(relative.group(1)) > MAX_HOLIDAY_OFFSET:
            raise ValueError(
                f"a holiday is at most {MAX_HOLIDAY_OFFSET} days from the one it counts from, "
                f"got {shorten(text)!r}"
            )
        return RelativeRule(sign * int(relative.group(1)), text[relative.start(3) :].strip())
    day_after = _DAY_AFTER_RE.match(text.lower())
    if day_after is not None:
        sign = 1 if day_after.group(1) == "after" else -1
        return RelativeRule(sign, text[day_after.start(2) :].strip())
    return parse_nth_weekday(text)


_TIER_RE = re.compile(
    r"^([\[(])\s*(-?inf|-?\d+(?:\.\d+)?)?\s*,\s*(\+?inf|\d+(?:\.\d+)?)?\s*([\])])$", re.ASCII
)


@dataclass(frozen=True)
class PercentRange:
    """An interval of achieved percents with explicit bounds, e.g. '[99.4, 99.5)'."""

    low: float | None  # None: open below
    low_inclusive: bool  # '[' includes the bound, '(' excludes it
    high: float | None  # None: open above
    high_inclusive: bool  # ']' includes the bound, ')' excludes it
    text: str  # the original words

    def contains(self, value: float) -> bool:
        return within(value, self.low, self.low_inclusive, self.high, self.high_inclusive)

    def __str__(self) -> str:
        return self.text


def parse_percent_range(value: Any) -> PercentRange:
    if isinstance(value, PercentRange):
        return value
    help_text = "a range with explicit bounds like '[99.4, 99.5)' or '(, 99)'"
    if not isinstance(value, str):
        raise ValueError(f"expected {help_text}, got {value!r}")
    match = _TIER_RE.match(value.strip())
    if match is None:
        raise ValueError(f"expected {help_text}, got {value!r}")
    low = _bound(match.group(2))
    high = _bound(match.group(3))
    if low is not None and high is not None and low > high:
        raise ValueError(f"range {value!r} runs backwards")
    for bound in (low, high):
        if bound is not None and not 0 <= bound <= 100:
            raise ValueError(f"bounds of {value!r} must lie between 0 and 100")
    return PercentRange(low, match.group(1) == "[", high, match.group(4) == "]", value.strip())


def _bound(text: str | None) -> float | None:
    if text is None or text.lstrip("+-") == "inf":
        return None
    return float(text)


def _schema(pattern: str, description: str) -> WithJsonSchema:
    return WithJsonSchema({"type": "string", "pattern": pattern, "description": description})


DurationField = Annotated[
    Duration,
    BeforeValidator(parse_duration),
    PlainSerializer(str, return_type=str),
    _schema(r"^\d+(\.\d+)?\s*([a-zA-Z]+|business days?)$", DURATION_HELP),
]
DurationOrRangeField = Annotated[
    Duration | DurationRange,
    BeforeValidator(parse_duration_or_range),
    PlainSerializer(str, return_type=str),
    _schema(r"^\d+(\.\d+)?\s*([a-zA-Z ]+)?(\s*(-|to)\s*\d+(\.\d+)?\s*[a-zA-Z ]+)?$",
            DURATION_HELP + ", or a range like '5-15 min'"),
]  # fmt: skip


def _fixed_length(value: Duration) -> Duration:
    if value.unit == "business_days":
        raise ValueError(
            f"{value.text!r} is counted in business days, which have no fixed length here; "
            "give it in seconds, minutes, hours or days"
        )
    return value


def _interval(value: Duration) -> Duration:
    if not value.whole_seconds or (value.seconds or 0) < 1:
        raise ValueError(
            f"an interval is a whole number of seconds, at least 1s, got {value.text!r}"
        )
    return value


# A duration of a fixed length: no business days (maintenance, measurement, windows).
FixedDurationField = Annotated[DurationField, AfterValidator(_fixed_length)]
# How often a probe samples: whole seconds, at least one (samples are counted in seconds).
IntervalField = Annotated[FixedDurationField, AfterValidator(_interval)]
PercentField = Annotated[
    float,
    BeforeValidator(parse_percent),
    WithJsonSchema({"anyOf": [{"type": "number", "minimum": 0, "maximum": 100},
                              {"type": "string", "pattern": r"^\d+(\.\d+)?\s*%$"}],
                    "description": "a percent: 99.95 or '99.95%'"}),
]  # fmt: skip
ZoneField = Annotated[
    str, BeforeValidator(parse_zone), _schema(r"^[A-Za-z_+\-/0-9]+$", "an IANA time zone")
]
TimeRangeField = Annotated[
    TimeRange,
    BeforeValidator(parse_time_range),
    PlainSerializer(str, return_type=str),
    _schema(r"^\d{1,2}:\d\d\s*-\s*\d{1,2}:\d\d$", "local times 'HH:MM-HH:MM'"),
]
WindowField = Annotated[
    Week,
    BeforeValidator(parse_window),
    _schema(r".+", "'fri 18:00 - mon 03:00' (weekly) or '18:00-11:00' (every day)"),
]
HolidayRuleField = Annotated[
    NthWeekdayRule | RelativeRule,
    BeforeValidator(parse_holiday_rule),
    _schema(r".+", "'last thursday of november', 'first monday of september', "
            "'1 day after Thanksgiving'"),
]  # fmt: skip
PercentRangeField = Annotated[
    PercentRange,
    BeforeValidator(parse_percent_range),
    PlainSerializer(str, return_type=str),
    _schema(r"^[\[(].*,.*[\])]$", "a range with explicit bounds like '[99.4, 99.5)'"),
]
