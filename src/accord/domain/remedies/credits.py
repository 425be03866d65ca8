"""Service credits: what a missed month earns, per objective and scope, and the capped total.

Rules of this module, in one place:

- Percents compared with a contract's bounds are first rounded to `PRECISION` decimal
  places (`settle`), so 99.5 computed as 99.4999999999 stays in the 99.5 tier.
- Tiered credits look the achieved percent up in the table whatever the target: the
  table is the promise. A percent no tier contains earns nothing (the table is silent).
- Linear, flat and proportional credits are earned only by a missed month
  (achieved < target); linear counts points of downtime (100 - achieved) or of shortfall
  (target - achieved), `incremental` in whole steps, `pro_rata` in fractions; proportional
  is the downtime share times the multiplier.
- An objective without data earns `None` (undecided), never 0. (Which objectives earn at
  all -- not benchmarks, only those with a rule -- is the contract's: see the service.)
- Credits of several objectives for one scope and month are not added up unless the
  contract says so (`combine: sum`): by default (`max`) only the largest is paid, the
  others stay on the statement marked as not added. The whole service (no scope) is a
  scope of its own here.
- The cap applies to the total of a customer-month on the monthly-fee basis, and to each
  scope's total on the scope-fee basis (each location has its own bill to cap).
- Amounts are rounded half-up to the cent, once per line and once per total; a cap is
  rounded down to the cent, so the total never passes it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Literal

from accord.domain.evidence import Fees

PRECISION = 9  # decimal places kept of a computed percent before it meets a contract bound


def within(
    value: float, low: float | None, low_inclusive: bool, high: float | None, high_inclusive: bool
) -> bool:
    """Whether `value` lies between two bounds, each open (None), inclusive or exclusive."""
    if low is not None and (value < low or (value == low and not low_inclusive)):
        return False
    return not (high is not None and (value > high or (value == high and not high_inclusive)))


@dataclass(frozen=True)
class CreditTier:
    """A row of a credit table: achieved percents from `low` to `high`, and the credit."""

    low: float | None  # lowest achieved percent of the row; None: no lower bound
    low_inclusive: bool  # True when `low` itself belongs to the row
    high: float | None  # highest achieved percent of the row; None: no upper bound
    high_inclusive: bool  # True when `high` itself belongs to the row
    percent: float  # credit, in percent of the basis

    def contains(self, achieved: float) -> bool:
        return within(achieved, self.low, self.low_inclusive, self.high, self.high_inclusive)


@dataclass(frozen=True)
class Tiered:
    tiers: tuple[CreditTier, ...]  # in the contract's order; the first that contains wins


@dataclass(frozen=True)
class Linear:
    percent: float  # credit for each step
    per: float  # points of availability in a step, > 0
    of: Literal["downtime", "shortfall"]  # points below 100, or below the target
    rounding: Literal["incremental", "pro_rata"]  # whole steps only, or fractions too


@dataclass(frozen=True)
class Flat:
    percent: float  # credit for a missed month


@dataclass(frozen=True)
class Proportional:
    multiplier: float  # credit = points of downtime x multiplier, > 0


CreditRule = Tiered | Linear | Flat | Proportional


@dataclass(frozen=True)
class CreditPolicy:
    basis: Literal["monthly_fee", "scope_fee"] = "monthly_fee"  # the fee percents apply to
    cap_percent: float | None = None  # of the basis; None: no cap
    combine: Literal["max", "sum"] = "max"  # objectives' credits for one scope: largest, or all


def settle(percent: float) -> float:
    """Drop float noise below `PRECISION` so a bound written in the contract is hit exactly."""
    return round(percent, PRECISION)


def money(amount: float) -> float:
    """Round half-up to the cent, from the shortest decimal form of the float."""
    return float(Decimal(repr(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def ceiling(amount: float) -> float:
    """A cap in cents, rounded down: what is paid never passes the cap itself."""
    return float(Decimal(repr(amount)).quantize(Decimal("0.01"), rounding=ROUND_DOWN))


def missed(achieved: float | None, target: float | None) -> bool | None:
    """True when the month falls short of the target; None when either is unknown."""
    if achieved is None or target is None:
        return None
    return settle(achieved) < settle(target)


def tier_percent(rule: Tiered, achieved: float) -> float:
    settled = settle(achieved)
    for tier in rule.tiers:
        if tier.contains(settled):
            return tier.percent
    return 0.0


def linear_percent(rule: Linear, achieved: float, target: float) -> float:
    points = 100.0 - achieved if rule.of == "downtime" else target - achieved
    steps = settle(points / rule.per)
    if rule.rounding == "incremental":
        steps = math.floor(steps)  # 'for every incremental 1 %': whole steps only
    return max(0.0, steps * rule.percent)


def proportional_percent(rule: Proportional, achieved: float) -> float:
    return max(0.0, settle((100.0 - achieved) * rule.multiplier))


def availability_credit(
    rule: CreditRule, achieved: float | None, target: float | None
) -> float | None:
    """Percent of the basis one availability objective earns for one scope and month."""
    if achieved is None:
        return None
    if isinstance(rule, Tiered):
        return tier_percent(rule, achieved)
    short = missed(achieved, target)
    if short is None or target is None:
        return None
    if not short:
        return 0.0
    if isinstance(rule, Linear):
        return linear_percent(rule, achieved, target)
    if isinstance(rule, Flat):
        return rule.percent
    return proportional_percent(rule, achieved)


def performance_credit(rule: CreditRule, achieved: float | None, met: bool | None) -> float | None:
    """Percent a performance objective earns: flat when missed, or the tier of its value.

    Linear and proportional rules count points of availability, which a latency or a
    throughput does not have; they earn None here and the statement says why.
    """
    if isinstance(rule, Flat):
        return None if met is None else (0.0 if met else rule.percent)
    if isinstance(rule, Tiered):
        return None if achieved is None else tier_percent(rule, achieved)
    return None


@dataclass(frozen=True)
class Earned:
    """The credit one objective earns for one scope, before the cap."""

    objective: str  # objective id
    scope: str | None  # the location, or None for the whole service
    percent: float | None  # of the basis; None when undecided (no data, no target, no rule)


@dataclass(frozen=True)
class CreditLine:
    objective: str  # objective id
    scope: str | None  # the location, or None for the whole service
    percent: float | None  # of the basis, before the cap; None when undecided
    amount: float | None  # percent of the basis fee, before the cap; None without a fee
    currency: str | None  # ISO 4217, from the evidence's fees
    added: bool = True  # False: another objective pays more for this scope (`combine: max`)


@dataclass(frozen=True)
class CreditTotal:
    amount: float | None  # owed after the cap; None when a line is undecided or has no fee
    currency: str | None  # ISO 4217
    capped: bool  # True when the cap lowered the total
    uncapped: float | None  # sum of the lines before the cap


def basis_fee(policy: CreditPolicy, fees: Fees | None, scope: str | None) -> float | None:
    """The fee a percent applies to: the scope's fee or the whole monthly fee."""
    if fees is None:
        return None
    if policy.basis == "scope_fee" and scope is not None:
        return fees.by_scope.get(scope)
    return fees.monthly


def credit_lines(
    earned: Sequence[Earned], policy: CreditPolicy, fees: Fees | None
) -> list[CreditLine]:
    lines: list[CreditLine] = []
    for e in earned:
        fee = basis_fee(policy, fees, e.scope)
        amount = None if fee is None or e.percent is None else money(fee * e.percent / 100)
        currency = fees.currency if fees is not None else None
        lines.append(CreditLine(e.objective, e.scope, e.percent, amount, currency))
    return lines if policy.combine == "sum" else _largest_per_scope(lines)


def _largest_per_scope(lines: list[CreditLine]) -> list[CreditLine]:
    """Mark as not added every line but the largest of its scope (the first among equals)."""
    best: dict[str | None, int] = {}
    for i, line in enumerate(lines):
        if not line.percent:
            continue
        j = best.get(line.scope)
        if j is None or _size(line) > _size(lines[j]):
            best[line.scope] = i
    paid = set(best.values())
    return [
        line if i in paid or not line.percent else replace(line, added=False)
        for i, line in enumerate(lines)
    ]


def _size(line: CreditLine) -> float:
    """What a line pays: its amount when known, else its percent."""
    return line.amount if line.amount is not None else line.percent or 0.0


def credit_total(
    lines: Sequence[CreditLine], policy: CreditPolicy, fees: Fees | None
) -> CreditTotal:
    currency = fees.currency if fees is not None else None
    owed = [line for line in lines if line.percent and line.added]  # lines that pay
    # An undecided line (no data, no target) may owe anything: the total is unknown too.
    if any(line.amount is None for line in owed) or any(line.percent is None for line in lines):
        return CreditTotal(None, currency, False, None)
    groups: dict[str | None, float] = {}
    for line in owed:
        key = line.scope if policy.basis == "scope_fee" else None
        groups[key] = groups.get(key, 0.0) + (line.amount or 0.0)
    uncapped = money(sum(groups.values()))
    if policy.cap_percent is None:
        return CreditTotal(uncapped, currency, False, uncapped)
    capped_total = 0.0
    for key, amount in groups.items():
        fee = basis_fee(policy, fees, key) or 0.0
        capped_total += min(amount, ceiling(fee * policy.cap_percent / 100))
    total = money(capped_total)
    return CreditTotal(total, currency, total < uncapped, uncapped)
