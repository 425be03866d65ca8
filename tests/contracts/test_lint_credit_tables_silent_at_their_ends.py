"""A103 and A104: a credit table that stops short of the objective or has a floor."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from accord.problems import Problem

Lint = Callable[..., list[Problem]]


def objective(target: str, *tiers: str, benchmark: bool = False, name: str = "up") -> str:
    rows = "".join(f"        - {{range: '{r}', percent: {p}}}\n"
                   for r, p in (t.split(" -> ") for t in tiers))  # fmt: skip
    credit = "    credit:\n      kind: tiered\n      tiers:\n" + rows if tiers else ""
    flag = "    benchmark_only: true\n" if benchmark else ""
    return f"  - id: {name}\n    target: {target}\n{flag}{credit}"


@pytest.mark.parametrize(
    ("target", "tiers", "silent"),
    [
        ("99.95", ["[99.5, 99.9] -> 0", "[0, 99.5) -> 10"], "(99.9 %, 99.95 %)"),
        ("99.95", ["[99.5, 99.9) -> 0", "[0, 99.5) -> 10"], "[99.9 %, 99.95 %)"),
        ("99.9", ["[99.5, 99.9) -> 5", "[0, 99.5) -> 10"], None),
        ("99.9", ["[99.5, 100] -> 0", "[0, 99.5) -> 10"], None),
        ("{basic: 99, pro: 99.99}", ["[98, 99.9) -> 5", "[0, 98) -> 10"],
         "[99.9 %, 99.99 %)"),
    ],
)  # fmt: skip
def test_it_finds_misses_above_the_top_of_the_table(
    lint: Lint, target: str, tiers: list[str], silent: str | None
) -> None:
    plans = "plans: {basic: {}, pro: {}}\n" if "basic" in target else ""
    found = lint(plans + "availability:\n" + objective(target, *tiers), "A103")
    if silent is None:
        assert found == []
    else:
        [finding] = found
        assert f"a month of {silent} misses the objective" in finding.message
        assert finding.path.startswith("availability.0.target")


def test_it_finds_a_benchmark_above_another_objectives_table(lint: Lint) -> None:
    body = (
        "availability:\n"
        + objective("99.95", benchmark=True, name="aim")
        + objective("99", "[99.5, 99.9] -> 0", "[0, 99) -> 50")
    )
    [finding] = lint(body, "A103")
    assert finding.path == "availability.0.target"
    assert "the benchmark is 99.95 %" in finding.message
    assert "stops at 99.9 %" in finding.message


def test_a_benchmark_within_the_table_is_not_a_finding(lint: Lint) -> None:
    body = (
        "availability:\n"
        + objective("99.9", benchmark=True, name="aim")
        + objective("99", "[99.5, 100] -> 0", "[0, 99) -> 50")
    )
    assert lint(body, "A103") == []


@pytest.mark.parametrize(
    ("tiers", "floor"),
    [
        (["[99.0, 99.9) -> 10", "[98, 99) -> 25"], "98 %"),
        (["[99.0, 99.9) -> 10", "[0, 99) -> 25"], None),
        (["[99.0, 99.9) -> 10", "(, 99) -> 25"], None),
    ],
)
def test_it_finds_a_table_silent_below_its_lowest_tier(
    lint: Lint, tiers: list[str], floor: str | None
) -> None:
    found = lint("availability:\n" + objective("99.9", *tiers), "A104")
    if floor is None:
        assert found == []
    else:
        [finding] = found
        assert f"no tier covers availability below {floor}" in finding.message
        assert finding.path == "availability.0.credit.tiers.1.range"
