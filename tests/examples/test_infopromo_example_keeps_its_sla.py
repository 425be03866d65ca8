"""Infopromo (I1-I7): the facts of the SLA, read back from the shipped contract."""

from __future__ import annotations

import pytest

from accord.contracts.model import Contract, LinearCredit
from accord.contracts.types import DurationRange
from accord.domain.remedies import availability_credit
from accord.services.terms.remedies import credit_rule

from .seed_examples import contract


@pytest.fixture
def infopromo() -> Contract:
    return contract("infopromo.yaml")


def test_with_no_zone_in_the_sla_months_are_counted_in_utc(infopromo: Contract) -> None:
    assert infopromo.zone == "UTC"


@pytest.mark.parametrize(
    ("plan", "target"), [("standard", 99.9), ("premium", 99.95), ("enterprise", 99.99)]
)
def test_each_plan_has_its_own_availability_target(
    infopromo: Contract, plan: str, target: float
) -> None:
    assert plan in infopromo.plans
    assert infopromo.availability[0].target_for(plan) == target


def test_a_customer_without_a_plan_has_no_target(infopromo: Contract) -> None:
    assert infopromo.availability[0].target_for(None) is None


@pytest.mark.parametrize(
    ("plan", "achieved", "percent"),
    [("standard", 99.9, 0.0), ("standard", 98.9, 10.0), ("premium", 98.95, 10.0),
     ("enterprise", 97.99, 20.0), ("standard", 99.4, 5.0)],
)  # fmt: skip
def test_the_credit_is_10_percent_per_point_below_the_plans_target(
    infopromo: Contract, plan: str, achieved: float, percent: float
) -> None:
    uptime = infopromo.availability[0]
    credit = uptime.credit
    assert isinstance(credit, LinearCredit)
    assert (credit.percent, credit.per, credit.of) == (10.0, 1.0, "shortfall")
    earned = availability_credit(credit_rule(credit), achieved, uptime.target_for(plan))
    assert earned == pytest.approx(percent)


def test_claims_go_through_the_dashboard_within_7_days_of_the_failure(
    infopromo: Contract,
) -> None:
    policy = infopromo.credits
    assert policy is not None and policy.claim is not None
    assert policy.requires == "claim"
    assert (str(policy.claim.within), policy.claim.after) == ("7 days", "failure")
    assert policy.claim.channel is not None and "dashboard" in policy.claim.channel
    assert policy.applied_to == "next_invoice"


def test_network_metrics_have_their_thresholds(infopromo: Contract) -> None:
    bounds = {p.metric: (p.below, p.at_least) for p in infopromo.performance}
    assert bounds == {
        "latency_ms": (50.0, None),
        "throughput_mbps": (None, 100.0),
        "packet_loss_percent": (0.1, None),
    }


@pytest.mark.parametrize(
    ("level", "acknowledge", "resolve"),
    [("1", "15 min", "24h"), ("2", "30 min", "72h"), ("3", "30 min", "12 hours")],
)
def test_support_is_24_7_and_the_upper_bound_of_each_range_is_the_promise(
    infopromo: Contract, level: str, acknowledge: str, resolve: str
) -> None:
    support = infopromo.support
    assert support is not None
    assert infopromo.calendars[support.calendar].hours == "always"
    severity = support.severities[level]
    assert severity.first_response is not None and severity.resolution is not None
    assert _promised(severity.first_response.within, severity.first_response.bound) == acknowledge
    assert _promised(severity.resolution.within, severity.resolution.bound) == resolve


def test_severities_are_numbered_1_to_3(infopromo: Contract) -> None:
    assert infopromo.support is not None
    assert list(infopromo.support.severities) == ["1", "2", "3"]


def test_force_majeure_third_party_outages_and_attacks_are_excluded(
    infopromo: Contract,
) -> None:
    assert set(infopromo.exclusions.causes) == {"force_majeure", "third_party", "attack"}
    assert infopromo.maintenance is not None


def test_tickets_are_tracked_in_the_dashboard_and_escalated(infopromo: Contract) -> None:
    support = infopromo.support
    assert support is not None
    (dashboard,) = [c for c in support.channels if c.name == "Customer dashboard"]
    assert "ticket tracking in real time" in dashboard.topics
    assert support.escalation


def test_revisions_are_announced_in_advance(infopromo: Contract) -> None:
    assert infopromo.revision_notice is not None


def _promised(within: object, bound: str | None) -> str:
    if isinstance(within, DurationRange):
        assert bound == "upper"
        return within.high.text
    return str(within)
