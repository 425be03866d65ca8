"""A101 and A102: a credit table must give each achieved availability exactly one tier."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from accord.problems import Problem


def table(*tiers: str) -> str:
    rows = "".join(f"        - {{range: '{r}', percent: {p}}}\n"
                   for r, p in (t.split(" -> ") for t in tiers))  # fmt: skip
    return (
        "availability:\n  - id: up\n    target: 99.9\n"
        "    credit:\n      kind: tiered\n      tiers:\n" + rows
    )


Lint = Callable[..., list[Problem]]


@pytest.mark.parametrize(
    ("tiers", "hole", "line"),
    [
        (["[99.5, 99.9) -> 0", "[99.0, 99.4) -> 10"], "[99.4 %, 99.5 %)", 7),
        (["[99.5, 99.9) -> 0", "[99.0, 99.5) -> 10", "[90, 98) -> 50"], "[98 %, 99 %)", 8),
        (["[99.5, 99.9) -> 0", "(, 99.5) -> 10"], None, None),
        (["[99.5, 99.9) -> 0", "[99.0, 99.5) -> 10"], None, None),
    ],
)
def test_it_finds_a_range_that_no_tier_covers(
    lint: Lint, tiers: list[str], hole: str | None, line: int | None
) -> None:
    found = lint(table(*tiers), "A101")
    if hole is None:
        assert found == []
    else:
        [finding] = found
        assert f"availability of {hole}" in finding.message
        assert finding.line == line


def test_it_finds_a_single_value_between_two_open_ends(lint: Lint) -> None:
    # '(99.5' and '99.5)' both leave out 99.5 itself.
    [finding] = lint(table("(99.5, 99.9] -> 0", "[99.0, 99.5) -> 10", "[0, 99) -> 20"), "A101")
    assert "exactly 99.5 %" in finding.message
    assert finding.path == "availability.0.credit.tiers.0.range"


@pytest.mark.parametrize(
    ("tiers", "overlap", "second"),
    [
        (["[99.5, 99.9] -> 0", "[99.4, 99.5] -> 3"], "exactly 99.5 %", 1),
        (["[99.0, 99.9] -> 0", "[99.4, 99.5) -> 3"], "[99.4 %, 99.5 %)", 1),
        (["[99.5, 99.9] -> 0", "[99.4, 99.5) -> 3"], None, None),
    ],
)
def test_it_finds_a_value_that_two_tiers_cover(
    lint: Lint, tiers: list[str], overlap: str | None, second: int | None
) -> None:
    found = lint(table(*tiers), "A102")
    if overlap is None:
        assert found == []
    else:
        [finding] = found
        assert f"availability of {overlap} lies in tier" in finding.message
        assert "which credit applies?" in finding.message
        assert finding.path == f"availability.0.credit.tiers.{second}.range"
