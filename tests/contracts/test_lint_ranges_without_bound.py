"""A301: a duration range ('5-15 min') must say which end is the promise."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from accord.problems import Problem

SUPPORT = """\
calendars:
  always: {{zone: UTC, hours: always}}
support:
  calendar: always
  severities:
    1:
      name: Critical
      {metric}: {{{key}: {value}{extra}}}
"""


@pytest.mark.parametrize(
    ("metric", "key", "value", "extra", "finding"),
    [
        ("first_response", "within", "5-15 min", "", "is the promise 5 minutes or 15 minutes?"),
        ("resolution", "within", "1-12 hours", "", "is the promise 1 hour or 12 hours?"),
        ("periodic_update", "every", "1 to 2 hours", "", "is the promise 1 hour or 2 hours?"),
        ("first_response", "within", "5-15 min", ", bound: upper", None),
        ("first_response", "within", "15 min", "", None),
    ],
)
def test_it_asks_which_end_of_a_range_is_promised(
    lint: Callable[..., list[Problem]],
    metric: str,
    key: str,
    value: str,
    extra: str,
    finding: str | None,
) -> None:
    body = SUPPORT.format(metric=metric, key=key, value=value, extra=extra)
    found = lint(body, "A301")
    if finding is None:
        assert found == []
    else:
        [problem] = found
        assert problem.path == f"support.severities.1.{metric}.{key}"
        assert (problem.line, problem.column) == (8, 8 + len(metric) + 4 + len(key))
        assert finding in problem.message


def test_it_looks_at_escalation_and_after_hours_clocks_too(
    lint: Callable[..., list[Problem]],
) -> None:
    body = SUPPORT.format(metric="first_response", key="within", value="1h", extra="") + (
        "  after_hours_messages: {within: 1-2 h}\n"
        "  escalation:\n    - {name: Manager, respond_within: {within: 1-2 days}}\n"
    )
    assert [p.path for p in lint(body, "A301")] == [
        "support.after_hours_messages.within",
        "support.escalation.0.respond_within.within",
    ]
