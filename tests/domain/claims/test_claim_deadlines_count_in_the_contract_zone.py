"""Claim windows: after the month or after each failure, days counted on the local calendar."""

from __future__ import annotations

from datetime import UTC, datetime

from accord.contracts.model import Claim
from accord.domain.period import month
from accord.domain.remedies import ClaimWindow, claim_deadlines
from accord.services.terms.remedies import claim_window


def claim(within: str, after: str) -> ClaimWindow:
    """The window as a contract words it, mapped the way the evaluation maps it."""
    return claim_window(Claim.model_validate({"within": within, "after": after}))


def test_thirty_days_after_october_ends_at_local_midnight_across_the_clock_change() -> None:
    # October 2026 in Los Angeles ends at 2026-11-01 00:00 PDT (07:00 UTC); the clocks fall
    # back that night, so 30 local days later is 2026-12-01 00:00 PST, 08:00 UTC: one hour
    # more than 30 x 24 elapsed hours.
    october = month(2026, 10, "America/Los_Angeles")
    [deadline] = claim_deadlines(claim("30 days", "period_end"), october, [])
    assert deadline.deadline == datetime(2026, 12, 1, 8, tzinfo=UTC)
    assert deadline.failure_end is None


def test_a_window_after_failures_starts_at_each_failure_end_earliest_first() -> None:
    october = month(2026, 10, "Europe/Paris")
    late = (datetime(2026, 10, 28, 9, tzinfo=UTC), datetime(2026, 10, 28, 11, tzinfo=UTC))
    early = (datetime(2026, 10, 20, 7, tzinfo=UTC), datetime(2026, 10, 20, 8, tzinfo=UTC))
    deadlines = claim_deadlines(claim("7 days", "failure"), october, [late, early])
    # 10:00 CEST on 20 October + 7 local days = 10:00 CET on 27 October = 09:00 UTC.
    assert [d.deadline for d in deadlines] == [
        datetime(2026, 10, 27, 9, tzinfo=UTC),
        datetime(2026, 11, 4, 11, tzinfo=UTC),
    ]
    assert deadlines[0].failure_start == early[0]


def test_a_window_in_hours_is_elapsed_time() -> None:
    october = month(2026, 10, "Europe/Paris")
    [deadline] = claim_deadlines(claim("48h", "period_end"), october, [])
    assert deadline.deadline == datetime(2026, 11, 2, 23, tzinfo=UTC)


def test_a_window_in_business_days_has_no_deadline_without_a_calendar() -> None:
    october = month(2026, 10, "Europe/Paris")
    [deadline] = claim_deadlines(claim("5 business days", "period_end"), october, [])
    assert deadline.deadline is None


def test_a_window_in_weeks_counts_seven_local_days_each() -> None:
    october = month(2026, 10, "America/Los_Angeles")
    [deadline] = claim_deadlines(claim("2 weeks", "period_end"), october, [])
    assert deadline.deadline == datetime(2026, 11, 15, 8, tzinfo=UTC)  # 00:00 PST


def test_no_failure_means_no_per_failure_deadline() -> None:
    october = month(2026, 10, "Europe/Paris")
    assert claim_deadlines(claim("7 days", "failure"), october, []) == []


def test_a_window_in_billing_periods_ends_with_the_nth_month_after() -> None:
    window = ClaimWindow("failure", billing_periods=2)
    november = month(2026, 11, "Europe/Paris")
    failure = (datetime(2026, 11, 20, 9, tzinfo=UTC), datetime(2026, 11, 20, 10, tzinfo=UTC))
    [deadline] = claim_deadlines(window, november, [failure])
    assert deadline.deadline == datetime(2027, 1, 31, 23, tzinfo=UTC)  # Paris midnight, 1 Feb
    [after_month] = claim_deadlines(ClaimWindow("period_end", billing_periods=2), november, [])
    assert after_month.deadline == datetime(2027, 1, 31, 23, tzinfo=UTC)
