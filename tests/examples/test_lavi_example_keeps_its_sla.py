"""Lavi / Qtrac (V1-V9): the facts of the SLA, read back from the shipped contract."""

from __future__ import annotations

import pytest

from accord.contracts.model import Contract, LinearCredit
from accord.contracts.types import NthWeekdayRule
from accord.domain.remedies import availability_credit
from accord.services.terms.remedies import credit_rule

from .seed_examples import contract

MON_FRI = range(5)


@pytest.fixture
def lavi() -> Contract:
    return contract("lavi-qtrac.yaml")


def test_business_hours_are_6_to_18_pacific_monday_to_friday(lavi: Contract) -> None:
    assert lavi.zone == "America/Los_Angeles"
    assert lavi.support is not None
    business = lavi.calendars[lavi.support.calendar]
    assert business.zone == "America/Los_Angeles"
    assert business.week == tuple(((360, 1080),) if d in MON_FRI else () for d in range(7))


def test_the_phone_line_closes_at_17_on_the_same_business_days(lavi: Contract) -> None:
    phone = lavi.calendars["phone"]
    assert phone.week == tuple(((360, 1020),) if d in MON_FRI else () for d in range(7))
    assert phone.holidays == lavi.calendars["business"].holidays


def test_thanksgiving_follows_the_words_last_thursday_and_last_friday_of_november(
    lavi: Contract,
) -> None:
    rules = {h.name: h.rule for h in lavi.calendars["business"].holidays}
    assert rules["Thanksgiving Day"] == NthWeekdayRule(n=-1, weekday=3, month=11)
    assert rules["Day after Thanksgiving"] == NthWeekdayRule(n=-1, weekday=4, month=11)


def test_the_seven_holidays_of_the_sla_are_listed(lavi: Contract) -> None:
    holidays = lavi.calendars["business"].holidays
    assert [h.date for h in holidays if h.date] == ["01-01", "07-04", "12-25"]
    assert len(holidays) == 7


def test_scheduled_downtime_is_capped_at_6_hours_a_month_in_low_usage_periods(
    lavi: Contract,
) -> None:
    m = lavi.maintenance
    assert m is not None
    assert (str(m.monthly_cap), m.beyond_cap, m.low_usage_periods) == ("6h", "downtime", True)


def test_the_portal_and_monitoring_are_there_around_the_clock(lavi: Contract) -> None:
    assert lavi.support is not None
    always = {c.kind for c in lavi.support.channels if c.calendar == "always"}
    assert {"portal", "monitoring"} <= always
    assert lavi.calendars["always"].hours == "always"


def test_after_hours_messages_are_answered_in_the_first_hour_of_the_next_business_day(
    lavi: Contract,
) -> None:
    support = lavi.support
    assert support is not None and support.after_hours_messages is not None
    assert support.outside_hours == "next_opening"
    assert str(support.after_hours_messages.within) == "1h"
    assert support.after_hours_messages.clock == "business"


def test_severities_are_numbered_1_to_3_and_reclassified_after_the_first_reply(
    lavi: Contract,
) -> None:
    assert lavi.support is not None
    assert list(lavi.support.severities) == ["1", "2", "3"]
    assert lavi.support.reclassification == "after_first_response"


@pytest.mark.parametrize(
    ("severity", "reply", "update", "final"),
    [("1", "30m", "1h", "4h"), ("2", "1h", "4h", "36h"), ("3", "4h", "2 days", "5 business days")],
)
def test_each_severity_has_first_reply_periodic_update_and_final_resolution(
    lavi: Contract, severity: str, reply: str, update: str, final: str
) -> None:
    assert lavi.support is not None
    s = lavi.support.severities[severity]
    assert s.first_response is not None and s.periodic_update is not None
    assert s.resolution is not None
    assert [str(s.first_response.within), str(s.periodic_update.every),
            str(s.resolution.within)] == [reply, update, final]  # fmt: skip
    assert s.temporary_resolution is None


def test_clocks_start_at_the_next_opening_and_then_run_on_the_calendar(lavi: Contract) -> None:
    assert lavi.support is not None
    for s in lavi.support.severities.values():
        assert s.first_response is not None and s.periodic_update is not None
        assert (s.first_response.clock, s.periodic_update.clock) == ("calendar", "calendar")
    low = lavi.support.severities["3"]
    assert low.periodic_update is not None and low.periodic_update.every.unit == "days"
    assert low.resolution is not None and low.resolution.within.unit == "business_days"


def test_the_escalation_path_is_an_ordered_list(lavi: Contract) -> None:
    assert lavi.support is not None
    assert len(lavi.support.escalation) >= 2


def test_hardware_and_client_caused_faults_are_excluded_and_extra_work_is_billed(
    lavi: Contract,
) -> None:
    assert set(lavi.exclusions.causes) == {"customer", "force_majeure"}
    assert "hardware" in lavi.exclusions.out_of_scope
    assert lavi.support is not None and lavi.support.billable


def test_uptime_is_99_percent_per_location_and_counts_from_the_initial_notice(
    lavi: Contract,
) -> None:
    (uptime,) = lavi.availability
    assert (uptime.target_for(None), uptime.scope) == (99.0, "location")
    assert lavi.exclusions.downtime_from_initial_notice


@pytest.mark.parametrize(
    ("achieved", "percent"), [(99.0, 0.0), (98.9, 10.0), (98.0, 20.0), (97.5, 20.0), (5.0, 100.0)]
)
def test_each_location_earns_10_percent_per_whole_point_of_downtime(
    lavi: Contract, achieved: float, percent: float
) -> None:
    uptime = lavi.availability[0]
    assert isinstance(uptime.credit, LinearCredit)
    earned = availability_credit(credit_rule(uptime.credit), achieved, uptime.target_for(None))
    assert earned is not None
    assert min(earned, 100.0) == pytest.approx(percent)


def test_credits_are_on_the_locations_bill_capped_at_100_percent(lavi: Contract) -> None:
    policy = lavi.credits
    assert policy is not None
    assert (policy.basis, policy.cap_percent) == ("scope_fee", 100.0)


def test_claims_are_emailed_within_30_days_of_the_month_end_with_the_evidence(
    lavi: Contract,
) -> None:
    policy = lavi.credits
    assert policy is not None and policy.claim is not None
    assert policy.requires == "claim"
    assert (str(policy.claim.within), policy.claim.after) == ("30 days", "period_end")
    assert policy.claim.evidence == ["date", "time", "description of the incident",
                                     "affected service"]  # fmt: skip
