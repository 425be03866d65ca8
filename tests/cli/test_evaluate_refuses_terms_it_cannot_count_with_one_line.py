"""A contract that loads but holds terms the evaluation cannot count exits 1, one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from .runner import NOW, accord

CONTRACT = """\
id: small
title: Small SLA
provider: Small Ltd
version: "1"
effective_from: 2026-01-01
zone: Europe/Paris
availability:
  - id: uptime
    target: 99.9%
    measurement:
      probe: http
      interval: {interval}
maintenance:
  as_needed: {as_needed}
  monthly_cap: {cap}
"""
EVIDENCE = '{"fees": {"currency": "EUR", "monthly": 100}}\n'
OUTAGE = "2026-10-14T08:00/2026-10-14T09:00"


@pytest.mark.parametrize(
    ("terms", "words"),
    [
        ({"interval": "1 business day"}, "measurement.interval: '1 business day'"),
        ({"cap": "2 business days"}, "maintenance.monthly_cap: '2 business days'"),
        ({"as_needed": "false"}, "maintenance.as_needed: false"),
    ],
)
@pytest.mark.parametrize("command", ["evaluate", "simulate"])
def test_the_term_is_named_on_one_line_and_the_exit_is_1(
    tmp_path: Path, terms: dict[str, str], words: str, command: str
) -> None:
    contract = tmp_path / "small.yaml"
    fields = {"interval": "5m", "as_needed": "true", "cap": "4h"} | terms
    contract.write_text(CONTRACT.format(**fields), encoding="utf-8")
    evidence = tmp_path / "evidence.json"
    evidence.write_text(EVIDENCE, encoding="utf-8")
    check = accord("contract", "check", str(contract))
    assert check.code == 0, check.err  # the contract is valid; only the evaluation balks
    extra = ["--add-outage", OUTAGE] if command == "simulate" else []
    run = accord(command, str(contract), "--evidence", str(evidence), "--period", "2026-10",
                 "--now", NOW, *extra)  # fmt: skip
    assert run.code == 1
    [line] = run.err.splitlines()
    assert line.startswith(f"error: {contract}: ") and words in line
    assert run.out == ""
