"""Remedies: what a missed commitment gives the customer, and by when it must act.

- `credits`: service credits per objective and scope (tiered, linear, flat,
  proportional), their basis fee and caps, and the month's total;
- `claims`: the claim deadline, from the month end or from each failure;
- `termination`: the right to terminate after k missed months within n;
- `preconditions`: whether the SLA applies at all, from the customer's facts.
"""

from __future__ import annotations

from accord.domain.remedies.claims import ClaimDeadline, ClaimWindow, add_window, claim_deadlines
from accord.domain.remedies.credits import (
    PRECISION,
    CreditLine,
    CreditTotal,
    Earned,
    availability_credit,
    credit_lines,
    credit_total,
    money,
    performance_credit,
    settle,
    within,
)
from accord.domain.remedies.termination import (
    TerminationRight,
    TerminationRule,
    termination_right,
)

__all__ = [
    "PRECISION",
    "ClaimDeadline",
    "ClaimWindow",
    "CreditLine",
    "CreditTotal",
    "Earned",
    "TerminationRight",
    "TerminationRule",
    "add_window",
    "availability_credit",
    "claim_deadlines",
    "credit_lines",
    "credit_total",
    "money",
    "performance_credit",
    "settle",
    "termination_right",
    "within",
]
