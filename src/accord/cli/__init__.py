"""The `accord` command: parse, call a service, render. No logic of its own."""

from __future__ import annotations

import typer

from accord.cli import calendar, contract, db, evaluate

app = typer.Typer(
    name="accord",
    help="Service level agreements as executable, measured commitments.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(contract.app, name="contract")
app.add_typer(calendar.app, name="calendar")
app.add_typer(db.app, name="db")
evaluate.register(app)


def main() -> None:
    app()
