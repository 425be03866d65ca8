"""Support clocks whose length or kind of time has two readings."""

from __future__ import annotations

from collections.abc import Iterator

from accord.contracts.lint_rules.base import (
    Check,
    Context,
    Finding,
    Rule,
    amount,
    describe_week,
    ends,
    length,
    plain,
    support_clocks,
)
from accord.contracts.types import DurationRange

RANGE_WITHOUT_BOUND = Rule(
    "A301",
    "a duration range with no bound picked",
    "'Acknowledged within 5-15 minutes' promises 5 minutes or 15: a ticket answered in 10 "
    "is on time under one reading and late under the other. Add `bound: upper` (or "
    "`lower`) to say which end is the commitment.",
)


def range_without_bound(context: Context) -> Iterator[Finding]:
    for path, clock, _ in support_clocks(context.contract):
        given = length(clock)
        if isinstance(given, DurationRange) and clock.bound is None:
            yield (
                (*path, amount(clock)),
                (
                    f"{given} is a range: is the promise {plain(given.low)} or "
                    f"{plain(given.high)}? Add `bound: lower` or `bound: upper`"
                ),
            )


DAYS_WITHOUT_CLOCK = Rule(
    "A302",
    "a duration in days with no clock",
    "'2 days' may be 48 elapsed hours or two business days, a difference of a whole "
    "weekend. Add `clock: calendar` or `clock: business`, or write '2 business days'.",
)


def days_without_clock(context: Context) -> Iterator[Finding]:
    for path, clock, _ in support_clocks(context.contract):
        given = length(clock)
        days = any(end.unit in ("days", "weeks") for end in ends(given))
        if days and clock.clock is None:
            yield (
                (*path, amount(clock)),
                (
                    f"{given} with no clock: elapsed days, or business days? "
                    "Add `clock: calendar` or `clock: business`"
                ),
            )


UNCLEAR_CLOCK = Rule(
    "A303",
    "a support target with no clock on hours that are not 24/7",
    "A '4 hours' response on a calendar open 08:00-18:00 is due at noon the next day in "
    "business time, or at 22:00 the same day in elapsed time. Add `clock: business` or "
    "`clock: calendar`.",
)


def unclear_clock(context: Context) -> Iterator[Finding]:
    for path, clock, default in support_clocks(context.contract):
        given = length(clock)
        if clock.clock is not None or any(e.is_days for e in ends(given)):
            continue  # days are A302's; business days say their clock themselves
        name = clock.calendar or default
        calendar = context.calendar(name)
        if calendar is not None and not calendar.around_the_clock:
            yield (
                (*path, amount(clock)),
                (
                    f"{given} on calendar {name!r} ({describe_week(calendar)}) with no "
                    "clock: business time or elapsed time? Add `clock: business` or "
                    "`clock: calendar`"
                ),
            )


BUSINESS_DAYS_ON_CALENDAR_CLOCK = Rule(
    "A304",
    "business days counted on the calendar clock",
    "'5 business days' names its own clock; `clock: calendar` beside it says the "
    "opposite. Drop one of the two.",
)


def business_days_on_calendar_clock(context: Context) -> Iterator[Finding]:
    for path, clock, _ in support_clocks(context.contract):
        given = length(clock)
        if clock.clock == "calendar" and any(e.unit == "business_days" for e in ends(given)):
            yield (
                (*path, "clock"),
                (f"{given} counts business days but the clock is 'calendar': which one?"),
            )


RULES: list[tuple[Rule, Check]] = [
    (RANGE_WITHOUT_BOUND, range_without_bound),
    (DAYS_WITHOUT_CLOCK, days_without_clock),
    (UNCLEAR_CLOCK, unclear_clock),
    (BUSINESS_DAYS_ON_CALENDAR_CLOCK, business_days_on_calendar_clock),
]
