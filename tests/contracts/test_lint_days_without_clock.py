"""A302 and A304: days need a clock; business days must not be given the calendar clock."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from accord.problems import Problem

SUPPORT = """\
calendars:
  office: {{zone: America/Los_Angeles, hours: {{mon-fri: ['06:00-18:00']}}}}
support:
  calendar: office
  severities:
    3:
      name: Low
      {metric}: {{{key}: {value}{extra}}}
"""


@pytest.mark.parametrize(
    ("metric", "key", "value", "extra", "finding"),
    [
        ("periodic_update", "every", "2 days", "", True),
        ("resolution", "within", "1 week", "", True),
        ("resolution", "within", "1-2 days", ", bound: upper", True),
        ("periodic_update", "every", "2 days", ", clock: calendar", False),
        ("periodic_update", "every", "2 days", ", clock: business", False),
        ("resolution", "within", "5 business days", "", False),
        ("resolution", "within", "36h", "", False),
    ],
)
def test_it_asks_whether_days_are_elapsed_or_business_days(
    lint: Callable[..., list[Problem]],
    metric: str,
    key: str,
    value: str,
    extra: str,
    finding: bool,
) -> None:
    found = lint(SUPPORT.format(metric=metric, key=key, value=value, extra=extra), "A302")
    assert len(found) == finding
    if finding:
        assert found[0].path == f"support.severities.3.{metric}.{key}"
        assert found[0].message.startswith(f"{value} with no clock: elapsed days")


@pytest.mark.parametrize(("clock", "finding"), [("calendar", True), ("business", False)])
def test_it_finds_business_days_on_the_calendar_clock(
    lint: Callable[..., list[Problem]], clock: str, finding: bool
) -> None:
    body = SUPPORT.format(
        metric="resolution", key="within", value="5 business days", extra=f", clock: {clock}"
    )
    found = lint(body, "A304")
    assert len(found) == finding
    if finding:
        assert found[0].path == "support.severities.3.resolution.clock"
