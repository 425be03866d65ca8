"""Shared: the example contracts and a plan checked against one of them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from accord.contracts.loader import LoadedContract, load_contract
from accord.services.maintenance_plan import MaintenanceCheck, check_plan, occurrences

EXAMPLES = Path(__file__).parents[3] / "examples" / "contracts"
NOW = datetime(2026, 10, 1, tzinfo=UTC)
LA = "America/Los_Angeles"


def example(name: str) -> LoadedContract:
    return load_contract(EXAMPLES / f"{name}.yaml")


def plan(
    contract: LoadedContract,
    local_start: datetime,
    hours: float,
    rule: str | None = None,
    zone: str = LA,
    now: datetime = NOW,
) -> MaintenanceCheck:
    windows = occurrences(local_start, timedelta(hours=hours), rule, zone)
    return check_plan(contract, windows, now)
