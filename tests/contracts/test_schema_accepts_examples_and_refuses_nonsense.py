"""The JSON Schema accepts the shipped example contracts and refuses misshapen ones."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest

from accord.contracts.schema import contract_schema
from accord.contracts.source import parse_document, read_document

EXAMPLES = sorted((Path(__file__).parents[2] / "examples" / "contracts").glob("*.yaml"))
VALIDATOR = jsonschema.Draft202012Validator(
    contract_schema(), format_checker=jsonschema.FormatChecker()
)
HEAD = (
    "id: demo\ntitle: Demo\nprovider: Demo Ltd\nversion: '1'\n"
    "effective_from: 2026-01-01\nzone: Europe/Paris\n"
)


def _errors(data: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(data)]


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_it_accepts_each_example_contract(path: Path) -> None:
    assert _errors(read_document(path).data) == []


def test_it_accepts_a_small_contract_with_credits_and_support() -> None:
    text = HEAD + (
        "calendars:\n  office: {zone: Europe/Paris, hours: {mon-fri: ['09:00-17:00']}}\n"
        "availability:\n  - id: up\n    target: '99.9%'\n"
        "    credit: {kind: tiered, tiers: [{range: '[99, 99.9)', percent: 10}]}\n"
        "support:\n  calendar: office\n  severities:\n"
        "    1: {name: Critical, first_response: {within: 5-15 min, bound: upper}}\n"
    )
    assert _errors(parse_document(text, "small.yaml").data) == []


@pytest.mark.parametrize(
    ("extra", "where"),
    [
        ("colour: blue\n", "[]"),
        ("availability:\n  - {id: up, target: high}\n", "['availability', 0, 'target']"),
        ("availability:\n  - {id: up, target: 99, scop: service}\n", "['availability', 0]"),
        ("maintenance: {monthly_cap: 6}\n", "['maintenance']"),
        ("effective_until: someday\n", "['effective_until']"),
        ("calendars:\n  c: {zone: UTC, hours: sometimes}\n", "['calendars', 'c', 'hours']"),
    ],
)
def test_it_refuses_a_misshapen_contract(extra: str, where: str) -> None:
    errors = _errors(parse_document(HEAD + extra, "bad.yaml").data)
    assert any(error.startswith(where + ":") for error in errors), errors
