"""The contract linter: places where a valid contract still leaves room for two readings.

A contract can pass `check` and still be ambiguous: a credit table with a hole in it, a
"4 hours" that may be business or elapsed hours, a holiday rule that is not the holiday
its name suggests. Each rule here has a code (A101...), finds such places, and says in
plain words what two readings are possible and what to write to pick one. The rules
themselves live in `accord.contracts.lint_rules`, one module per concept.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date

from accord.contracts.calendars import contract_calendars
from accord.contracts.lint_rules import RULES, Context, Rule
from accord.contracts.loader import LoadedContract
from accord.problems import Problem

__all__ = ["RULES", "Rule", "lint_contract", "findings_as_json", "rule_for"]


def lint_contract(loaded: LoadedContract, today: date) -> list[Problem]:
    """Every finding of every rule, in file order; `today` fixes which years are compared.

    The contract must have passed `check_contract`: its calendars are built here."""
    calendars = contract_calendars(loaded)
    context = Context(loaded.contract, loaded.document, today, calendars)
    findings = [
        loaded.document.problem(path, message, code=rule.code)
        for rule, check in RULES
        for path, message in check(context)
    ]
    # A block shared through a YAML alias is one place in the file: one finding there.
    unique = {(f.line, f.column, f.code, f.message): f for f in reversed(findings)}
    return sorted(unique.values(), key=lambda p: (p.line, p.column, p.code, p.message))


def rule_for(code: str) -> Rule | None:
    """The rule with this code, or None."""
    return next((rule for rule, _ in RULES if rule.code == code), None)


def findings_as_json(findings: list[Problem]) -> str:
    """Findings (and load errors, code 'error') as a JSON array, one object each."""
    rows = []
    for finding in findings:
        row = asdict(finding)
        rule = rule_for(finding.code)
        row["rule"] = rule.title if rule is not None else None
        rows.append(row)
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
