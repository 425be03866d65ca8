"""The Jinja environment of every page, and the filters that show times and figures.

Times are shown in the contract's zone with the zone's abbreviation (PDT, CET), and carry
their instant in UTC (`<time datetime>`) so a page can show them in the reader's zone.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from zoneinfo import ZoneInfo

from jinja2 import Environment, PackageLoader, select_autoescape

__all__ = ["environment", "file_name", "local_time", "long_duration", "percent"]


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("accord.web", "templates"),
        autoescape=select_autoescape(["html", "xml", "svg"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["local"] = local_time
    env.filters["iso_utc"] = iso_utc
    env.filters["duration"] = long_duration
    env.filters["percent"] = percent
    env.filters["long_date"] = long_date
    env.filters["file_name"] = file_name
    env.filters["instant"] = instant
    return env


def file_name(contract: str) -> str:
    """A contract's id as a file name: letters, digits, '-', '_' and '.' kept."""
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in contract).lstrip(".")


def local_time(value: datetime, zone: str, with_date: bool = True) -> str:
    """'Tue 6 Oct 2026, 08:00 PDT': the instant in `zone`, named by its abbreviation."""
    here = value.astimezone(ZoneInfo(zone))
    clock = f"{here:%H:%M} {here.tzname()}"
    return f"{long_date(here.date())}, {clock}" if with_date else clock


def instant(text: str) -> datetime:
    """An ISO 8601 instant of a statement document ('2026-11-03T09:05:00-08:00', or 'Z')."""
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def iso_utc(value: datetime) -> str:
    return value.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%dT%H:%M:%SZ")


def long_date(value: date) -> str:
    return f"{value:%a} {value.day} {value:%b %Y}"


def long_duration(seconds: float) -> str:
    """'18 h 5 min', '45 s': the two largest units that matter to a reader."""
    s = round(seconds)
    if s < 60:
        return f"{s} s"
    minutes, _ = divmod(s, 60)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    if days:
        return f"{days} d {hours} h" if hours else f"{days} d"
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    return f"{minutes} min"


def percent(value: float | None, digits: int = 3) -> str:
    """'99.871 %', trailing zeros kept off; an em dash when there is no figure."""
    if value is None:
        return "\u2014"
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return f"{text}\u00a0%"
