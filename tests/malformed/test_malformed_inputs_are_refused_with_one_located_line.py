"""Hundreds of generated malformed inputs: each refused with a located line, never a
traceback, in bounded time (see cases.py for how they are made)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .cases import Case, all_cases
from .harness import faults, run

CASES = all_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_malformed_input_is_refused_at_its_place(case: Case, tmp_path: Path) -> None:
    outcome, folder = run(case, tmp_path)
    assert faults(case, outcome, folder) == []
