"""`accord evaluate` as tables: past 50 tickets in a month, the compliance per severity and
clock with the missed clocks counted, then one line per missed clock; `--all-rows` draws
every ticket as before. The JSON form always lists every ticket."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from accord.cli.render import CLOCKS, SUMMARY_OVER

from .runner import accord, contract

START = datetime(2029, 11, 1, tzinfo=ZoneInfo("America/Los_Angeles"))


def _evidence(folder: Path, count: int) -> str:
    rnd = random.Random(count)
    tickets = []
    for i in range(count):
        opened = START + timedelta(seconds=rnd.randrange(29 * 86_400))
        at = opened + timedelta(minutes=rnd.randrange(1, 600))
        events = [{"at": at.isoformat(), "type": "first_response"}]
        at += timedelta(minutes=rnd.randrange(5, 3000))
        events.append({"at": at.isoformat(), "type": "resolved"})
        tickets.append({"id": f"T{i:03d}", "severity": rnd.choice((1, 2, 3)),
                        "opened_at": opened.isoformat(), "events": events})  # fmt: skip
    path = folder / "evidence.json"
    path.write_text(json.dumps({"tickets": tickets}))
    return str(path)


def _evaluate(path: str, *more: str) -> str:
    run = accord("evaluate", contract("lavi-qtrac"), "--evidence", path, "--period", "2029-11",
                 "--now", "2030-01-01T00:00Z", *more)  # fmt: skip
    assert run.code == 0, run.err
    return run.out


def _missed(path: str) -> list[tuple[str, str]]:
    statement = json.loads(_evaluate(path, "--format", "json"))
    return [(t["id"], m["metric"]) for t in statement["support"]["tickets"]
            for m in t["metrics"] if m["met"] is False]  # fmt: skip


def test_many_tickets_are_summarised_with_every_missed_clock_on_a_line(tmp_path: Path) -> None:
    path = _evidence(tmp_path, SUMMARY_OVER + 30)
    out = _evaluate(path)
    missed = _missed(path)
    assert missed, "the drawn tickets miss some clocks"
    assert "Tickets opened in the month" not in out
    assert f"Missed clocks: {len(missed)} ({SUMMARY_OVER + 30} tickets opened" in out
    lines = out.split("Missed clocks:")[1].splitlines()[2:]  # after the title and heads
    assert len(lines) == len(missed)
    for line, (ticket, metric) in zip(lines, missed, strict=True):
        assert line.split()[0] == ticket and CLOCKS[metric] in line


def test_the_summary_counts_missed_clocks_per_severity_and_clock(tmp_path: Path) -> None:
    path = _evidence(tmp_path, SUMMARY_OVER + 30)
    statement = json.loads(_evaluate(path, "--format", "json"))
    out = _evaluate(path)
    header = next(line for line in out.splitlines() if line.startswith("Sev"))
    assert header.split()[:5] == ["Sev", "Clock", "Tickets", "Met", "Missed"]
    missed = {(r["severity"], r["metric"]): r["tickets"] - r["tickets_met"]
              for r in statement["support"]["compliance"] if r["tickets"]}  # fmt: skip
    assert sum(missed.values()) == len(_missed(path))


def test_all_rows_draws_every_ticket(tmp_path: Path) -> None:
    path = _evidence(tmp_path, SUMMARY_OVER + 30)
    out = _evaluate(path, "--all-rows")
    assert "Tickets opened in the month" in out and "Missed clocks" not in out
    assert all(f"T{i:03d}" in out for i in range(SUMMARY_OVER + 30))


def test_a_month_of_few_tickets_draws_every_ticket_without_the_flag(tmp_path: Path) -> None:
    path = _evidence(tmp_path, SUMMARY_OVER)
    out = _evaluate(path)
    assert out == _evaluate(path, "--all-rows")
    assert "Tickets opened in the month" in out and "Missed clocks" not in out
