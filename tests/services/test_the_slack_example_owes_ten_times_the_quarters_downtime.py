"""Slack: a quarter judged whole, maintenance capped at 10 hours a year, 10x credit."""

from __future__ import annotations

from accord.domain.period import parse_months
from accord.evidence import read_evidence
from accord.services.evaluate import evaluate

from .conftest import EXAMPLES, NOW, example

# Q4 2026 in Los Angeles: 92 days and the hour the clocks go back on 1 November.
QUARTER = (92 * 24 + 1) * 3600
# Outages: 90 minutes on 10 November, 20 minutes across midnight on 2-3 December.
OUTAGES = 90 * 60 + 20 * 60
# Maintenance, 10 hours a year: March's 8 announced hours leave 2 of October's 4; the
# December hour was announced 16 hours ahead, not 48: downtime.
MAINTENANCE_DOWN = 2 * 3600 + 1 * 3600
DOWN = OUTAGES + MAINTENANCE_DOWN


def test_the_quarter_earns_ten_times_its_share_of_downtime() -> None:
    slack = example("slack")
    evidence = read_evidence(EXAMPLES / "evidence" / "slack.json")
    [s] = evaluate(slack, evidence, parse_months("2026-Q4", slack.contract.zone), NOW)
    [row] = s.availability
    assert (row.period_seconds, row.downtime_seconds) == (QUARTER, DOWN)
    assert dict(row.excluded_seconds) == {"maintenance": 2 * 3600}
    assert abs(row.achieved_percent - 100 * (QUARTER - DOWN) / QUARTER) < 1e-9
    credit = round(9000 * 10 * DOWN / QUARTER, 2)  # 10x what the quarter's downtime cost
    assert [c.amount for c in s.credits] == [credit]


def test_november_shows_the_running_quarter_and_leaves_the_credit_to_december() -> None:
    slack = example("slack")
    evidence = read_evidence(EXAMPLES / "evidence" / "slack.json")
    oct_, nov, dec = evaluate(slack, evidence, parse_months("2026-10..2026-12", "UTC"), NOW)
    assert [r.window for r in nov.availability] == ["2026-Q4"]
    assert nov.credits == () and oct_.credits == ()
    assert len(dec.credits) == 1
