"""Credit rules as a contract would write them, read by the contract model and mapped
onto the domain's rules the way the evaluation maps them."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from accord.contracts.model import CreditRule, Credits
from accord.domain.remedies import credits
from accord.services.terms.remedies import credit_policy, credit_rule

_RULE: TypeAdapter[Any] = TypeAdapter(CreditRule)


def rule(**fields: Any) -> credits.CreditRule:
    return credit_rule(_RULE.validate_python(fields))


def policy(**fields: Any) -> credits.CreditPolicy:
    return credit_policy(Credits.model_validate(fields))


# The Letsignit table (L8) read the way a contract must write it: explicit bounds, the
# '99 %' row read as 'below 99.10'.
LETSIGNIT = rule(
    kind="tiered",
    tiers=[
        {"range": "[99.5, 99.9]", "percent": 0},
        {"range": "[99.4, 99.5)", "percent": 3},
        {"range": "[99.35, 99.4)", "percent": 6},
        {"range": "[99.20, 99.35)", "percent": 12},
        {"range": "[99.10, 99.20)", "percent": 25},
        {"range": "[0, 99.10)", "percent": 50},
    ],
)
# Lavi (V8): 10 % of the location's bill for every incremental 1 % of downtime.
LAVI = rule(kind="linear", percent=10, per=1, of="downtime", rounding="incremental")
# Infopromo (I4): 10 % for every 1 % of downtime below the plan's threshold.
INFOPROMO = rule(kind="linear", percent=10, per=1, of="shortfall", rounding="pro_rata")
