"""Terms the evaluation cannot count are refused by `contract check` as by `evaluate`:
exit 1, one line at the line of the term."""

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
    ("terms", "place", "words"),
    [
        ({"interval": "1 business day"}, "12:17: availability.0.measurement.interval:",
         "business days"),
        ({"interval": "0s"}, "12:17: availability.0.measurement.interval:", "at least 1s"),
        ({"interval": "0.5s"}, "12:17: availability.0.measurement.interval:", "at least 1s"),
        ({"interval": "1.5s"}, "12:17: availability.0.measurement.interval:",
         "whole number of seconds"),
        ({"cap": "2 business days"}, "15:16: maintenance.monthly_cap:", "business days"),
        ({"as_needed": "false"}, "14:14: maintenance.as_needed:", "as_needed: false"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("command", ["check", "evaluate", "simulate"])
def test_the_term_is_named_at_its_line_and_the_exit_is_1(
    tmp_path: Path, terms: dict[str, str], place: str, words: str, command: str
) -> None:
    contract = tmp_path / "small.yaml"
    fields = {"interval": "5m", "as_needed": "true", "cap": "4h"} | terms
    contract.write_text(CONTRACT.format(**fields), encoding="utf-8")
    evidence = tmp_path / "evidence.json"
    evidence.write_text(EVIDENCE, encoding="utf-8")
    extra = ["--add-outage", OUTAGE] if command == "simulate" else []
    run = (
        accord("contract", "check", str(contract))
        if command == "check"
        else accord(command, str(contract), "--evidence", str(evidence), "--period", "2026-10",
                    "--now", NOW, *extra)
    )  # fmt: skip
    assert run.code == 1
    [line] = run.err.splitlines()
    assert line.startswith(f"{contract}:{place} ") and words in line
    assert run.out == ""
