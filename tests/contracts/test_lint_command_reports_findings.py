"""`accord contract lint`: findings with their place and code; exit 1 when there are any."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from accord.contracts.lint import RULES

AMBIGUOUS = "availability:\n  - id: api\n    target: 98\n"  # A108 and A201


def test_a_contract_without_findings_exits_zero(
    contract_file: Callable[..., Path], accord: Callable[..., Any]
) -> None:
    run = accord("contract", "lint", contract_file(""))
    assert (run.code, run.out) == (0, "")
    assert run.err == "0 findings in 1 file\n"


def test_findings_are_listed_with_place_and_code_and_exit_one(
    contract_file: Callable[..., Path], accord: Callable[..., Any]
) -> None:
    path = contract_file(AMBIGUOUS)
    run = accord("contract", "lint", path)
    assert run.code == 1
    lines = run.out.splitlines()
    assert [line.split(" availability.0.id: ")[0] for line in lines] == [
        f"{path}:2:9: [A108]",
        f"{path}:2:9: [A201]",
    ]
    assert run.err == "2 findings in 1 file\n"


def test_a_file_that_does_not_load_is_reported_as_by_check(
    contract_file: Callable[..., Path], accord: Callable[..., Any]
) -> None:
    good, bad = contract_file(""), contract_file("zone: Mars/Olympus\n")
    run = accord("contract", "lint", good, bad)
    assert run.code == 1
    assert run.err.startswith(f"{bad}:1:7: zone: unknown time zone 'Mars/Olympus'")
    assert run.err.endswith("0 findings in 2 files, 1 error (not linted)\n")


def test_json_output_gives_every_field_of_a_finding(
    contract_file: Callable[..., Path], accord: Callable[..., Any]
) -> None:
    path = contract_file(AMBIGUOUS)
    run = accord("contract", "lint", "--format", "json", path)
    assert run.code == 1
    rows = json.loads(run.out)
    assert [(r["code"], r["line"], r["column"], r["path"]) for r in rows] == [
        ("A108", 2, 9, "availability.0.id"),
        ("A201", 2, 9, "availability.0.id"),
    ]
    assert rows[0]["file"] == str(path)
    assert rows[0]["rule"] == "an availability objective with no remedy"
    assert "'api' has no credit" in rows[0]["message"]


def test_json_output_of_a_clean_contract_is_an_empty_list(
    contract_file: Callable[..., Path], accord: Callable[..., Any]
) -> None:
    run = accord("contract", "lint", "--format", "json", contract_file(""))
    assert (run.code, json.loads(run.out)) == (0, [])


def test_json_output_marks_load_errors(
    contract_file: Callable[..., Path], accord: Callable[..., Any]
) -> None:
    run = accord("contract", "lint", "--format", "json", contract_file("zone: Mars/Olympus\n"))
    [row] = json.loads(run.out)
    assert (run.code, row["code"], row["rule"], row["path"]) == (1, "error", None, "zone")


def test_rules_lists_every_code_with_its_explanation(accord: Callable[..., Any]) -> None:
    run = accord("contract", "lint", "--rules")
    assert run.code == 0
    listed = re.findall(r"^(A\d{3})  ", run.out, flags=re.MULTILINE)
    assert listed == [rule.code for rule, _ in RULES]
    assert "A101  credit tiers leave a hole" in run.out


def test_codes_are_unique_and_ordered() -> None:
    codes = [rule.code for rule, _ in RULES]
    assert codes == sorted(set(codes))
    assert all(re.fullmatch(r"A[1-6]\d\d", code) for code in codes)


@pytest.mark.parametrize("args", [(), ("--format", "yaml", "x.yaml")])
def test_usage_errors_exit_two(accord: Callable[..., Any], args: tuple[str, ...]) -> None:
    assert accord("contract", "lint", *args).code == 2
