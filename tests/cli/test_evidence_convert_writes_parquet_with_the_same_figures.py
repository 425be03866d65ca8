"""`accord evidence convert`: any form in, Parquet (or another form) out, same statement."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .runner import NOW, accord

CONTRACT = """\
id: shop
title: Shop
provider: Shop Ltd
version: "1"
effective_from: 2026-01-01
zone: Europe/Paris
availability:
  - id: web
    target: 99.9%
    scope: location
    measurement: {probe: http, interval: 1m, confirmations: 2, minimum_outage: 3m}
"""


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    rows = ["at,ok,scope"]
    for minute in range(0, 31 * 24 * 60, 7):
        day, rest = divmod(minute, 24 * 60)
        ok = "false" if 600 <= rest < 640 and day % 9 == 0 else "true"
        at = f"2026-10-{day + 1:02d}T{rest // 60:02d}:{rest % 60:02d}:00Z"
        rows += [f"{at},{ok},store-1", f"{at},{'true' if day % 4 else ok},store-2"]
    (tmp_path / "samples.csv").write_text("\n".join(rows) + "\n")
    outage = {"start": "2026-10-12T08:00:00Z", "end": "2026-10-12T09:00:00Z", "scope": "store-2"}
    document = {"samples": "samples.csv", "outages": [outage]}
    (tmp_path / "evidence.json").write_text(json.dumps(document))
    (tmp_path / "contract.yaml").write_text(CONTRACT)
    return tmp_path


def statement(folder: Path, evidence: Path) -> str:
    args = ["evaluate", str(folder / "contract.yaml"), "--evidence", str(evidence)]
    run = accord(*args, "--period", "2026-10", "--format", "json", "--now", NOW)
    assert run.code == 0, run.err
    return run.out


def test_a_document_converted_to_json_and_parquet_gives_the_same_statement(shop: Path) -> None:
    run = accord("evidence", "convert", str(shop / "evidence.json"), str(shop / "out.json"))
    assert run.code == 0, run.err
    assert (shop / "out.samples.parquet").exists()
    assert "samples: wrote" in run.out
    assert statement(shop, shop / "out.json") == statement(shop, shop / "evidence.json")


@pytest.mark.parametrize("suffix", [".parquet", ".arrow", ".jsonl", ".csv"])
def test_a_sample_file_converts_to_any_sample_form_with_the_same_figures(
    shop: Path, suffix: str
) -> None:
    run = accord("evidence", "convert", str(shop / "samples.csv"), str(shop / f"s{suffix}"))
    assert run.code == 0, run.err
    (shop / "only.json").write_text(json.dumps({"samples": "samples.csv"}))
    (shop / "other.json").write_text(json.dumps({"samples": f"s{suffix}"}))
    assert statement(shop, shop / "other.json") == statement(shop, shop / "only.json")


def test_a_sample_file_cannot_hold_outages(shop: Path) -> None:
    run = accord("evidence", "convert", str(shop / "evidence.json"), str(shop / "s.parquet"))
    assert run.code == 1
    assert run.err.count("\n") == 1 and "holds samples only" in run.err


@pytest.mark.parametrize("target", ["out.txt", "evidence.json"])
def test_a_target_of_no_known_form_or_the_source_itself_is_a_usage_error(
    shop: Path, target: str
) -> None:
    run = accord("evidence", "convert", str(shop / "evidence.json"), str(shop / target))
    assert run.code == 2
    assert run.err.count("\n") == 1 and run.err.startswith("error: ")


def test_bad_evidence_is_refused_at_its_place(shop: Path) -> None:
    (shop / "bad.csv").write_text("at,ok\n2026-10-01T00:00:00Z,maybe\n")
    run = accord("evidence", "convert", str(shop / "bad.csv"), str(shop / "s.parquet"))
    assert run.code == 1
    assert "bad.csv:2:22: ok: expected true, false, 1 or 0, got 'maybe'" in run.err
    assert not (shop / "s.parquet").exists()
