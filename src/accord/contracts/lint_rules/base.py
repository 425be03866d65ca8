"""What every lint rule shares: its description, what it reads, and small helpers."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from accord.contracts.model import (
    Availability,
    Calendar,
    Contract,
    Performance,
    Severity,
    Target,
    Update,
)
from accord.contracts.source import Document, PathKey
from accord.contracts.types import Duration, DurationRange
from accord.domain.calendars import BusinessCalendar


@dataclass(frozen=True)
class Rule:
    """One kind of ambiguity the linter finds."""

    code: str  # 'A101': the letter A for ambiguity, the hundreds for the section
    title: str  # what the rule finds, in a few words
    why: str  # why it matters and what the contract should say instead


@dataclass(frozen=True)
class Context:
    """What a rule reads: the validated contract, where its keys stand, and the date."""

    contract: Contract  # the validated model
    document: Document  # the raw data and the line and column of every key
    today: date  # rules that look at coming years start from this date's year
    calendars: Mapping[str, BusinessCalendar]  # the contract's calendars, built

    def written(self, path: PathKey) -> bool:
        """Whether the contract file itself gives this key (rather than a default)."""
        return len(self.document.resolve(path)) == len(path)

    def calendar(self, name: str | None) -> Calendar | None:
        return self.contract.calendars.get(name) if name is not None else None


Finding = tuple[PathKey, str]  # where, and what is ambiguous there
Check = Callable[[Context], Iterable[Finding]]


def percent(value: float) -> str:
    """99.5 -> '99.5 %', 10.0 -> '10 %': numbers as the contract would write them."""
    return f"{value:g} %"


def describe_week(calendar: Calendar) -> str:
    """'mon-fri 09:00-17:00' style summary of weekly hours, for messages."""
    if calendar.hours == "always":
        return "always open"
    parts = [f"{days} {', '.join(str(r) for r in ranges)}" for days, ranges in
             calendar.hours.items()]  # fmt: skip
    return "; ".join(parts)


def availability(contract: Contract) -> Iterator[tuple[PathKey, Availability]]:
    """Every availability objective with its path."""
    for i, objective in enumerate(contract.availability):
        yield ("availability", i), objective


def performance(contract: Contract) -> Iterator[tuple[PathKey, Performance]]:
    """Every performance objective with its path."""
    for i, objective in enumerate(contract.performance):
        yield ("performance", i), objective


SupportClock = Target | Update


def support_clocks(contract: Contract) -> Iterator[tuple[PathKey, SupportClock, str | None]]:
    """Every support clock with its path and the calendar it runs on by default."""
    support = contract.support
    if support is None:
        return
    for key, severity in support.severities.items():
        base: PathKey = ("support", "severities", key)
        for metric, clock in _severity_clocks(severity):
            yield (*base, metric), clock, severity.coverage or support.calendar
    if support.after_hours_messages is not None:
        yield ("support", "after_hours_messages"), support.after_hours_messages, support.calendar
    for i, contact in enumerate(support.escalation):
        if contact.respond_within is not None:
            path: PathKey = ("support", "escalation", i, "respond_within")
            yield path, contact.respond_within, support.calendar


def _severity_clocks(severity: Severity) -> Iterator[tuple[str, SupportClock]]:
    for metric in ("first_response", "periodic_update", "temporary_resolution", "resolution"):
        clock = getattr(severity, metric)
        if clock is not None:
            yield metric, clock


def length(clock: SupportClock) -> Duration | DurationRange:
    """How long the clock runs: a target's `within`, an update's `every`."""
    return clock.every if isinstance(clock, Update) else clock.within


def ends(value: Duration | DurationRange) -> list[Duration]:
    """Both ends of a range, or the duration itself."""
    return [value.low, value.high] if isinstance(value, DurationRange) else [value]


def plain(duration: Duration) -> str:
    """'1 hour', '15 minutes', '5 business days': a duration in words."""
    unit = duration.unit.replace("_", " ")
    return f"{duration.amount:g} {unit.removesuffix('s') if duration.amount == 1 else unit}"


def amount(clock: SupportClock) -> str:
    """The key holding the duration: 'within' for targets, 'every' for updates."""
    return "every" if isinstance(clock, Update) else "within"
