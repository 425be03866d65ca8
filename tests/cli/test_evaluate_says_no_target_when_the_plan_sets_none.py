"""Infopromo's targets are per plan: without a known plan the result is 'no target'."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .runner import NOW, accord, contract

# A month judged in full: nothing is missing but the target.
OUTAGE = '{"start": "2026-10-10T10:00:00Z", "end": "2026-10-10T11:00:00Z"}'


@pytest.mark.parametrize(
    ("plan", "finding"),
    [('"plan": "gold", ', "uptime: no target for plan 'gold'."),
     ("", "uptime: no target without a plan.")],
)  # fmt: skip
def test_an_achieved_figure_without_a_target_says_no_target(
    tmp_path: Path, plan: str, finding: str
) -> None:
    evidence = tmp_path / "evidence.json"
    evidence.write_text(f'{{{plan}"outages": [{OUTAGE}]}}\n', encoding="utf-8")
    args = ["evaluate", contract("infopromo"), "--evidence", str(evidence),
            "--period", "2026-10", "--now", NOW]  # fmt: skip
    table = accord(*args)
    assert table.code == 0, table.err
    [row] = [line for line in table.out.splitlines() if line.startswith("service ")]
    assert "99.866 %" in row and row.rstrip().endswith("no target")
    assert "no data" not in row
    assert finding in table.out
    data = json.loads(accord(*args, "--format", "json").out)
    [uptime] = data["availability"]
    assert (uptime["target_percent"], uptime["met"]) == (None, None)
    assert uptime["achieved_percent"] == pytest.approx(100 * (744 - 1) / 744)  # October in UTC


def test_a_month_without_any_figure_still_says_no_data(tmp_path: Path) -> None:
    evidence = tmp_path / "evidence.json"
    evidence.write_text(
        '{"plan": "premium", "samples": [{"at": "2026-09-01T00:00:00Z", "ok": true}]}\n',
        encoding="utf-8",
    )
    run = accord("evaluate", contract("infopromo"), "--evidence", str(evidence),
                 "--period", "2026-10", "--now", NOW)  # fmt: skip
    [row] = [line for line in run.out.splitlines() if line.startswith("service ")]
    assert row.rstrip().endswith("no data")
