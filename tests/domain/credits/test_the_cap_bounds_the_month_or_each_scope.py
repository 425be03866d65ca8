"""The cap: on the customer-month for the monthly fee, on each scope for scope fees."""

from __future__ import annotations

from accord.domain.evidence import Fees
from accord.domain.remedies import Earned, credit_lines, credit_total

from .conftest import policy

FEES = Fees(currency="EUR", monthly=1000.0, by_scope={"paris": 300.0, "lyon": 200.0})


def test_lines_apply_each_percent_to_the_scope_fee() -> None:
    lines = credit_lines(
        [Earned("uptime", "paris", 20.0), Earned("uptime", "lyon", 10.0)],
        policy(basis="scope_fee"),
        FEES,
    )
    assert [(line.scope, line.amount, line.currency) for line in lines] == [
        ("paris", 60.0, "EUR"),
        ("lyon", 20.0, "EUR"),
    ]


def test_the_monthly_fee_cap_bounds_the_total_of_every_objective() -> None:
    rules = policy(basis="monthly_fee", cap_percent=50, combine="sum")
    earned = [Earned("app", None, 25.0), Earned("api", None, 50.0)]
    total = credit_total(credit_lines(earned, rules, FEES), rules, FEES)
    assert (total.amount, total.uncapped, total.capped) == (500.0, 750.0, True)


def test_the_scope_fee_cap_bounds_each_location_on_its_own_bill() -> None:
    rules = policy(basis="scope_fee", cap_percent=100)
    earned = [Earned("uptime", "paris", 150.0), Earned("uptime", "lyon", 30.0)]
    total = credit_total(credit_lines(earned, rules, FEES), rules, FEES)
    # Paris is capped at its 300, Lyon keeps its 60.
    assert (total.amount, total.uncapped, total.capped) == (360.0, 510.0, True)


def test_a_total_under_the_cap_is_not_marked_capped() -> None:
    rules = policy(cap_percent=50)
    total = credit_total(credit_lines([Earned("app", None, 3.0)], rules, FEES), rules, FEES)
    assert (total.amount, total.capped) == (30.0, False)


def test_a_missing_scope_fee_leaves_the_amount_unknown() -> None:
    rules = policy(basis="scope_fee")
    lines = credit_lines([Earned("uptime", "nice", 10.0)], rules, FEES)
    assert lines[0].amount is None
    assert credit_total(lines, rules, FEES).amount is None


def test_amounts_are_rounded_half_up_to_the_cent() -> None:
    fees = Fees(currency="USD", monthly=10.05)
    lines = credit_lines([Earned("app", None, 50.0)], policy(), fees)
    assert lines[0].amount == 5.03  # 5.025 rounds up, not to the even 5.02


def test_two_objectives_pay_one_scope_once_by_default() -> None:
    rules = policy(basis="scope_fee")
    earned = [Earned("region", "paris", 10.0), Earned("instance", "paris", 25.0),
              Earned("instance", "lyon", 10.0)]  # fmt: skip
    lines = credit_lines(earned, rules, FEES)
    assert [(line.objective, line.scope, line.added) for line in lines] == [
        ("region", "paris", False),
        ("instance", "paris", True),
        ("instance", "lyon", True),
    ]
    assert credit_total(lines, rules, FEES).amount == 75.0 + 20.0  # 25 % of 300, 10 % of 200


def test_credits_add_up_when_the_contract_says_sum() -> None:
    rules = policy(basis="scope_fee", combine="sum")
    earned = [Earned("region", "paris", 10.0), Earned("instance", "paris", 25.0)]
    assert credit_total(credit_lines(earned, rules, FEES), rules, FEES).amount == 30.0 + 75.0
