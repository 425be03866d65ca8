"""Holiday rules that are not the holiday their name suggests.

A contract's rule is followed as written ("last Thursday of November"), so a rule that
parts from the official holiday of its name in some year closes a different day than
the reader expects. The official holidays come from the `holidays` package, for the
calendar's `country_holidays` or else the country of its zone; the rule's own dates come
from the calendar engine, so both sides are the days accord would really close.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache
from importlib import resources
from pathlib import Path
from zoneinfo import TZPATH

import holidays as holiday_data

from accord.contracts.lint_rules.base import Check, Context, Finding, Rule
from accord.contracts.model import Calendar, Holiday
from accord.contracts.types import RelativeRule
from accord.domain.calendars import BusinessCalendar, holidays_in_year

YEARS = 10  # how many years, from this one, rules are compared over
_SHOWN = 3  # years quoted in a message


def zone_country(zone: str) -> str | None:
    """The ISO country of an IANA zone from the zone database's zone.tab, if any."""
    return _zone_countries().get(zone)


@cache
def _zone_countries() -> dict[str, str]:
    for text in _zone_tables():
        rows = (line.split("\t") for line in text.splitlines() if not line.startswith("#"))
        return {row[2]: row[0] for row in rows if len(row) >= 3}
    return {}


def _zone_tables() -> Iterator[str]:
    for folder in TZPATH:  # the system's zone database first, as zoneinfo reads it
        table = Path(folder) / "zone.tab"
        if table.is_file():
            yield table.read_text(encoding="utf-8")
    try:  # then the tzdata package that zoneinfo falls back on
        yield (resources.files("tzdata") / "zoneinfo" / "zone.tab").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return


def _country(calendar: Calendar) -> tuple[str, str | None] | None:
    if calendar.country_holidays:
        first = calendar.country_holidays[0]
        return first.country, first.subdivision
    country = zone_country(calendar.zone)
    return (country, None) if country is not None else None


@cache
def official(country: str, subdivision: str | None, year: int) -> dict[str, frozenset[date]]:
    """The official holidays of a year by name, without the days they are observed on."""
    try:
        table = holiday_data.country_holidays(country, subdiv=subdivision, years=year,
                                              language="en_US")  # fmt: skip
    except NotImplementedError:
        return {}
    found: dict[str, set[date]] = {}
    for day in table:
        for name in table.get_list(day):
            if "observed" not in name.lower():
                found.setdefault(name, set()).add(day)
    return {name: frozenset(days) for name, days in found.items()}


def normal(name: str) -> str:
    """Names as compared: 'New Year’s Day' and "new years day" are the same."""
    words = re.sub(r"[^a-z0-9 ]", "", name.lower().replace("’", "'").replace("'s", "s"))
    return re.sub(r"\s+", " ", words).strip().removesuffix(" day")


def _match(name: str, names: list[str]) -> str | None:
    by_normal = {normal(n): n for n in names}
    close = difflib.get_close_matches(normal(name), list(by_normal), n=1, cutoff=0.85)
    return by_normal[close[0]] if close else None


def _dates(calendar: BusinessCalendar, name: str, year: int) -> frozenset[date]:
    return frozenset(h.date for h in holidays_in_year(calendar, year) if h.name == name)


def _days(days: frozenset[date]) -> str:
    return ", ".join(f"{d:%d %b}" for d in sorted(days)) or "none"


def _coming_years(context: Context) -> range:
    """The years the rules are compared over: this one and the YEARS - 1 after it."""
    return range(context.today.year, context.today.year + YEARS)


def _where(holiday: Holiday) -> str:
    return "date" if holiday.date is not None else "rule"


NOT_OFFICIAL = Rule(
    "A401",
    "a holiday rule that is not the official holiday of its name",
    "The rule and the official holiday of the same name fall on different days in some "
    "years ('last Thursday of November' is not US Thanksgiving, the fourth Thursday, in "
    "years with five Thursdays: 2028, 2029...). accord follows the rule as written; if "
    "the SLA meant the official holiday, write that rule or use `country_holidays`.",
)


def not_official(context: Context) -> Iterator[Finding]:
    years = _coming_years(context)
    for name, calendar in context.contract.calendars.items():
        country = _country(calendar)
        if country is None:
            continue
        tables = {year: official(*country, year) for year in years}
        names = sorted({n for table in tables.values() for n in table})
        for i, holiday in enumerate(calendar.holidays):
            if isinstance(holiday.rule, RelativeRule) or (holiday.date or "").count("-") == 2:
                continue  # counted from another holiday (A402), or one day only
            theirs = _match(holiday.name, names)
            if theirs is None:
                continue
            built = context.calendars[name]
            differ = [(y, _dates(built, holiday.name, y), tables[y].get(theirs, frozenset()))
                      for y in years]  # fmt: skip
            differ = [(y, ours, off) for y, ours, off in differ if ours != off]
            if differ:
                shown = "; ".join(f"{y}: {_days(ours)}, official {_days(off)}"
                                  for y, ours, off in differ[:_SHOWN])  # fmt: skip
                more = f" and {len(differ) - _SHOWN} more" if len(differ) > _SHOWN else ""
                yield (
                    ("calendars", name, "holidays", i, _where(holiday)),
                    (
                        f"{holiday.name!r} is not the official {country[0]} {theirs!r} in "
                        f"{len(differ)} of the next {YEARS} years ({shown}{more}): which day "
                        "does the SLA close? accord follows the rule as written"
                    ),
                )


_DAY_AFTER = re.compile(r"^(?:the\s+)?day\s+(after|following|before|preceding)\s+(.+)$", re.I)


NOT_THE_DAY_AFTER = Rule(
    "A402",
    "a 'day after' holiday whose rule is not always the day after",
    "A holiday named 'the day after Thanksgiving' but given its own rule ('last Friday "
    "of November') is not the day after in every year: when November 30 is a Thursday, "
    "the last Friday is the 24th. Write `rule: day after Thanksgiving Day` if the day "
    "after is meant.",
)


def not_the_day_after(context: Context) -> Iterator[Finding]:
    years = _coming_years(context)
    for name, calendar in context.contract.calendars.items():
        built = context.calendars[name]
        own = [h.name for h in calendar.holidays]
        for i, holiday in enumerate(calendar.holidays):
            words = _DAY_AFTER.match(holiday.name.strip())
            if words is None or isinstance(holiday.rule, RelativeRule):
                continue
            base = _match(words.group(2), [n for n in own if n != holiday.name])
            if base is None:
                continue
            step = timedelta(days=-1 if words.group(1).lower() in ("before", "preceding")
                             else 1)  # fmt: skip
            wrong = []
            for year in years:
                ours = _dates(built, holiday.name, year)
                expected = frozenset(d + step for d in _dates(built, base, year))
                if ours and ours != expected:
                    wrong.append(
                        f"{year}: {_days(ours)}, {base} {_days(_dates(built, base, year))}"
                    )
            if wrong:
                side = words.group(1).lower()
                yield (
                    ("calendars", name, "holidays", i, _where(holiday)),
                    (
                        f"{holiday.name!r} is not the day {side} {base!r} in "
                        f"{'; '.join(wrong[:_SHOWN])}: is it the day {side}, or the day the "
                        "rule gives? accord follows the rule as written"
                    ),
                )


RULES: list[tuple[Rule, Check]] = [
    (NOT_OFFICIAL, not_official),
    (NOT_THE_DAY_AFTER, not_the_day_after),
]
