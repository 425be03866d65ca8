from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.evidence import read_evidence

CSV = """at,ok,scope,location,response_ms
2026-10-01T00:02:00Z,true,store-12,paris,12.5
2026-10-01T02:03:00+02:00,0,store-12,oslo,

2026-10-01T00:04:00.750Z,1,,paris,7
"""
JSON_LINES = """{"at": "2026-10-01T00:05:00Z", "ok": true, "monitor": "web"}

{"at": "2026-10-01T00:06:00Z", "ok": false}
"""


def _names(table: tuple[str, ...], codes: object) -> list[str]:
    return [table[c] for c in codes]  # type: ignore[attr-defined]


def test_a_document_names_its_sample_files_next_to_it(tmp_path: Path) -> None:
    (tmp_path / "probes.csv").write_text(CSV)
    (tmp_path / "more.jsonl").write_text(JSON_LINES)
    (tmp_path / "e.json").write_text(json.dumps({"samples": [
        {"at": "2026-10-01T00:01:00Z", "ok": True}, "probes.csv", "more.jsonl"]}))  # fmt: skip
    s = read_evidence(tmp_path / "e.json").samples
    assert (s.at - s.at[0]).tolist() == [0, 60, 120, 180, 240, 300]
    assert s.ok.tolist() == [True, True, False, True, True, False]
    assert _names(s.scopes, s.scope) == ["", "store-12", "store-12", "", "", ""]
    assert _names(s.locations, s.location) == ["", "paris", "oslo", "paris", "", ""]
    assert _names(s.monitors, s.monitor) == ["", "", "", "", "web", ""]
    assert s.response_ms[1] == 12.5 and s.response_ms[4] != s.response_ms[4]


@pytest.mark.parametrize(
    ("name", "text", "count"),
    [("s.csv", CSV, 3), ("s.jsonl", JSON_LINES, 2), ("s.ndjson", JSON_LINES, 2)],
)
def test_a_sample_file_alone_is_evidence_of_samples(
    tmp_path: Path, name: str, text: str, count: int
) -> None:
    (tmp_path / name).write_text(text)
    assert len(read_evidence(tmp_path / name).samples) == count


def test_a_single_file_name_may_stand_for_all_samples(tmp_path: Path) -> None:
    (tmp_path / "probes.csv").write_text(CSV)
    (tmp_path / "e.json").write_text('{"samples": "probes.csv"}')
    assert len(read_evidence(tmp_path / "e.json").samples) == 3


def test_quoted_csv_reads_like_plain_csv(tmp_path: Path) -> None:
    (tmp_path / "plain.csv").write_text(CSV)
    (tmp_path / "quoted.csv").write_text(CSV.replace("store-12", '"store-12"'))
    plain, quoted = (read_evidence(tmp_path / n).samples for n in ("plain.csv", "quoted.csv"))
    assert plain.at.tolist() == quoted.at.tolist()
    assert plain.scopes == quoted.scopes and plain.scope.tolist() == quoted.scope.tolist()
    assert plain.ok.tolist() == quoted.ok.tolist()


def test_crlf_line_ends_are_read(tmp_path: Path) -> None:
    (tmp_path / "s.csv").write_bytes(CSV.replace("\n", "\r\n").encode())
    s = read_evidence(tmp_path / "s.csv").samples
    assert s.locations == ("", "paris", "oslo") and s.response_ms[0] == 12.5
