"""A quarterly objective: judged on its calendar quarter, credited once, in the quarter's
last statement; a month inside the quarter says which window it shows."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from accord.contracts.loader import LoadedContract, load_contract
from accord.domain.evidence import Evidence, Fees, Outage
from accord.domain.period import parse_months
from accord.services.evaluate import evaluate

from .conftest import NOW

CONTRACT = """\
id: chat
title: A quarterly SLA
provider: Example
version: "1"
effective_from: 2026-01-01
zone: America/Los_Angeles
availability:
  - id: uptime
    target: 99.99
    window: calendar_quarter
    credit: {kind: flat, percent: 10}
"""
# Q4 2026 in Los Angeles: 92 days and the hour the clocks go back on 1 November.
Q4_SECONDS = (92 * 24 + 1) * 3600
DOWN = 3 * 3600  # three hours on 10 November


def _loaded(tmp_path: Path) -> LoadedContract:
    path = tmp_path / "chat.yaml"
    path.write_text(CONTRACT, encoding="utf-8")
    return load_contract(path)


def _evidence() -> Evidence:
    start = datetime(2026, 11, 10, 16, tzinfo=UTC)
    return Evidence(fees=Fees("USD", 300.0), outages=(Outage(start, start.replace(hour=19)),))


def test_the_quarter_is_one_statement_with_its_credit(tmp_path: Path) -> None:
    loaded = _loaded(tmp_path)
    [s] = evaluate(loaded, _evidence(), parse_months("2026-Q4", loaded.contract.zone), NOW)
    [row] = s.availability
    assert (s.period.label, row.window, row.period_seconds) == ("2026-Q4", None, Q4_SECONDS)
    assert row.achieved_percent == 100 * (Q4_SECONDS - DOWN) / Q4_SECONDS  # 99.864 %
    assert [(c.objective, c.amount) for c in s.credits] == [("uptime", 30.0)]


def test_a_month_inside_the_quarter_shows_the_quarter_and_credits_nothing(
    tmp_path: Path,
) -> None:
    loaded = _loaded(tmp_path)
    months = parse_months("2026-10..2026-12", loaded.contract.zone)
    october, november, december = evaluate(loaded, _evidence(), months, NOW)
    for s in (october, november, december):
        assert [r.window for r in s.availability] == ["2026-Q4"]
        assert s.availability[0].downtime_seconds == DOWN
        assert any(f.kind == "window" and "2026-Q4" in f.message for f in s.findings)
    assert october.credits == () and november.credits == ()
    assert [(c.objective, c.amount) for c in december.credits] == [("uptime", 30.0)]


def test_a_quarter_of_a_monthly_contract_is_its_three_months(tmp_path: Path) -> None:
    path = tmp_path / "monthly.yaml"
    path.write_text(CONTRACT.replace("    window: calendar_quarter\n", ""), encoding="utf-8")
    loaded = load_contract(path)
    statements = evaluate(loaded, _evidence(), parse_months("2026-Q4", "UTC"), NOW)
    assert [s.period.label for s in statements] == ["2026-10", "2026-11", "2026-12"]
