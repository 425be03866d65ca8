"""A109: every plan the contract defines gets a target in a per-plan objective."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from accord.problems import Problem

PLANS = "plans:\n  standard: {}\n  premium: {}\n  enterprise: {}\n"


@pytest.mark.parametrize(
    ("target", "missing"),
    [
        ("{standard: 99.9, premium: 99.95}", "'enterprise'"),
        ("{standard: 99.9}", "'premium', 'enterprise'"),
        ("{standard: 99.9, premium: 99.95, enterprise: 99.99}", None),
        ("99.9", None),
    ],
)
def test_it_finds_plans_left_without_a_target(
    lint: Callable[..., list[Problem]], target: str, missing: str | None
) -> None:
    body = PLANS + f"availability:\n  - id: up\n    target: {target}\n    benchmark_only: true\n"
    found = lint(body, "A109")
    if missing is None:
        assert found == []
    else:
        [finding] = found
        assert finding.path == "availability.0.target"
        assert f"no target for plan(s) {missing}" in finding.message
