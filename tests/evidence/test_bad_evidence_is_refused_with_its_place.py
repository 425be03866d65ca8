from __future__ import annotations

from pathlib import Path

import pytest

from accord.evidence import EvidenceInvalid, read_evidence

S = '{"at": "2026-10-01T00:00:00Z", "ok": true}'

# (document, where, what): the problem reads '<file>:<where> <what>...'.
CASES = [
    ('{"samples": [\n' + S + ',\n{"at": "2026-10-01 00:01:00", "ok": true}]}',
     "3:8: samples[1].at:", "has no UTC offset"),
    ('{"samples": [\n{"at": "2026-02-30T00:00:00Z", "ok": true}]}',
     "2:8: samples[0].at:", "not a real time"),
    ('{"samples": [\n{"at": "yesterday", "ok": true}]}', "2:8: samples[0].at:", "'yesterday'"),
    ('{"samples": [\n{"at": "2026-10-01T00:00:00Z", "ok": "yes"}]}',
     "2:38: samples[0].ok:", "expected true or false, got 'yes'"),
    ('{"samples": [\n{"at": "2026-10-01T00:00:00Z", "ok": 1}]}',
     "2:38: samples[0].ok:", "got 1"),
    ('{"samples": [\n{"at": "2026-10-01T00:00:00Z"}]}', "2:1: samples[0].ok:", "missing"),
    ('{"samples": [' + S + ', {"at": "2026-10-01T00:00:00Z", "ok": true, "colour": "red"}]}',
     "1:111: samples[1].colour:", "unknown field 'colour'"),
    ('{"outages": [{"start": "2026-10-01T10:00:00Z",\n "end": "2026-10-01T09:00:00Z"}]}',
     "2:9: outages[0].end:", "is not after the start"),
    ('{"outages": [{"start": "2026-10-01T10:00:00Z", "end": "2026-10-01T10:00:00Z"}]}',
     "outages[0].end:", "is not after the start"),
    ('{"outages": [{"start": "2026-10-01T10:00:00Z", "end": "2026-10-01T11:00:00Z",\n'
     ' "cause": "aliens"}]}', "2:11: outages[0].cause:", "got 'aliens'"),
    ('{"outages": [{"end": "2026-10-01T11:00:00Z"}]}', "1:14: outages[0]:",
     "missing field 'start'"),
    ('{"maintenance": [{"start": "2026-10-01T10:00:00Z", "end": "2026-10-01T11:00:00Z",'
     ' "announced_at": "2026-10-01"}]}', "1:99: maintenance[0].announced_at:", "got '2026-10-01'"),
    ('{"tickets": [{"id": "T", "severity": "1", "opened_at": "2026-10-01T10:00:00Z",\n'
     ' "events": [{"at": "2026-10-01T11:00:00Z", "type": "replied"}]}]}',
     "2:52: tickets[0].events[0].type:", "got 'replied'"),
    ('{"tickets": [{"id": "T", "severity": "1", "opened_at": "2026-10-01T10:00:00Z",\n'
     ' "events": [{"at": "2026-10-01T09:00:00Z", "type": "update"}]}]}',
     "2:20: tickets[0].events[0].at:", "before the ticket's opened_at"),
    ('{"metrics": [{"name": "x", "at": "2026-10-01T10:00:00Z", "value": "fast"}]}',
     "metrics[0].value:", "expected a number, got 'fast'"),
    ('{"fees": {"currency": "USD", "monthly": -1}}', "1:41: fees.monthly:", "number >= 0"),
    ('{"fees": {"currency": "USD", "currency": "EUR"}}', "1:30: fees.currency:",
     "given more than once"),
    ('{"samples": [{"at": "2026-10-01T00:00:00Z", "ok": true, "scope": "a\\u0000b"}]}',
     "samples[0].scope:", "a NUL character is not allowed"),
    ('{"outages": [{"start": "2026-10-01T10:00:00Z", "end": "2026-10-01T11:00:00Z",'
     ' "scope": "a\\u0000b"}]}', "outages[0].scope:", "a NUL character is not allowed"),
    ('{"plan": "gold", "colour": 1}', "1:18: colour:", "unknown field 'colour'"),
    ('{"first_order_at": 20260901}', "1:20: first_order_at:", "got 20260901"),
    ('{"samples": "probes.txt"}', "1:13: samples:", "a sample file ends in"),
    ('{"samples": ["gone.csv"]}', "1:14: samples[0]:", "no sample file 'gone.csv'"),
    ('{"samples": [1]}', "1:14: samples[0]:", "a sample is an object"),
    ('{"samples": {"at": 1}}', "1:13: samples:", "expected a list"),
    ("[]", "1:1:", "expected an object"),
    ('{"plan": "gold",}', "1:17:", "not valid JSON"),
    ("", "1:1:", "not valid JSON"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "where", "what"), CASES)
def test_a_problem_names_the_file_line_field_and_value(
    tmp_path: Path, text: str, where: str, what: str
) -> None:
    path = tmp_path / "evidence.json"
    path.write_text(text)
    with pytest.raises(EvidenceInvalid) as raised:
        read_evidence(path)
    first = str(raised.value).splitlines()[0]
    assert first.startswith(f"{path}:")
    assert where in first
    assert what in first


def test_a_missing_file_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(EvidenceInvalid, match="no such file"):
        read_evidence(tmp_path / "nowhere.json")


def test_every_problem_is_listed(tmp_path: Path) -> None:
    bad = ",".join('{"at": "2026-10-01", "ok": true}' for _ in range(3))
    (tmp_path / "e.json").write_text('{"samples": [' + bad + "]}")
    with pytest.raises(EvidenceInvalid) as raised:
        read_evidence(tmp_path / "e.json")
    assert [p.path for p in raised.value.problems] == [f"samples[{i}].at" for i in range(3)]


def test_a_flood_of_problems_stops_at_fifty(tmp_path: Path) -> None:
    bad = ",".join('{"at": "2026-10-01", "ok": true}' for _ in range(500))
    (tmp_path / "e.json").write_text('{"samples": [' + bad + "]}")
    with pytest.raises(EvidenceInvalid) as raised:
        read_evidence(tmp_path / "e.json")
    assert len(raised.value.problems) == 50
    assert str(raised.value).endswith("(stopped after 50 problems)")
