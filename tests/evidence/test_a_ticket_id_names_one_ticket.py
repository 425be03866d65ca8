"""A ticket id given twice is refused where it is repeated: it would be counted twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.evidence import EvidenceInvalid, read_evidence


def _ticket(ticket_id: str) -> str:
    return f'{{"id": {ticket_id}, "severity": "1", "opened_at": "2026-10-01T10:00:00Z"}}'


def test_a_repeated_id_names_its_line_column_and_the_first_ticket(tmp_path: Path) -> None:
    path = tmp_path / "evidence.json"
    lines = [_ticket('"T-1"'), _ticket('"T-2"'), _ticket('"T-3"'), _ticket('"T-1"')]
    path.write_text('{"tickets": [\n' + ",\n".join(lines) + "\n]}\n")
    with pytest.raises(EvidenceInvalid) as raised:
        read_evidence(path)
    [problem] = str(raised.value).splitlines()
    assert problem == (
        f"{path}:5:8: tickets[3].id: ticket id 'T-1' is given more than once (first at tickets[0])"
    )


def test_an_id_written_as_a_number_is_the_same_id_as_its_text(tmp_path: Path) -> None:
    path = tmp_path / "evidence.json"
    path.write_text('{"tickets": [' + _ticket("7") + ", " + _ticket('"7"') + "]}")
    with pytest.raises(EvidenceInvalid, match=r"tickets\[1\]\.id: ticket id '7'"):
        read_evidence(path)


def test_distinct_ids_are_read(tmp_path: Path) -> None:
    path = tmp_path / "evidence.json"
    path.write_text('{"tickets": [' + _ticket('"A"') + ", " + _ticket('"B"') + "]}")
    assert [t.id for t in read_evidence(path).tickets] == ["A", "B"]
