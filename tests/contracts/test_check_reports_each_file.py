"""`accord contract check FILE...`: one verdict per file, and an exit status for scripts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

GOOD = """\
availability:
  - id: uptime
    target: 99.9
"""


def test_it_prints_ok_with_the_id_and_version_of_a_good_contract(
    contract_file: Callable[..., Path], accord: Callable[..., Any]
) -> None:
    path = contract_file("id: shop\nversion: '2.1'\n" + GOOD)
    run = accord("contract", "check", path)
    assert run.code == 0
    assert run.out == f"{path}: ok (shop 2.1)\n"
    assert run.err == ""


def test_it_checks_every_file_and_fails_when_one_is_bad(
    contract_file: Callable[..., Path], accord: Callable[..., Any]
) -> None:
    good = contract_file(GOOD)
    bad = contract_file("availability:\n  - id: uptime\n    target: 101\n")
    also_good = contract_file(GOOD)
    run = accord("contract", "check", good, bad, also_good)
    assert run.code == 1
    assert run.out.splitlines() == [f"{good}: ok (demo 1.0)", f"{also_good}: ok (demo 1.0)"]
    assert run.err.startswith(f"{bad}:3:13: availability.0.target: ")


def test_it_prints_every_problem_of_a_bad_file(
    contract_file: Callable[..., Path], accord: Callable[..., Any]
) -> None:
    path = contract_file("availability:\n  - id: Up Time\n    target: 101\n")
    run = accord("contract", "check", path)
    assert run.code == 1
    assert [line.split(": ")[0] for line in run.err.splitlines()] == [
        f"{path}:2:9",
        f"{path}:3:13",
    ]


def test_it_shows_the_file_name_as_it_was_given(
    contract_file: Callable[..., Path],
    accord: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = contract_file("availability: 5\n", name="given.yaml")
    monkeypatch.chdir(path.parent)
    run = accord("contract", "check", "./given.yaml")
    assert run.err.startswith("./given.yaml:1:15: availability: ")


def test_it_is_a_usage_error_without_files(accord: Callable[..., Any]) -> None:
    run = accord("contract", "check")
    assert run.code == 2


def test_it_is_a_usage_error_with_an_unknown_option(
    contract_file: Callable[..., Path], accord: Callable[..., Any]
) -> None:
    run = accord("contract", "check", "--strictest", contract_file(GOOD))
    assert run.code == 2
