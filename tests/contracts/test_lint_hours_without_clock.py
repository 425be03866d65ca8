"""A303: a target in hours on a calendar that is not 24/7 must say which clock it runs on."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from accord.problems import Problem

CALENDARS = """\
calendars:
  office: {zone: Europe/Paris, hours: {mon-fri: ['08:00-18:00']}}
  always: {zone: Europe/Paris, hours: always}
  always_but_christmas:
    zone: Europe/Paris
    hours: always
    holidays: [{name: Christmas, date: '12-25'}]
"""


def support(default: str, severity: str) -> str:
    return CALENDARS + (
        f"support:\n  calendar: {default}\n  severities:\n    2:\n      name: Normal\n{severity}"
    )


@pytest.mark.parametrize(
    ("default", "severity", "calendar"),
    [
        ("office", "      first_response: {within: 4h}\n", "office"),
        ("always", "      coverage: office\n      first_response: {within: 4h}\n", "office"),
        ("always", "      first_response: {within: 4h, calendar: office}\n", "office"),
        ("always_but_christmas", "      resolution: {within: 4h}\n", "always_but_christmas"),
        ("office", "      periodic_update: {every: 30m}\n", "office"),
        ("always", "      first_response: {within: 4h}\n", None),
        ("office", "      coverage: always\n      first_response: {within: 4h}\n", None),
        ("office", "      first_response: {within: 4h, clock: business}\n", None),
        ("office", "      first_response: {within: 4h, clock: calendar}\n", None),
        ("office", "      resolution: {within: 2 days}\n", None),  # A302's
    ],
)
def test_it_asks_for_business_or_elapsed_time(
    lint: Callable[..., list[Problem]], default: str, severity: str, calendar: str | None
) -> None:
    found = lint(support(default, severity), "A303")
    if calendar is None:
        assert found == []
    else:
        [finding] = found
        assert f"on calendar {calendar!r}" in finding.message
        assert "business time or elapsed time?" in finding.message


def test_it_shows_the_hours_of_the_calendar(lint: Callable[..., list[Problem]]) -> None:
    [finding] = lint(support("office", "      first_response: {within: 4h}\n"), "A303")
    assert finding.message.startswith("4h on calendar 'office' (mon-fri 08:00-18:00)")
    assert (finding.path, finding.line, finding.column) == (
        "support.severities.2.first_response.within", 13, 32)  # fmt: skip
