"""The lint rules, one module per concept, in the order of their codes.

A1xx credits and remedies, A2xx measurement, A3xx support clocks, A4xx calendars and
zones, A5xx maintenance, A6xx identity.
"""

from __future__ import annotations

from accord.contracts.lint_rules import (
    clocks,
    credits,
    holidays,
    identity,
    maintenance,
    measurement,
    zones,
)
from accord.contracts.lint_rules.base import Check, Context, Rule

RULES: list[tuple[Rule, Check]] = [
    *credits.RULES,
    *measurement.RULES,
    *clocks.RULES,
    *holidays.RULES,
    *zones.RULES,
    *maintenance.RULES,
    *identity.RULES,
]

__all__ = ["RULES", "Check", "Context", "Rule"]
