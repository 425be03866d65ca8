from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given

from accord.domain.evidence import Evidence
from accord.evidence import read_evidence, write_evidence
from hypothesis_budget import examples

from .evidence_strategies import evidence, same, samples


@examples(150)
@given(evidence())
def test_any_evidence_written_as_a_document_reads_back_the_same(written: Evidence) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "evidence.json"
        write_evidence(written, path)
        assert same(read_evidence(path), written)


@examples(60)
@given(evidence(max_samples=40))
def test_samples_kept_beside_the_document_read_back_the_same(written: Evidence) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "evidence.json"
        write_evidence(written, path, inline_up_to=0)
        assert same(read_evidence(path), written)
        assert (Path(folder) / "evidence.samples.csv").exists() == (len(written.samples) > 0)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".ndjson"])
@examples(40)
@given(s=samples())
def test_a_sample_file_reads_back_the_same(suffix: str, s: object) -> None:
    written = Evidence(samples=s)  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"samples{suffix}"
        write_evidence(written, path)
        assert same(read_evidence(path), written)


def test_a_sample_file_refuses_other_evidence(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="holds samples only"):
        write_evidence(Evidence(plan="gold"), tmp_path / "s.csv")
