"""`accord maintenance check`: the answer, the exit status, one line for bad options."""

from __future__ import annotations

import json

import pytest

from .runner import accord, contract

ETHNIO = contract("ethnio")
NOW = ["--now", "2026-10-01T00:00Z"]


def test_a_plan_inside_the_window_is_accepted_with_exit_0() -> None:
    result = accord("maintenance", "check", ETHNIO, "--start", "2026-10-09T20:00",
                     "--lasts", "4h", *NOW)  # fmt: skip
    assert result.code == 0
    assert "2026-10: cap 24 h, 4 h used, 20 h left" in result.out
    assert "accepted" in result.out


def test_a_plan_outside_the_window_is_refused_with_the_reason_and_exit_4() -> None:
    result = accord("maintenance", "check", ETHNIO, "--start", "2026-10-14T10:00",
                     "--lasts", "2h", *NOW, "--format", "json")  # fmt: skip
    assert result.code == 4
    answer = json.loads(result.out)
    assert answer["accepted"] is False
    assert answer["reasons"][0] == "2 h outside the contract's allowed windows"
    assert answer["windows"][0]["start"] == "2026-10-14T17:00:00Z"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--lasts", "4x"], "error: --lasts: unknown unit 'x'"),
        (["--lasts", "4h", "--rrule", "FREQ=NOPE"], "error: --rrule: invalid 'FREQ': NOPE"),
        (["--lasts", "0m"], "error: --lasts: expected an elapsed length such as 4h"),
    ],
)
def test_a_bad_option_gets_one_line_naming_it(options: list[str], message: str) -> None:
    result = accord("maintenance", "check", ETHNIO, "--start", "2026-10-09T20:00", *options)
    assert result.code == 1
    assert result.err.splitlines() == [result.err.splitlines()[0]]
    assert result.err.startswith(message)
