"""Bad files exit 1, bad options 2; one line per problem, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from .runner import NOW, accord, contract, evidence


def test_an_invalid_contract_names_file_line_and_key(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    text = Path(contract("ethnio")).read_text().replace("target: 99.95%", "target: 199%")
    bad.write_text(text)
    run = accord("evaluate", str(bad), "--evidence", evidence("ethnio"), "--period", "2026-10")
    assert run.code == 1
    [line] = run.err.splitlines()
    assert line.startswith(f"{bad}:") and "199" in line


def test_invalid_evidence_names_file_line_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"outages": [{"start": "2026-10-03T08:00:00Z", "end": "soon"}]}\n')
    run = accord("evaluate", contract("infopromo"), "--evidence", str(bad), "--period", "2026-10")
    assert run.code == 1
    [line] = run.err.splitlines()
    assert str(bad) in line and "outages[0].end" in line and "soon" in line


def test_a_missing_evidence_file_is_one_line() -> None:
    run = accord("evaluate", contract("infopromo"), "--evidence", "nowhere.json",
                 "--period", "2026-10")  # fmt: skip
    assert (run.code, run.err.count("\n")) == (1, 1)
    assert "nowhere.json" in run.err


@pytest.mark.parametrize(
    ("option", "value", "words"),
    [
        ("--period", "2026-13", "YYYY-MM"),
        ("--period", "2026-10..2026-05", "backwards"),
        ("--now", "tomorrow", "ISO 8601"),
        ("--plan", "gold", "unknown plan 'gold'"),
    ],
)
def test_a_bad_option_value_exits_2_with_one_line(option: str, value: str, words: str) -> None:
    run = accord("evaluate", contract("infopromo"), "--evidence", evidence("infopromo"),
                 "--period", "2026-10", option, value)  # fmt: skip
    assert run.code == 2
    [line] = run.err.splitlines()
    assert words in line


@pytest.mark.parametrize(
    ("spec", "words"),
    [
        ("2026-10-14T08:00", "no '/'"),
        ("2026-10-14T20:00/2026-10-14T08:00", "not after the start"),
        ("yesterday/today", "START/END"),
        ("2026-10-14T08:00/2026-10-14T20:00@", "names no scope"),
        ("2026-10-14T08:00/2026-10-14T20:00@store-99", "unknown scope 'store-99'"),
    ],
)
def test_a_bad_outage_spec_exits_2_with_one_line(spec: str, words: str) -> None:
    run = accord("simulate", contract("lavi-qtrac"), "--evidence", evidence("lavi-qtrac"),
                 "--period", "2026-10", "--now", NOW, "--add-outage", spec)  # fmt: skip
    assert run.code == 2
    [line] = run.err.splitlines()
    assert words in line


def test_simulate_takes_one_month() -> None:
    run = accord("simulate", contract("lavi-qtrac"), "--evidence", evidence("lavi-qtrac"),
                 "--period", "2026-09..2026-10", "--add-outage",
                 "2026-10-14T08:00/2026-10-14T20:00")  # fmt: skip
    assert run.code == 2
    assert "one month" in run.err
