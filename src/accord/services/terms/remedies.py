"""Credits, claims and termination of a contract, as the domain's values.

The domain sees plain rules (`accord.domain.remedies`). How the words map:

- A claim window in seconds, minutes or hours is elapsed time; in days or weeks (whole
  ones), local calendar days; in business days, or a fraction of a day, it has no length
  the evaluation can count, and the statement says the deadline is unknown.
"""

from __future__ import annotations

from accord.contracts.model import (
    Claim,
    CreditRule,
    Credits,
    FlatCredit,
    LinearCredit,
    Termination,
    TieredCredit,
)
from accord.contracts.types import Duration
from accord.domain.remedies import ClaimWindow, TerminationRule
from accord.domain.remedies import credits as domain

__all__ = [
    "claim_window",
    "credit_policy",
    "credit_rule",
    "termination_rule",
]


def credit_rule(rule: CreditRule) -> domain.CreditRule:
    if isinstance(rule, TieredCredit):
        return domain.Tiered(tuple(
            domain.CreditTier(t.range.low, t.range.low_inclusive, t.range.high,
                        t.range.high_inclusive, t.percent)
            for t in rule.tiers
        ))  # fmt: skip
    if isinstance(rule, LinearCredit):
        return domain.Linear(rule.percent, rule.per, rule.of, rule.rounding)
    if isinstance(rule, FlatCredit):
        return domain.Flat(rule.percent)
    return domain.Proportional(rule.multiplier)


def credit_policy(credits: Credits | None) -> domain.CreditPolicy:
    """Credit rules without a credits section apply to the monthly fee, uncapped."""
    if credits is None:
        return domain.CreditPolicy()
    return domain.CreditPolicy(credits.basis, credits.cap_percent, credits.combine)


def claim_window(claim: Claim) -> ClaimWindow:
    if claim.within_billing_periods is not None:
        return ClaimWindow(claim.after, billing_periods=claim.within_billing_periods)
    within: Duration | None = claim.within
    assert within is not None  # the model holds exactly one of the two
    if within.unit in ("days", "weeks"):
        days = within.amount * (7 if within.unit == "weeks" else 1)
        if days.is_integer():
            return ClaimWindow(claim.after, days=int(days))
    if within.unit in ("seconds", "minutes", "hours"):
        return ClaimWindow(claim.after, seconds=within.seconds)
    return ClaimWindow(claim.after)  # business days, or a fraction of a day: unknown


def termination_rule(termination: Termination) -> TerminationRule:
    return TerminationRule(termination.missed_months, termination.within_months)
