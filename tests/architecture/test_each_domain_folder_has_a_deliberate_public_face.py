"""Each concept folder of the domain says what it holds and exports exactly its public names."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

import accord.domain

DOMAIN = Path(accord.domain.__file__).parent

PUBLIC = {
    "availability": {
        "AvailabilityResult", "MaintenanceRules", "MeasurementRule", "Objective", "Scanned",
        "epoch_seconds", "evaluate", "inferred_measurement", "open_time", "scanned", "spans", "utc",
    },
    "support": {
        "AfterHours", "ClockRule", "ComplianceRow", "ComplianceRule", "SeverityTerms",
        "SupportTerms", "TicketClock", "TicketResult", "allowance_end", "columns_from_tickets",
        "compliance", "compliance_many", "evaluate_many", "evaluate_tickets", "results",
    },
    "remedies": {
        "PRECISION", "ClaimDeadline", "ClaimWindow", "CreditLine", "CreditTotal", "Earned",
        "TerminationRight", "TerminationRule", "add_window", "availability_credit",
        "claim_deadlines", "credit_lines", "credit_total", "money", "performance_credit",
        "settle", "termination_right", "within",
    },
}  # fmt: skip


@pytest.mark.parametrize("folder", sorted(PUBLIC))
def test_it_exports_exactly_the_pinned_names(folder: str) -> None:
    module = importlib.import_module(f"accord.domain.{folder}")
    assert set(module.__all__) == PUBLIC[folder]
    assert all(hasattr(module, name) for name in PUBLIC[folder])


def test_every_folder_names_each_of_its_modules_in_its_docstring() -> None:
    folders = [p for p in DOMAIN.iterdir() if p.is_dir() and p.name != "__pycache__"]
    assert {f.name for f in folders} == {"availability", "calendars", "remedies", "support"}
    for folder in folders:
        doc = importlib.import_module(f"accord.domain.{folder.name}").__doc__ or ""
        modules = {p.stem for p in folder.glob("*.py")} - {"__init__"}
        missing = {m for m in modules if f"`{m}`" not in doc}
        assert not missing, f"{folder.name}/__init__ does not explain {sorted(missing)}"


def test_the_domain_top_level_stays_small() -> None:
    entries = {p.stem for p in DOMAIN.iterdir() if p.name not in {"__init__.py", "__pycache__"}}
    assert len(entries) <= 8, sorted(entries)
    doc = accord.domain.__doc__ or ""
    assert all(f"`{name}" in doc for name in entries)
