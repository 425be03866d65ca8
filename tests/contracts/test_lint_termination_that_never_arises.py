"""A110: a termination right needing more missed months than the period that counts them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from accord.problems import Problem


@pytest.mark.parametrize(("missed", "within", "finding"), [(7, 6, True), (6, 6, False),
                                                          (3, 6, False)])  # fmt: skip
def test_it_finds_a_right_that_cannot_arise(
    lint: Callable[..., list[Problem]], missed: int, within: int, finding: bool
) -> None:
    body = f"credits:\n  termination: {{missed_months: {missed}, within_months: {within}}}\n"
    found = lint(body, "A110")
    assert len(found) == finding
    if finding:
        assert found[0].path == "credits.termination.missed_months"
        assert f"{missed} missed months can never fit in {within}" in found[0].message
