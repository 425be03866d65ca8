"""The shipped example contracts, loaded once, and a fixed `now` after every month used."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from accord.contracts.loader import LoadedContract, load_contract

EXAMPLES = Path(__file__).parents[2] / "examples"
NOW = datetime(2027, 1, 15, tzinfo=UTC)


def example(name: str) -> LoadedContract:
    return load_contract(EXAMPLES / "contracts" / f"{name}.yaml")


def month_seconds(days: int, hours_more: int = 0) -> int:
    """Seconds of a month of `days` days, plus the hour a clock change adds."""
    return days * 86400 + hours_more * 3600
