"""A108: an availability objective that is neither a benchmark nor backed by a credit."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from accord.problems import Problem


@pytest.mark.parametrize(
    ("extra", "finding"),
    [
        ("", True),
        ("    benchmark_only: true\n", False),
        ("    credit: {kind: flat, percent: 15}\n", False),
    ],
)
def test_it_asks_what_a_missed_month_costs(
    lint: Callable[..., list[Problem]], extra: str, finding: bool
) -> None:
    found = lint("availability:\n  - id: api\n    target: 98\n" + extra, "A108")
    assert len(found) == finding
    if finding:
        assert (found[0].line, found[0].column, found[0].path) == (2, 9, "availability.0.id")
        assert "'api' has no credit" in found[0].message
