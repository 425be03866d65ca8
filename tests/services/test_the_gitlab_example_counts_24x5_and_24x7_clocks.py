"""GitLab Priority Support: first responses on a 24x5 week, emergencies around the clock."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from accord.domain.period import parse_months
from accord.evidence import read_evidence
from accord.services.evaluate import evaluate

from .conftest import EXAMPLES, NOW, example

LA = ZoneInfo("America/Los_Angeles")


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=LA)


# By hand, in Pacific time (no clock change between 2 and 30 November):
DUE = {
    "E-1": _at(8, 0, 20),  # Saturday 23:50 + 30 minutes, 24x7
    "H-1": _at(9, 2),  # Friday 22:00: 2 hours before the weekend, 2 more from Monday 00:00
    "M-1": _at(9, 8),  # opened Saturday: 8 hours from Monday 00:00
    "L-1": _at(5, 12),  # Wednesday 12:00 + 24 hours
}
MET = {"E-1": False, "H-1": True, "M-1": False, "L-1": True}


def test_each_first_response_is_due_where_the_coverage_says() -> None:
    gitlab = example("gitlab-support")
    evidence = read_evidence(EXAMPLES / "evidence" / "gitlab-support.json")
    [s] = evaluate(gitlab, evidence, parse_months("2026-11", gitlab.contract.zone), NOW)
    found = {}
    for ticket in s.tickets:
        [clock] = [c for c in ticket.clocks if c.metric == "first_response"]
        found[ticket.id] = (clock.due, clock.met)
    assert found == {t: (DUE[t], MET[t]) for t in DUE}
