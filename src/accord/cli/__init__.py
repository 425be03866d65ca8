"""The `accord` command: parse, call a service, render. No logic of its own.

A mistake in what the user gave (a file, an option) is reported on one line where it
is; anything else is a fault of the program: one line asking for a report, exit 3, and
the traceback with `--debug` (or ACCORD_DEBUG=1).
"""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from accord.cli import calendar, contract, db, evaluate, evidence, maintenance, serve, status

INTERNAL_ERROR = 3  # a fault of the program, not of the user's input

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
app.add_typer(evidence.app, name="evidence")
app.add_typer(maintenance.app, name="maintenance")
app.add_typer(status.app, name="status")
evaluate.register(app)
serve.register(app)


@app.callback()
def _options(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of an internal error.")
    ] = False,
) -> None:
    if debug:
        os.environ["ACCORD_DEBUG"] = "1"


def main() -> None:
    try:
        app()
    except Exception as error:  # the user's mistakes were reported where they were made
        if os.environ.get("ACCORD_DEBUG") == "1":
            raise
        name = type(error).__name__
        print(
            f"internal error, please report it (run again with --debug for the details): "
            f"{name}: {error}".splitlines()[0],
            file=sys.stderr,
        )
        sys.exit(INTERNAL_ERROR)
