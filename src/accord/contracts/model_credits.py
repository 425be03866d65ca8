"""The contract language, credits section: credit rules, claims and termination."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from accord.contracts.model_base import Count, Number, Strict
from accord.contracts.types import DurationField, PercentField, PercentRangeField


class Tier(Strict):
    range: PercentRangeField  # achieved availability, e.g. '[99.4, 99.5)'
    percent: PercentField  # credit, in percent of the basis


class TieredCredit(Strict):
    kind: Literal["tiered"]
    tiers: list[Tier] = Field(min_length=1)


class LinearCredit(Strict):
    """`percent` of the basis for every `per` points of downtime (or of shortfall)."""

    kind: Literal["linear"]
    percent: PercentField
    per: Number = Field(default=1.0, gt=0)  # points of availability
    of: Literal["downtime", "shortfall"] = "shortfall"
    rounding: Literal["incremental", "pro_rata"] = "incremental"  # whole steps, or fractions


class FlatCredit(Strict):
    kind: Literal["flat"]
    percent: PercentField


class ProportionalCredit(Strict):
    """Credit = share of the month down x multiplier, in percent of the basis."""

    kind: Literal["proportional"]
    multiplier: Number = Field(default=1.0, gt=0)


CreditRule = Annotated[
    TieredCredit | LinearCredit | FlatCredit | ProportionalCredit, Field(discriminator="kind")
]


class Claim(Strict):
    within: DurationField | None = None
    # 'By the end of the Nth billing month after': counted in calendar months, not days.
    within_billing_periods: int | None = Field(default=None, ge=1)
    after: Literal["failure", "period_end"]
    channel: str | None = None
    evidence: list[str] = []  # what a claim must contain

    @model_validator(mode="after")
    def _one_length(self) -> Claim:
        if (self.within is None) == (self.within_billing_periods is None):
            raise ValueError("a claim has exactly one of 'within' or 'within_billing_periods'")
        return self


class Termination(Strict):
    missed_months: Count = Field(ge=1)
    within_months: Count = Field(ge=1)


class Credits(Strict):
    basis: Literal["monthly_fee", "scope_fee"] = "monthly_fee"
    fee_kind: str | None = None  # e.g. 'license fees', 'monthly SaaS billing'
    cap_percent: PercentField | None = None
    # Several objectives' credits for one scope and month: only the largest ('max'), or
    # all of them added up ('sum', the earlier reading; see CHANGELOG).
    combine: Literal["max", "sum"] = "max"
    requires: Literal["automatic", "election", "claim"] = "automatic"
    claim: Claim | None = None
    applied_to: Literal["next_invoice", "future_fees", "refund"] = "next_invoice"
    sole_remedy: bool = False
    termination: Termination | None = None
