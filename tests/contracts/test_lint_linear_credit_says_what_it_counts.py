"""A107: 'for every 1 % of downtime' must say whether it counts downtime or shortfall."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from accord.problems import Problem


@pytest.mark.parametrize(
    ("credit", "finding"),
    [
        ("{kind: linear, percent: 10}", True),
        ("{kind: linear, percent: 10, per: 1, rounding: incremental}", True),
        ("{kind: linear, percent: 10, of: shortfall}", False),
        ("{kind: linear, percent: 10, of: downtime}", False),
        ("{kind: flat, percent: 10}", False),
    ],
)
def test_it_asks_what_a_linear_credit_counts(
    lint: Callable[..., list[Problem]], credit: str, finding: bool
) -> None:
    found = lint(f"availability:\n  - id: up\n    target: 99\n    credit: {credit}\n", "A107")
    assert len(found) == finding
    if finding:
        assert found[0].path == "availability.0.credit.kind"
        assert "`of: downtime` or `of: shortfall`" in found[0].message
