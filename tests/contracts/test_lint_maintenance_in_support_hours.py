"""A501: maintenance windows that fall in the support calendar's hours."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from accord.problems import Problem


def contract(windows: str, hours: str, zone: str = "Europe/Paris") -> str:
    return (
        f"calendars:\n  support:\n    zone: Europe/Paris\n    hours: {hours}\n"
        f"maintenance:\n  zone: {zone}\n  windows: {windows}\n  monthly_cap: 6h\n  notice: 1h\n"
        "support:\n  calendar: support\n  severities: {1: {name: Critical}}\n"
    )


@pytest.mark.parametrize(
    ("windows", "hours", "zone", "overlap"),
    [
        # Letsignit: off-peak 18:00-11:00 against support 08:00-23:00.
        ("['18:00-11:00']", "{mon-fri: ['08:00-23:00']}", "Europe/Paris",
         "mon-fri 08:00-11:00, 18:00-23:00, Europe/Paris"),
        ("['fri 18:00 - mon 03:00']", "{mon-fri: ['08:00-20:00']}", "Europe/Paris",
         "fri 18:00-20:00, Europe/Paris"),
        # 22:00-02:00 in London is 23:00-03:00 in Paris all year round.
        ("['22:00-02:00']", "{daily: ['00:00-01:00']}", "Europe/London",
         "mon-sun 00:00-01:00, Europe/Paris"),
        ("['fri 18:00 - mon 03:00']", "{mon-fri: ['08:00-18:00']}", "Europe/Paris", None),
        ("['22:00-02:00']", "{daily: ['03:00-23:00']}", "Europe/London", None),
        ("['18:00-11:00']", "always", "Europe/Paris", None),
    ],
)  # fmt: skip
def test_it_finds_windows_inside_support_hours(
    lint: Callable[..., list[Problem]], windows: str, hours: str, zone: str, overlap: str | None
) -> None:
    found = lint(contract(windows, hours, zone), "A501")
    if overlap is None:
        assert found == []
    else:
        [finding] = found
        assert (finding.path, finding.line) == ("maintenance.windows", 7)
        assert f"support calendar 'support' is open ({overlap})" in finding.message


def test_windows_without_support_are_not_a_finding(lint: Callable[..., list[Problem]]) -> None:
    assert lint("maintenance: {windows: ['18:00-11:00'], monthly_cap: 6h}\n", "A501") == []
