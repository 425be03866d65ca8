"""A calendar that cannot be built is reported at its line by every command that loads it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .runner import accord, evidence

CONTRACT = """\
id: demo
title: Demo SLA
provider: Demo Ltd
version: "1.0"
effective_from: 2026-01-01
zone: Europe/Paris
calendars:
  office:
    zone: Europe/Paris
    hours: always
    holidays:
      - {name: Boxing Day, rule: day after Xmas}
"""


@pytest.mark.parametrize(
    "command",
    [
        ["evaluate", "CONTRACT", "--evidence", evidence("ethnio"), "--period", "2026-10"],
        ["calendar", "due", "CONTRACT", "--from", "2026-11-25T20:00Z", "--add", "1h"],
        ["calendar", "holidays", "CONTRACT", "--year", "2026"],
    ],
)
def test_a_holiday_counted_from_a_missing_holiday_names_file_line_and_key(
    tmp_path: Path, command: list[str]
) -> None:
    file = tmp_path / "demo.yaml"
    file.write_text(CONTRACT, encoding="utf-8")
    run = accord(*[str(file) if arg == "CONTRACT" else arg for arg in command])
    assert run.code == 1
    [line] = run.err.splitlines()
    where = re.escape(f"{file}:12:") + r"\d+: calendars\.office\.holidays\.0\.rule: "
    assert re.match(where, line), line
    assert "no holiday named 'Xmas' to count from" in line
