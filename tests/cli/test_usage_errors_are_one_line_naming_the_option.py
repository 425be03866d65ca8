"""A usage error (a bad choice, an unknown option, a missing argument) is one line of
stderr naming what is at fault, exit 2: never the framework's box of several lines."""

from __future__ import annotations

import pytest

from .runner import accord, contract, evidence


@pytest.mark.parametrize(
    ("args", "first"),
    [
        (("--format", "xml"), "error: --format: 'xml' is not one of 'table', 'json'"),
        (("--bogus", "1"), "error: --bogus: no such option"),
    ],
)
def test_a_bad_option_of_evaluate_is_one_line(args: tuple[str, ...], first: str) -> None:
    run = accord("evaluate", contract("ethnio"), "--evidence", evidence("ethnio"),
                 "--period", "2026-10", *args)  # fmt: skip
    assert run.code == 2
    assert run.err.count("\n") == 1 and run.err.startswith(first)


def test_a_missing_argument_is_one_line() -> None:
    run = accord("evaluate")
    assert (run.code, run.err) == (2, "error: CONTRACT: missing\n")


def test_an_unknown_command_is_one_line() -> None:
    run = accord("evaluat")
    assert run.code == 2 and run.err.count("\n") == 1 and run.err.startswith("error: ")
