"""Helpers for the contract tooling tests: small contract files and the `accord` command."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.contracts.check import check_contract
from accord.contracts.lint import lint_contract
from accord.problems import Problem

# The keys every contract needs. They are written *after* a test's body so that the line
# numbers a test expects are the line numbers of its own text, counted from 1.
HEAD = {
    "id": "demo",
    "title": "Demo SLA",
    "provider": "Demo Ltd",
    "version": '"1.0"',
    "effective_from": "2026-01-01",
    "zone": "Europe/Paris",
}


def contract_text(body: str) -> str:
    """`body` followed by the required keys it does not set itself."""
    given = set(re.findall(r"^([a-z_]+):", body, flags=re.MULTILINE))
    head = "".join(f"{key}: {value}\n" for key, value in HEAD.items() if key not in given)
    return body + ("" if body.endswith("\n") or not body else "\n") + head


@pytest.fixture
def contract_file(tmp_path: Path) -> Callable[..., Path]:
    """Write a contract made of `body` plus the required keys; return its path."""
    count = 0

    def write(body: str, name: str | None = None) -> Path:
        nonlocal count
        count += 1
        path = tmp_path / (name or f"contract{count}.yaml")
        path.write_text(contract_text(body), encoding="utf-8")
        return path

    return write


@dataclass(frozen=True)
class Run:
    code: int  # exit status
    out: str  # standard output
    err: str  # standard error


@pytest.fixture
def accord(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Run]:
    """Run `accord ARGS...` in-process; wide terminal so Rich does not wrap."""
    from accord.cli import app  # here, so tests of the library alone need no CLI

    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("NO_COLOR", "1")
    runner = CliRunner()

    def run(*args: str | Path) -> Run:
        result = runner.invoke(app, [str(a) for a in args])
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


LINT_DAY = date(2026, 1, 15)  # lint rules that look ahead count years from this day


@pytest.fixture
def lint(contract_file: Callable[..., Path]) -> Callable[..., list[Problem]]:
    """Lint a contract made of `body`; with `code`, only that rule's findings."""

    def run(body: str, code: str | None = None) -> list[Problem]:
        found = lint_contract(check_contract(contract_file(body)), today=LINT_DAY)
        return [f for f in found if code is None or f.code == code]

    return run
