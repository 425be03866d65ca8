"""A106: a cap on credits lower than a credit the contract promises."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from accord.problems import Problem


@pytest.mark.parametrize(
    ("credit", "cap", "over"),
    [
        ("{kind: tiered, tiers: [{range: '[0, 99)', percent: 60}]}", 50, "60 %"),
        ("{kind: tiered, tiers: [{range: '[0, 99)', percent: 50}]}", 50, None),
        ("{kind: flat, percent: 25}", 15, "25 %"),
        ("{kind: flat, percent: 15}", 15, None),
        # a linear credit grows step by step: the cap is where it stops, not a conflict
        ("{kind: linear, percent: 10, of: downtime}", 5, None),
    ],
)
def test_it_finds_a_credit_above_the_cap(
    lint: Callable[..., list[Problem]], credit: str, cap: int, over: str | None
) -> None:
    body = (f"availability:\n  - id: up\n    target: 99\n    credit: {credit}\n"
            f"credits:\n  cap_percent: {cap}\n")  # fmt: skip
    found = lint(body, "A106")
    if over is None:
        assert found == []
    else:
        [finding] = found
        assert finding.path == "credits.cap_percent"
        assert (finding.line, finding.column) == (6, 16)
        assert f"the cap of {cap} % is below the {over} that 'up' promises" in finding.message


def test_there_is_no_conflict_without_a_cap(lint: Callable[..., list[Problem]]) -> None:
    body = "availability:\n  - id: up\n    target: 99\n    credit: {kind: flat, percent: 90}\n"
    assert lint(body, "A106") == []
