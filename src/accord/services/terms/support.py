"""A contract's support section as the domain's `SupportTerms`.

The only place that reads the pydantic `Support` section; the domain sees plain
`SupportTerms`. How a target's words become a clock:

- The calendar is the target's own, else the severity's coverage, else the support
  calendar.
- A range ('5-15 min') commits to the bound the contract names, else to the upper bound
  (the latest instant the provider still keeps its word; the linter flags the range).
- 'N business days' counts business dates of the calendar on any clock.
- clock 'calendar' is elapsed time; with `outside_hours: next_opening`, a ticket opened
  outside the calendar's hours starts its clocks at the next opening (Lavi V5).
- clock 'business' is open time of the calendar; there 'N days' means N business dates
  (a day of a business clock is a business day) and 'N weeks' the open time of N
  regular weeks.
- No clock given: business. On a calendar open around the clock that is elapsed time,
  so a 24/7 severity needs no clock word.
- `after_hours_messages` (Lavi V3) becomes each severity's `AfterHours`: it applies to a
  ticket opened while the severity's coverage calendar (else the support calendar) is
  closed, and runs on the target's own calendar, else that coverage, from its next
  opening. It only tightens a severity's own first-response target: the earlier due
  instant governs.
"""

from __future__ import annotations

from collections.abc import Mapping

from accord.contracts.model import Severity, Support, Target, Update
from accord.contracts.types import Duration, DurationRange
from accord.domain.calendars import BusinessCalendar
from accord.domain.support import AfterHours, ClockRule, ComplianceRule, SeverityTerms, SupportTerms
from accord.services.terms.errors import UncountableTerm

__all__ = ["clock_rule", "support_terms"]


def support_terms(support: Support, calendars: Mapping[str, BusinessCalendar]) -> SupportTerms:
    """The domain's view of a contract's support section."""
    return SupportTerms(
        severities=tuple(
            _severity(support, key, severity, calendars)
            for key, severity in support.severities.items()
        ),
        who_may_open=None if support.who_may_open is None else frozenset(support.who_may_open),
        start_at_next_opening=support.outside_hours == "next_opening",
        reclassification=support.reclassification,
        pause_while_awaiting_customer=support.pause_while_awaiting_customer,
        compliance=tuple(
            ComplianceRule(
                required_percent=c.required_percent,
                metrics=tuple(c.metrics),
                severities=None if c.severities is None else tuple(c.severities),
            )
            for c in support.compliance
        ),
    )


def _severity(
    support: Support, key: str, severity: Severity, calendars: Mapping[str, BusinessCalendar]
) -> SeverityTerms:
    def rule(target: Target | Update | None, metric: str) -> ClockRule | None:
        if target is None:
            return None
        name = target.calendar or severity.coverage or support.calendar
        if name not in calendars:
            raise UncountableTerm(f"support severity {key!r} {metric}: no calendar {name!r}")
        amount = target.within if isinstance(target, Target) else target.every
        where = f"support severity {key!r} {metric}"
        return clock_rule(amount, target.bound, target.clock, calendars[name], where)

    def after_hours(target: Target | None) -> AfterHours | None:
        within = rule(target, "after_hours_messages")
        coverage = severity.coverage or support.calendar
        if within is None:
            return None
        if coverage not in calendars:
            raise UncountableTerm(f"support severity {key!r} coverage: no calendar {coverage!r}")
        return AfterHours(calendars[coverage], within)

    return SeverityTerms(
        name=key,
        first_response=rule(severity.first_response, "first_response"),
        periodic_update=rule(severity.periodic_update, "periodic_update"),
        temporary_resolution=rule(severity.temporary_resolution, "temporary_resolution"),
        resolution=rule(severity.resolution, "resolution"),
        downgrade_to=severity.downgrade_on_workaround,
        after_hours=after_hours(support.after_hours_messages),
    )


def clock_rule(
    amount: Duration | DurationRange,
    bound: str | None,
    clock: str | None,
    calendar: BusinessCalendar,
    where: str,
) -> ClockRule:
    """One target's words as a clock (see the module's docstring)."""
    if isinstance(amount, DurationRange):
        amount = amount.low if bound == "lower" else amount.high
    if amount.unit == "business_days":
        return ClockRule("business_days", _whole_days(amount, where), calendar)
    if clock == "calendar":
        return ClockRule("elapsed", _seconds(amount), calendar)
    if amount.unit == "days":
        return ClockRule("business_days", _whole_days(amount, where), calendar)
    if amount.unit == "weeks":
        weekly = calendar.week.open_minutes() * 60
        return ClockRule("open_time", round(amount.amount * weekly), calendar)
    return ClockRule("open_time", _seconds(amount), calendar)


def _seconds(amount: Duration) -> int:
    found = amount.seconds
    assert found is not None  # only business days have no length in seconds
    return found


def _whole_days(amount: Duration, where: str) -> int:
    if not amount.amount.is_integer():
        raise UncountableTerm(f"{where}: {amount.text!r} on a business clock needs whole days")
    return int(amount.amount)
