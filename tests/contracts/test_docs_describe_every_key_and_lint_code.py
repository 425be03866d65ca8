"""docs/contracts.md is the reference: every lint code, section and command is in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.contracts.lint import RULES, Rule
from accord.contracts.model import Contract

DOCS = (Path(__file__).parents[2] / "docs" / "contracts.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("rule", [rule for rule, _ in RULES], ids=lambda rule: rule.code)
def test_every_lint_code_is_listed_and_explained(rule: Rule) -> None:
    assert f"| {rule.code} | {rule.title} |" in DOCS
    assert f"**{rule.code} — " in DOCS


def test_no_code_is_documented_that_the_linter_lacks() -> None:
    documented = {line.split("|")[1].strip() for line in DOCS.splitlines()
                  if line.startswith("| A")}  # fmt: skip
    assert documented == {rule.code for rule, _ in RULES}


@pytest.mark.parametrize("key", list(Contract.model_fields))
def test_every_top_level_key_is_described(key: str) -> None:
    assert f"`{key}`" in DOCS


@pytest.mark.parametrize("command", ["check", "lint", "explain", "schema"])
def test_every_contract_command_has_a_section(command: str) -> None:
    assert f"### `accord contract {command}" in DOCS
