"""`accord contract lint` finds in each example the ambiguities its comments document.

Each example picks one reading of its seed and says so; where the seed itself leaves a
question open (no probe named, a credit table silent between its top and the benchmark,
hours on a fixed offset), the example keeps the seed's silence and the linter says so.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from accord.cli import app

from .seed_examples import EXAMPLES, FILES

# (code, key path) of every ambiguity an example documents in a comment at that place.
DOCUMENTED: dict[str, set[tuple[str, str]]] = {
    "letsignit.yaml": {
        ("A103", "availability.0.target"),  # the table is silent between 99.9 and 99.95
        ("A105", "availability.1.credit.tiers.1.range"),  # tiers pay above the 99 % target
    },
    "ethnio.yaml": {
        ("A201", "availability.0.id"),  # no probe or interval named
        ("A202", "performance.0.metric"),  # screener response time: sampled how?
        ("A202", "performance.1.metric"),  # connect time: sampled how?
    },
    "infopromo.yaml": {
        ("A201", "availability.0.id"),
        ("A503", "maintenance"),  # scheduled maintenance with no window or cap
        ("A202", "performance.0.metric"),
        ("A202", "performance.1.metric"),
        ("A202", "performance.2.metric"),
    },
    "istockist.yaml": {
        ("A403", "calendars.support.zone"),  # '9am to 5pm (GMT)' kept on GMT all year
        ("A108", "availability.0.id"),  # no remedy for a missed month
        ("A201", "availability.0.id"),
        ("A503", "maintenance"),
    },
    "lavi-qtrac.yaml": {
        ("A201", "availability.0.id"),  # "automated monitoring tools", not described
    },
    "aws-s3.yaml": set(),  # request counts: nothing left open
    "aws-compute.yaml": {
        ("A201", "availability.0.id"),  # AWS determines unavailability; no probe named
        ("A201", "availability.1.id"),
    },
    "slack.yaml": {
        ("A201", "availability.0.id"),  # "server monitoring software", not described
    },
    "gitlab-support.yaml": set(),
}

# Questions each example answers itself: a range's bound, a clock, a statistic, a notice
# period, tiers that meet without holes or overlaps, a quoted version.
ANSWERED = {"A101", "A102", "A104", "A106", "A107", "A109", "A110", "A203",
            "A301", "A302", "A303", "A304", "A502", "A601"}  # fmt: skip


def findings(name: str) -> set[tuple[str, str]]:
    result = CliRunner().invoke(app, ["contract", "lint", "--format", "json",
                                      str(EXAMPLES / name)])  # fmt: skip
    assert result.exit_code in (0, 1), result.stderr
    return {(row["code"], row["path"]) for row in json.loads(result.stdout)}


@pytest.mark.parametrize("name", FILES)
def test_lint_reports_each_ambiguity_the_example_documents(name: str) -> None:
    assert DOCUMENTED[name] <= findings(name)


@pytest.mark.parametrize("name", FILES)
def test_lint_finds_nothing_the_example_should_have_settled_itself(name: str) -> None:
    assert not {code for code, _ in findings(name)} & ANSWERED
