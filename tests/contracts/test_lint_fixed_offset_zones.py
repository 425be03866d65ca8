"""A403: business hours on GMT/UTC/EST are not local hours where summer time is kept."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from accord.problems import Problem


def calendar(zone: str, hours: str = "{daily: ['09:00-17:00']}") -> str:
    return f"calendars:\n  support:\n    zone: {zone}\n    hours: {hours}\n"


@pytest.mark.parametrize(
    ("zone", "hours", "finding"),
    [
        ("GMT", "{daily: ['09:00-17:00']}", True),
        ("Etc/GMT", "{daily: ['09:00-17:00']}", True),
        ("UTC", "{mon-fri: ['09:00-17:00']}", True),
        ("Etc/GMT+5", "{mon-fri: ['09:00-17:00']}", True),
        ("EST", "{mon-fri: ['09:00-17:00']}", True),
        ("Europe/Dublin", "{daily: ['09:00-17:00']}", False),
        ("Asia/Tokyo", "{daily: ['09:00-17:00']}", False),  # a place, that keeps no DST
        ("HST", "{daily: ['09:00-17:00']}", False),  # Hawaii keeps no summer time either
        ("UTC", "always", False),  # open around the clock: nothing to shift
    ],
)
def test_it_finds_hours_on_a_fixed_offset(
    lint: Callable[..., list[Problem]], zone: str, hours: str, finding: bool
) -> None:
    found = lint(calendar(zone, hours), "A403")
    assert len(found) == finding
    if finding:
        assert (found[0].path, found[0].line, found[0].column) == ("calendars.support.zone", 3, 11)
        assert f"is on {zone!r}, a fixed offset that never moves to summer time" in (
            found[0].message
        )


def test_it_names_the_contract_zone_that_keeps_summer_time(
    lint: Callable[..., list[Problem]],
) -> None:
    [finding] = lint("zone: Europe/Dublin\n" + calendar("Etc/GMT"), "A403")
    assert "the contract's own zone 'Europe/Dublin' does" in finding.message
    assert "'Europe/Dublin' (Ireland)" in finding.message


def test_it_suggests_new_york_for_est(lint: Callable[..., list[Problem]]) -> None:
    [finding] = lint(calendar("EST"), "A403")
    assert "use 'America/New_York'" in finding.message


@pytest.mark.parametrize(("zone", "finding"), [("UTC", True), ("Europe/London", False)])
def test_it_finds_maintenance_windows_on_a_fixed_offset(
    lint: Callable[..., list[Problem]], zone: str, finding: bool
) -> None:
    body = f"maintenance:\n  zone: {zone}\n  windows: ['sat 22:00 - sun 04:00']\n"
    found = lint(body, "A403")
    assert [f.path for f in found] == (["maintenance.zone"] if finding else [])
