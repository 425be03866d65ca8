"""`accord evaluate` on an empty export or a wrong month certifies nothing: the objective
is no data, the JSON says `met: null`, and the findings say why."""

from __future__ import annotations

import json
from pathlib import Path

from .runner import NOW, accord, contract


def test_an_empty_document_gives_no_data_and_no_credit(tmp_path: Path) -> None:
    empty = tmp_path / "e.json"
    empty.write_text("{}\n")
    run = accord("evaluate", contract("ethnio"), "--evidence", str(empty), "--period", "2026-10",
                 "--now", NOW, "--format", "json")  # fmt: skip
    assert run.code == 0, run.err
    statement = json.loads(run.out)
    [uptime] = statement["availability"]
    assert uptime["achieved_percent"] is None and uptime["met"] is None
    assert statement["credit_total"]["amount"] is None
    kinds = {f["kind"] for f in statement["findings"]}
    assert {"no_data", "credit_undecided"} <= kinds


def test_simulate_on_empty_evidence_says_before_is_no_data(tmp_path: Path) -> None:
    empty = tmp_path / "e.json"
    empty.write_text("{}\n")
    run = accord("simulate", contract("ethnio"), "--evidence", str(empty), "--period", "2026-10",
                 "--add-outage", "2026-10-14T08:00/2026-10-14T20:00", "--now", NOW)  # fmt: skip
    assert run.code == 0, run.err
    text = " ".join(run.out.split())
    assert "Before: uptime: no evidence in 2026-10" in text
    assert "After: uptime: judged from the outage and maintenance records alone" in text
