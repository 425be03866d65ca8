"""Preconditions: an SLA that applies 'only when ...', judged on the evidence's facts."""

from __future__ import annotations

import pytest

from accord.domain.remedies.preconditions import PreconditionRule, unmet

ZONES = PreconditionRule("the customer runs in two or more zones", "zones", at_least=2)
TIER = PreconditionRule("the customer has the premium tier", "tier", equals="premium")
SMALL = PreconditionRule("the customer has at most 10 instances", "instances", at_most=10)


@pytest.mark.parametrize(
    ("facts", "reasons"),
    [
        ({"zones": 2.0, "tier": "premium", "instances": 10.0}, []),
        ({"zones": 1.0, "tier": "premium", "instances": 3.0},
         ["the customer runs in two or more zones (zones = 1)"]),
        ({"tier": "basic", "instances": 11.0, "zones": 3.0},
         ["the customer has the premium tier (tier = basic)",
          "the customer has at most 10 instances (instances = 11)"]),
        ({"tier": "premium", "instances": 1.0},
         ["the customer runs in two or more zones (the evidence gives no fact 'zones')"]),
        ({"zones": True, "tier": "premium", "instances": 1.0},
         ["the customer runs in two or more zones (zones = true)"]),
    ],
)  # fmt: skip
def test_each_unmet_precondition_gives_its_reason(facts, reasons) -> None:
    assert [reason for _, reason in unmet([ZONES, TIER, SMALL], facts)] == reasons


def test_a_precondition_may_govern_some_objectives_only() -> None:
    region = PreconditionRule(
        "two or more zones", "zones", at_least=2, objectives=frozenset({"region"})
    )
    assert unmet([region], {"zones": 1.0}) == [
        (frozenset({"region"}), "two or more zones (zones = 1)")
    ]
