"""Ethnio (E1-E7): the facts of the SLA, read back from the shipped contract."""

from __future__ import annotations

import pytest

from accord.contracts.model import Contract, FlatCredit, Performance

from .seed_examples import contract


@pytest.fixture
def ethnio() -> Contract:
    return contract("ethnio.yaml")


def test_every_hour_it_names_is_pacific_time_with_summer_time(ethnio: Contract) -> None:
    assert ethnio.zone == "America/Los_Angeles"
    assert {c.zone for c in ethnio.calendars.values()} == {"America/Los_Angeles"}


def test_it_promises_99_95_percent_uptime_a_month(ethnio: Contract) -> None:
    (uptime,) = ethnio.availability
    assert uptime.target_for(None) == 99.95
    assert not uptime.benchmark_only


def test_scheduled_downtime_fits_the_weekend_window_with_notice_and_a_24_hour_cap(
    ethnio: Contract,
) -> None:
    m = ethnio.maintenance
    assert m is not None
    assert m.allowed_week == (
        ((0, 180),),  # Monday until 03:00
        (),
        (),
        (),
        ((1080, 1440),),  # Friday from 18:00
        ((0, 1440),),
        ((0, 1440),),
    )
    assert str(m.monthly_cap) == "24h"
    assert m.notice is not None
    assert (m.beyond_cap, m.outside_windows, m.without_notice) == ("downtime",) * 3


def test_a_missed_month_earns_15_percent_of_license_fees_on_election(ethnio: Contract) -> None:
    credit = ethnio.availability[0].credit
    assert isinstance(credit, FlatCredit)
    assert credit.percent == 15.0
    policy = ethnio.credits
    assert policy is not None
    assert (policy.requires, policy.fee_kind, policy.applied_to) == (
        "election",
        "license fees",
        "future_fees",
    )


def test_three_missed_months_in_six_allow_termination_and_credits_are_the_sole_remedy(
    ethnio: Contract,
) -> None:
    policy = ethnio.credits
    assert policy is not None and policy.termination is not None
    assert (policy.termination.missed_months, policy.termination.within_months) == (3, 6)
    assert policy.sole_remedy


def test_screeners_answer_in_15_ms_on_average(ethnio: Contract) -> None:
    screener = _objective(ethnio, "screener-response")
    assert (screener.metric, screener.statistic, screener.at_most) == ("response_ms", "mean", 15)


def test_connect_time_has_three_bands(ethnio: Contract) -> None:
    bands = _objective(ethnio, "connect-time").bands
    assert [(b.under, b.percent) for b in bands] == [(1000, 80), (2000, 90), (4000, 100)]


@pytest.mark.parametrize(
    ("level", "week", "within"),
    [
        ("1", tuple(((0, 1440),) for _ in range(7)), "2h"),
        ("2", tuple(((480, 1200),) for _ in range(7)), "4h"),
        ("3", tuple(((480, 1080),) for _ in range(7)), "6h"),
        ("4", tuple(((480, 1080),) for _ in range(7)), "24h"),
    ],
)
def test_each_level_has_its_coverage_hours_and_initial_response_time(
    ethnio: Contract, level: str, week: object, within: str
) -> None:
    assert ethnio.support is not None
    severity = ethnio.support.severities[level]
    assert severity.coverage is not None
    assert ethnio.calendars[severity.coverage].week == week
    assert severity.first_response is not None
    assert str(severity.first_response.within) == within


def test_severities_are_numbered_1_to_4_and_level_4_concerns_third_parties(
    ethnio: Contract,
) -> None:
    assert ethnio.support is not None
    severities = ethnio.support.severities
    assert list(severities) == ["1", "2", "3", "4"]
    assert [s.third_party for s in severities.values()] == [False, False, False, True]
    assert ethnio.support.calendar == "always"


def test_tickets_come_from_customers_or_monitoring_and_follow_the_remediation_steps(
    ethnio: Contract,
) -> None:
    assert ethnio.incidents is not None
    assert ethnio.incidents.opened_from_monitoring
    steps = ethnio.incidents.lifecycle
    assert steps[0] == "incident ticket" and steps[-1] == "feedback and improvement"
    assert len(steps) == 8


def test_third_party_notifications_are_opt_in_with_cc_addresses(ethnio: Contract) -> None:
    n = ethnio.notifications
    assert n is not None
    assert (n.third_party_issues, n.cc_allowed, n.channels) == ("opt_in", True, ["email"])


def test_uptime_is_verifiable_on_a_status_page_on_a_separate_host(ethnio: Contract) -> None:
    page = ethnio.status_page
    assert page is not None
    assert (page.url, page.separate_host) == ("https://status.ethn.io", True)


def _objective(c: Contract, objective_id: str) -> Performance:
    (found,) = [p for p in c.performance if p.id == objective_id]
    return found
