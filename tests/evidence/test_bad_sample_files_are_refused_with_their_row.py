from __future__ import annotations

from pathlib import Path

import pytest

from accord.evidence import EvidenceInvalid, read_evidence

HEADER = "at,ok,scope\n"
GOOD = "2026-10-01T00:00:00Z,true,store-1\n"

CSV_CASES = [
    (HEADER + GOOD + "2026-10-01T00:01:00,true,store-1\n", "3:1: at:", "has no UTC offset"),
    (HEADER + GOOD * 3 + "2026-10-01T00:01:00Z,yes,store-1\n", "5:22: ok:",
     "expected true, false, 1 or 0, got 'yes'"),
    (HEADER + GOOD + "2026-10-01T00:01:00Z,true\n", "3:1:", "3 fields (at,ok,scope), got 2"),
    (HEADER + GOOD + "2026-10-01T00:01:00Z,true,a,b\n", "3:1:", "got 4"),
    ("at,ok,colour\n" + GOOD, "1:7: colour:", "column 'colour' is not a sample field"),
    ("at,scope\n", "1:1:", "the header names no 'ok' column"),
    ("at,ok,at\n", "1:1: at:", "column 'at' is given twice"),
    ("at,ok,response_ms\n2026-10-01T00:00:00Z,true,fast\n", "2:27: response_ms:", "got 'fast'"),
    ("at,ok,response_ms\n2026-10-01T00:00:00Z,true,-3\n", "2:27: response_ms:", "got '-3'"),
    ("at,ok,response_ms\n2026-10-01T00:00:00Z,true,nan\n", "2:27: response_ms:", "got 'nan'"),
    ('at,ok,scope\n"2026-10-01T00:00:00",true,x\n', "2:1: at:", "has no UTC offset"),
    (HEADER + GOOD + "2026-10-01T00:01:00Z,true," + "x" * 300 + "\n", "3:1:",
     "a field longer than 256 characters"),
]  # fmt: skip


JSON_LINES_CASES = [
    ('{"at": "2026-10-01T00:00:00Z", "ok": true}\n{"at": "2026-10-01T00:00:00Z", "ok": null}\n',
     "2:38: ok:", "missing"),
    ('{"at": "2026-10-01T00:00:00Z", "ok": true}\n\n{"at": "2026-10-01", "ok": true}\n',
     "3:8: at:", "got '2026-10-01'"),
    ('{"at": "2026-10-01T00:00:00Z", "ok": true\n', "1:42:", "not valid JSON"),
    ('{"at": "2026-10-01T00:00:00Z", "ok": true, "scope": 12}\n', "1:53: scope:", "expected text"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "text", "where", "what"),
    [("samples.csv", *case) for case in CSV_CASES]
    + [("samples.jsonl", *case) for case in JSON_LINES_CASES],
)
def test_a_sample_file_problem_names_the_row_and_column(
    tmp_path: Path, name: str, text: str, where: str, what: str
) -> None:
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(EvidenceInvalid) as raised:
        read_evidence(path)
    first = str(raised.value).splitlines()[0]
    assert first.startswith(f"{path}:{where}")
    assert what in first


def test_a_problem_in_a_named_sample_file_names_that_file(tmp_path: Path) -> None:
    (tmp_path / "probes.csv").write_text(HEADER + GOOD + "2026-10-01T99:00:00Z,true,x\n")
    (tmp_path / "e.json").write_text('{"samples": ["probes.csv"]}')
    with pytest.raises(EvidenceInvalid) as raised:
        read_evidence(tmp_path / "e.json")
    assert str(raised.value).startswith(f"{tmp_path / 'probes.csv'}:3:1: at:")


def test_a_binary_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "s.csv").write_bytes(b"at,ok\n\x00\x01\x02")
    with pytest.raises(EvidenceInvalid, match="NUL"):
        read_evidence(tmp_path / "s.csv")
