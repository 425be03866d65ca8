"""Request counts per interval: inline, from CSV and JSON Lines files, errors or good."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.evidence import EvidenceInvalid, read_evidence

CSV = """at,total,errors,scope
2026-10-01T00:05:00Z,1000,3,eu
2026-10-01T02:10:00+02:00,500,0,
"""
JSON_LINES = """{"at": "2026-10-01T00:15:00Z", "total": 10, "good": 9, "scope": "us"}

{"at": "2026-10-01T00:20:00Z", "total": 0, "errors": 0}
"""


def test_rows_come_inline_and_from_csv_and_json_lines(tmp_path: Path) -> None:
    (tmp_path / "counts.csv").write_text(CSV)
    (tmp_path / "more.jsonl").write_text(JSON_LINES)
    inline = {"at": "2026-10-01T00:00:00Z", "total": 20, "errors": 1}
    (tmp_path / "e.json").write_text(json.dumps({"requests": [inline, "counts.csv", "more.jsonl"]}))
    r = read_evidence(tmp_path / "e.json").requests
    assert (r.at - r.at[0]).tolist() == [0, 300, 600, 900, 1200]
    assert r.total.tolist() == [20, 1000, 500, 10, 0]
    assert r.errors.tolist() == [1, 3, 0, 1, 0]  # 'good' 9 of 10: one error
    assert [r.scopes[c] for c in r.scope] == ["", "eu", "", "us", ""]


def test_facts_are_read_by_name(tmp_path: Path) -> None:
    (tmp_path / "e.json").write_text(json.dumps({"facts": {"zones": 2, "multi_az": True}}))
    assert read_evidence(tmp_path / "e.json").facts == {"zones": 2.0, "multi_az": True}


@pytest.mark.parametrize(
    ("row", "where"),
    [
        ({"at": "2026-10-01T00:00:00Z", "total": 5, "errors": 6}, "requests[0].errors"),
        ({"at": "2026-10-01T00:00:00Z", "total": 5}, "requests[0]"),
        ({"at": "2026-10-01T00:00:00Z", "total": 5, "errors": 1, "good": 4}, "requests[0]"),
        ({"at": "2026-10-01T00:00:00Z", "total": -1, "errors": 0}, "requests[0].total"),
        ({"at": "yesterday", "total": 1, "errors": 0}, "requests[0].at"),
        ({"at": "2026-10-01T00:00:00Z", "total": 1, "errors": 0, "ok": 1}, "requests[0].ok"),
    ],
)
def test_a_bad_row_is_refused_with_its_place(tmp_path: Path, row: dict, where: str) -> None:
    (tmp_path / "e.json").write_text(json.dumps({"requests": [row]}, indent=1))
    with pytest.raises(EvidenceInvalid) as caught:
        read_evidence(tmp_path / "e.json")
    assert f": {where}: " in str(caught.value)
    assert "e.json:" in str(caught.value)


def test_a_bad_csv_row_names_its_line_and_column(tmp_path: Path) -> None:
    (tmp_path / "c.csv").write_text(
        "at,total,errors\n2026-10-01T00:00:00Z,10,1\n2026-10-01T00:05:00Z,x,1\n"
    )
    (tmp_path / "e.json").write_text(json.dumps({"requests": ["c.csv"]}))
    with pytest.raises(EvidenceInvalid) as caught:
        read_evidence(tmp_path / "e.json")
    assert "c.csv:3:2: total: expected a whole number" in str(caught.value)
