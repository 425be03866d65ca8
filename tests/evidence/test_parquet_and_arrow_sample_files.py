"""Parquet and Arrow IPC sample files: the same samples, and so the same figures, as CSV
and JSON Lines; a wrong file refused at its row, on one line."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given

from accord.domain.evidence import Evidence, Samples
from accord.evidence import EvidenceInvalid, read_evidence, write_evidence
from hypothesis_budget import examples

from .evidence_strategies import same, samples

SUFFIXES = [".parquet", ".arrow", ".feather", ".ipc"]


@pytest.mark.parametrize("suffix", SUFFIXES)
@examples(40)
@given(s=samples())
def test_a_columnar_sample_file_reads_back_the_same(suffix: str, s: Samples) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"samples{suffix}"
        write_evidence(Evidence(samples=s), path)
        assert same(read_evidence(path), Evidence(samples=s))


@examples(40)
@given(s=samples())
def test_parquet_csv_and_json_lines_give_the_same_samples(s: Samples) -> None:
    with tempfile.TemporaryDirectory() as folder:
        read = []
        for suffix in (".parquet", ".csv", ".jsonl"):
            path = Path(folder) / f"samples{suffix}"
            write_evidence(Evidence(samples=s), path)
            read.append(read_evidence(path))
        assert same(read[0], read[1]) and same(read[0], read[2])


def test_a_document_may_keep_its_samples_in_parquet_beside_it(tmp_path: Path) -> None:
    written = Evidence(samples=_samples(["2026-10-01T00:00:00Z", "2026-10-01T00:01:00Z"]))
    write_evidence(written, tmp_path / "evidence.json", inline_up_to=0, beside=".parquet")
    assert (tmp_path / "evidence.samples.parquet").exists()
    assert same(read_evidence(tmp_path / "evidence.json"), written)


def test_timestamps_of_any_unit_are_read_to_the_second(tmp_path: Path) -> None:
    at = pa.array([1_790_812_800_999, -1], pa.timestamp("ms", "Europe/Paris"))
    path = tmp_path / "samples.parquet"
    pq.write_table(pa.table({"at": at, "ok": [True, False]}), path)
    assert read_evidence(path).samples.at.tolist() == [1_790_812_800, -1]


def test_text_instants_are_read_as_in_csv(tmp_path: Path) -> None:
    path = tmp_path / "samples.parquet"
    texts = ["2026-10-01T02:00:00+02:00", "2026-10-01T00:00:30.5Z"]
    pq.write_table(pa.table({"at": texts, "ok": [True, True], "scope": ["a", None]}), path)
    read = read_evidence(path).samples
    assert read.at.tolist() == [1_790_812_800, 1_790_812_830]
    assert read.scopes == ("", "a") and read.scope.tolist() == [1, 0]


@pytest.mark.parametrize(
    ("columns", "message"),
    [
        ({"at": ["2026-10-01T00:00:00Z"], "ok": [True], "colour": ["red"]},
         "samples.parquet:1:1: colour: column 'colour' is not a sample field"),
        ({"at": pa.array([0], pa.timestamp("ms")), "ok": [True]},
         "samples.parquet:1:1: at: expected a timestamp with a time zone, or text, "
         "got timestamp[ms] without a time zone"),
        ({"at": ["2026-10-01T00:00:00Z"], "ok": [1]},
         "samples.parquet:1:1: ok: expected booleans, got int64"),
        ({"at": ["2026-10-01T00:00:00Z", None], "ok": [True, True]},
         "samples.parquet:2:1: at: missing"),
        ({"at": ["2026-10-01T00:00:00Z", "2026-10-01T00:00:00"], "ok": [True, True]},
         "samples.parquet:2:1: at: '2026-10-01T00:00:00' has no UTC offset"),
        ({"at": ["2026-10-01T00:00:00Z"] * 3, "ok": [True] * 3, "response_ms": [1.0, 2, -3]},
         "samples.parquet:3:1: response_ms: expected a number of milliseconds >= 0, got -3.0"),
        ({"ok": [True]}, "samples.parquet:1:1: the file has no 'at' column"),
    ],
)  # fmt: skip
def test_a_wrong_parquet_file_is_refused_at_its_row(
    tmp_path: Path, columns: dict[str, object], message: str
) -> None:
    path = tmp_path / "samples.parquet"
    pq.write_table(pa.table(columns), path)
    with pytest.raises(EvidenceInvalid) as error:
        read_evidence(path, shown_as="samples.parquet")
    assert str(error.value).startswith(message)
    assert all(len(str(p).splitlines()) == 1 for p in error.value.problems)


@pytest.mark.parametrize("suffix", [".parquet", ".arrow"])
def test_a_file_that_is_not_columnar_is_refused_on_one_line(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"samples{suffix}"
    path.write_text("at,ok\n2026-10-01T00:00:00Z,true\n")
    with pytest.raises(EvidenceInvalid) as error:
        read_evidence(path, shown_as=path.name)
    [problem] = error.value.problems
    assert str(problem).startswith(f"{path.name}:1:1: cannot read as ")
    assert len(str(problem).splitlines()) == 1


def _samples(texts: list[str]) -> Samples:
    import numpy as np

    at = [int(datetime.fromisoformat(t).astimezone(UTC).timestamp()) for t in texts]
    n = len(at)
    return Samples(
        at=np.array(at, np.int64), ok=np.ones(n, np.bool_), scope=np.zeros(n, np.int32),
        location=np.zeros(n, np.int32), monitor=np.zeros(n, np.int32),
        response_ms=np.full(n, np.nan),
    )  # fmt: skip
