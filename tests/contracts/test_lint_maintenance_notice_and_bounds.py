"""A502 and A503: maintenance that needs notice of no length, or has no bounds at all."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from accord.problems import Problem


@pytest.mark.parametrize(
    ("maintenance", "finding"),
    [
        ("{monthly_cap: 6h}", True),
        ("{monthly_cap: 6h, announce: [email]}", True),
        ("{monthly_cap: 6h, notice: 48h}", False),
        ("{monthly_cap: 6h, notice: 0m}", False),
        ("{monthly_cap: 6h, without_notice: excluded}", False),
    ],
)
def test_it_asks_how_long_before_the_notice_must_come(
    lint: Callable[..., list[Problem]], maintenance: str, finding: bool
) -> None:
    found = lint(f"maintenance: {maintenance}\n", "A502")
    assert len(found) == finding
    if finding:
        assert "how long before the start must the notice come?" in found[0].message


@pytest.mark.parametrize(
    ("maintenance", "finding"),
    [
        ("{as_needed: true, notice: 1h}", True),
        ("{windows: [], notice: 1h}", True),
        ("{monthly_cap: 6h, notice: 1h}", False),
        ("{windows: ['sat 22:00 - sun 04:00'], notice: 1h}", False),
    ],
)
def test_it_finds_maintenance_with_neither_window_nor_cap(
    lint: Callable[..., list[Problem]], maintenance: str, finding: bool
) -> None:
    found = lint(f"maintenance: {maintenance}\n", "A503")
    assert len(found) == finding
    if finding:
        assert (found[0].path, found[0].line, found[0].column) == ("maintenance", 1, 14)


def test_a_contract_without_maintenance_has_no_such_finding(
    lint: Callable[..., list[Problem]],
) -> None:
    assert lint("availability: []\n", "A502") + lint("availability: []\n", "A503") == []
