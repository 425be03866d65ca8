"""iStockist (S1-S10): the facts of the SLA, read back from the shipped contract."""

from __future__ import annotations

from datetime import date

import pytest

from accord.contracts.model import Contract

from .seed_examples import contract


@pytest.fixture
def istockist() -> Contract:
    return contract("istockist.yaml")


def test_it_takes_effect_on_29_october_2019(istockist: Contract) -> None:
    assert istockist.effective_from == date(2019, 10, 29)
    assert istockist.version == "2019-10-29"


def test_support_hours_are_9_to_5_gmt_as_written_while_months_are_irish(
    istockist: Contract,
) -> None:
    assert istockist.zone == "Europe/Dublin"
    assert istockist.support is not None
    support = istockist.calendars[istockist.support.calendar]
    assert support.zone == "Etc/GMT"
    assert support.week == tuple(((540, 1020),) for _ in range(7))


def test_only_the_client_administrator_opens_tickets_by_email(istockist: Contract) -> None:
    support = istockist.support
    assert support is not None
    assert support.who_may_open == ["client_administrator"]
    assert [c.kind for c in support.channels] == ["email"]


def test_categories_are_final_once_qualified_and_drop_one_step_on_a_workaround(
    istockist: Contract,
) -> None:
    support = istockist.support
    assert support is not None
    assert support.reclassification == "final_after_qualification"
    severities = support.severities
    assert list(severities) == ["critical", "medium", "low"]
    assert [s.downgrade_on_workaround for s in severities.values()] == ["medium", "low", None]


@pytest.mark.parametrize(("category", "within"), [("critical", "4h"), ("medium", "8h"),
                                                   ("low", "10h")])  # fmt: skip
def test_each_category_has_its_response_time_in_support_hours(
    istockist: Contract, category: str, within: str
) -> None:
    assert istockist.support is not None
    target = istockist.support.severities[category].first_response
    assert target is not None
    assert (str(target.within), target.clock) == (within, "business")


def test_98_percent_of_the_months_tickets_must_meet_the_response_time(
    istockist: Contract,
) -> None:
    assert istockist.support is not None
    (rule,) = istockist.support.compliance
    assert (rule.required_percent, rule.metrics) == (98.0, ["first_response"])
    assert rule.severities == ["critical", "medium", "low"]


def test_tickets_close_on_resolution_silence_or_written_confirmation(
    istockist: Contract,
) -> None:
    assert istockist.support is not None
    assert [c.on for c in istockist.support.closure] == [
        "resolved",
        "no_customer_reply",
        "customer_confirmation",
    ]


def test_the_api_must_be_available_98_percent_of_the_month(istockist: Contract) -> None:
    (api,) = istockist.availability
    assert (api.target_for(None), api.excluded_time) == (98.0, "leaves_denominator")


def test_no_credit_is_owed_for_any_target(istockist: Contract) -> None:
    assert istockist.credits is None
    assert all(o.credit is None for o in istockist.availability)
    assert all(o.credit is None for o in istockist.performance)


def test_the_guarantee_is_void_under_each_listed_condition(istockist: Contract) -> None:
    ex = istockist.exclusions
    assert set(ex.causes) == {"third_party", "force_majeure", "customer"}
    assert str(ex.introductory_period) == "30 days"
    assert [c.id for c in ex.conditions] == [
        "rate-limited-account",
        "client-error",
        "client-negligence",
        "order-volume-change",
        "client-low-priority",
    ]
    assert istockist.maintenance is not None


def test_delayed_orders_are_a_ratio_over_30_minute_windows(istockist: Contract) -> None:
    (delayed,) = istockist.performance
    assert delayed.ratio is not None
    ratio = delayed.ratio
    assert (ratio.bad, ratio.total, str(ratio.window), ratio.at_most_percent) == (
        "orders_delayed",
        "orders_total",
        "30m",
        10.0,
    )


def test_basic_requests_the_client_could_have_solved_may_be_invoiced(
    istockist: Contract,
) -> None:
    assert istockist.support is not None
    assert len(istockist.support.billable) == 1
