"""A111: a claim window in business days has no calendar to count them on."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from accord.problems import Problem


@pytest.mark.parametrize(
    ("within", "finding"), [("5 business days", True), ("7 days", False), ("48h", False)]
)
def test_it_finds_a_claim_window_in_business_days(
    lint: Callable[..., list[Problem]], within: str, finding: bool
) -> None:
    body = f"credits:\n  requires: claim\n  claim: {{within: {within}, after: failure}}\n"
    found = lint(body, "A111")
    assert len(found) == finding
    if finding:
        assert (found[0].path, found[0].line, found[0].column) == ("credits.claim.within", 3, 19)
        assert "business days of which calendar?" in found[0].message
