"""A105: a tier that pays credit for a month that meets the objective."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from accord.problems import Problem


def body(target: float, *tiers: str) -> str:
    rows = "".join(f"        - {{range: '{r}', percent: {p}}}\n"
                   for r, p in (t.split(" -> ") for t in tiers))  # fmt: skip
    return (f"availability:\n  - id: up\n    target: {target}\n"
            "    credit:\n      kind: tiered\n      tiers:\n" + rows)  # fmt: skip


@pytest.mark.parametrize(
    ("target", "tiers", "paying"),
    [
        # Letsignit: a 99 % guarantee, credits from 99.5 % down.
        (99, ["[99.5, 99.9] -> 0", "[99.4, 99.5) -> 3", "[99.1, 99.4) -> 6", "[0, 99.1) -> 50"],
         ["[99.4, 99.5) (3 %)", "[99.1, 99.4) (6 %)", "[0, 99.1) (50 %)"]),
        (99, ["[98, 99] -> 10", "[0, 98) -> 20"], ["[98, 99] (10 %)"]),
        (99, ["[98, 99) -> 10", "[0, 98) -> 20"], []),
        (99, ["[99, 100] -> 0", "[0, 99) -> 20"], []),
        (99.9, ["[99.5, ) -> 5", "[0, 99.5) -> 20"], ["[99.5, ) (5 %)"]),
    ],
)  # fmt: skip
def test_it_finds_credit_paid_at_or_above_the_objective(
    lint: Callable[..., list[Problem]], target: float, tiers: list[str], paying: list[str]
) -> None:
    found = lint(body(target, *tiers), "A105")
    if not paying:
        assert found == []
    else:
        [finding] = found
        assert f"availability of {target:g} % or more meets the objective" in finding.message
        assert ", ".join(paying) + " pay credit there" in finding.message
