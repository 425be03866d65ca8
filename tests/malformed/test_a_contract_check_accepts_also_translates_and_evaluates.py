"""No contract passes `contract check` and fails later: every contract check accepts (each
example, and each contract of the malformed-input suite that stays valid) translates into
the domain's terms and evaluates on evidence with nothing in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.contracts.check import check_contract
from accord.contracts.loader import ContractInvalid
from accord.domain.evidence import Evidence
from accord.domain.period import parse_months
from accord.services.evaluate import evaluate
from accord.services.terms import translate

from .cases import ICS, SAMPLES, all_cases

EXAMPLES = sorted((Path(__file__).parents[2] / "examples" / "contracts").glob("*.yaml"))
CONTRACTS = sorted(
    {
        (case.name, case.files["c.yaml"])  # type: ignore[misc]
        for case in all_cases()
        if isinstance(case.files.get("c.yaml"), str) and not case.files["c.yaml"].startswith("<")
    },
    key=lambda pair: pair[0],
)


def _passes_check_then_runs(path: Path) -> bool:
    """Whether check accepts `path`; if so, it must translate and evaluate (else raises)."""
    try:
        loaded = check_contract(path)
    except ContractInvalid:
        return False
    translate(loaded, Evidence())
    months = parse_months("2026-10", loaded.contract.zone)
    [statement] = evaluate(loaded, Evidence(), months, months[0].end)
    # Nothing given, no verdict; request counts follow the contract's `below_minimum`.
    assert all(r.met is None for r in statement.availability if r.judged_from != "requests")
    return True


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_that_checks_translates_and_evaluates(path: Path) -> None:
    assert _passes_check_then_runs(path)


def test_every_suite_contract_that_checks_translates_and_evaluates(tmp_path: Path) -> None:
    accepted = 0
    for i, (_, text) in enumerate(CONTRACTS):
        folder = tmp_path / str(i)
        folder.mkdir()
        (folder / "closed.ics").write_bytes(ICS)
        (folder / "samples.csv").write_text(SAMPLES)
        (folder / "c.yaml").write_text(text, encoding="utf-8", errors="surrogateescape")
        accepted += _passes_check_then_runs(folder / "c.yaml")
    assert accepted >= 1  # the unchanged base contract at least
