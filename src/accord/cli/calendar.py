"""`accord calendar ...`: a contract's holidays, and deadlines counted on its calendars.

Exit status: 0 on success, 1 when the contract, the calendar or an option's value is
wrong (one line on stderr, never a traceback), 2 for a usage error (Typer's own).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from accord.cli.common import Format, fail, load_checked, parse_instant
from accord.contracts.types import parse_duration
from accord.domain.statement import local_iso
from accord.services import calendars as service

app = typer.Typer(
    help="A contract's holidays, and deadlines counted on its calendars.", no_args_is_help=True
)

ContractFile = Annotated[str, typer.Argument(metavar="CONTRACT", help="a contract file (YAML)")]
CalendarName = Annotated[
    str | None,
    typer.Option(
        "--calendar", help="calendar name [default: the support calendar]", show_default=False
    ),
]


@app.command()
def holidays(
    contract: ContractFile,
    year: Annotated[
        int | None,
        typer.Option(help="the year to list [default: this year]", show_default=False),
    ] = None,
    calendar: CalendarName = None,
    output: Annotated[
        Format, typer.Option("--format", help="a table, or a JSON array of {date, name}")
    ] = Format.table,
) -> None:
    """List a calendar's holidays in a year, in date order."""
    loaded = load_checked(contract)
    shown_year = date.today().year if year is None else year
    if not 1 <= shown_year <= 9998:
        fail(f"--year: expected a year between 1 and 9998, got {shown_year}")
    try:
        found = service.holidays(loaded, calendar, shown_year)
    except service.CalendarUnusable as error:
        fail(_words(contract, error))
    if output is Format.json:
        rows = [{"date": h.date.isoformat(), "name": h.name} for h in found.dates]
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    table = Table(title=f"Holidays of {found.calendar!r} in {shown_year} ({found.zone})")
    for column in ("Date", "Day", "Holiday"):
        table.add_column(column)
    for h in found.dates:
        table.add_row(h.date.isoformat(), h.date.strftime("%a"), h.name)
    Console().print(table if found.dates else f"No holidays in {shown_year}.")


@app.command()
def due(
    contract: ContractFile,
    start: Annotated[
        str,
        typer.Option("--from", help="the start, ISO 8601 with its offset: 2026-11-25T20:00-08:00"),
    ],
    add: Annotated[
        str, typer.Option("--add", help="business time: 30m, 4h, 36h, 2 days, 5 business days")
    ],
    calendar: CalendarName = None,
) -> None:
    """When `--add` of the calendar's open time has passed since `--from`.

    Hours and minutes count open time; days and business days count business dates (the
    same local time N business dates later); weeks count a regular week's open time.
    Prints the deadline in ISO 8601 with the calendar zone's offset.
    """
    try:
        began = parse_instant(start, None)
    except ValueError as error:
        fail(f"--from: {error}; e.g. 2026-11-25T20:00-08:00")
    try:
        amount = parse_duration(add)
    except ValueError as error:
        fail(f"--add: {error}")
    loaded = load_checked(contract)
    try:
        deadline = service.due(loaded, calendar, began, amount)
    except service.CalendarUnusable as error:
        fail(_words(contract, error))
    typer.echo(local_iso(deadline.at, deadline.zone))


def _words(contract: str, error: service.CalendarUnusable) -> str:
    # A calendar the contract lacks is named with the file it is missing from.
    return f"{contract}: {error}" if isinstance(error, service.UnknownCalendar) else str(error)
