"""`accord evaluate` and `accord simulate`."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Attach the top-level evaluation commands to the root app."""
