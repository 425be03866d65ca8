"""Run `accord` in-process for the CLI tests; a traceback fails the test."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from accord.cli import app

EXAMPLES = Path(__file__).parents[2] / "examples"
NOW = "2026-11-20T09:00"  # after every example month, before Lavi's claim deadline


@dataclass(frozen=True)
class Run:
    code: int  # exit status
    out: str  # standard output
    err: str  # standard error


def accord(*args: str) -> Run:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "100", "NO_COLOR": "1"})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


def contract(name: str) -> str:
    return str(EXAMPLES / "contracts" / f"{name}.yaml")


def evidence(name: str) -> str:
    return str(EXAMPLES / "evidence" / f"{name}.json")
