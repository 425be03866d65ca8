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
from accord.contracts.calendars import CalendarError, business_calendar, default_calendar_name
from accord.contracts.types import parse_duration
from accord.domain.calendars import BusinessCalendar, holidays_in_year
from accord.domain.statement import local_iso
from accord.domain.support import allowance_end
from accord.services.support import clock_rule

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


def _calendar(file: str, name: str | None) -> BusinessCalendar:
    """The named calendar of the contract in `file`, or its support calendar."""
    loaded = load_checked(file)
    calendars = loaded.contract.calendars
    chosen = name or default_calendar_name(loaded.contract)
    known = ", ".join(calendars) or "none"
    if chosen is None:
        fail(f"{file}: no support calendar; choose one with --calendar ({known})")
    if chosen not in calendars:
        fail(f"{file}: unknown calendar {chosen!r}; the contract's calendars: {known}")
    try:
        return business_calendar(chosen, calendars[chosen], loaded.path.parent)
    except CalendarError as error:
        fail(str(error))


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
    cal = _calendar(contract, calendar)
    shown_year = date.today().year if year is None else year
    if not 1 <= shown_year <= 9998:
        fail(f"--year: expected a year between 1 and 9998, got {shown_year}")
    found = holidays_in_year(cal, shown_year)
    if output is Format.json:
        rows = [{"date": h.date.isoformat(), "name": h.name} for h in found]
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    table = Table(title=f"Holidays of {cal.name!r} in {shown_year} ({cal.zone})")
    for column in ("Date", "Day", "Holiday"):
        table.add_column(column)
    for h in found:
        table.add_row(h.date.isoformat(), h.date.strftime("%a"), h.name)
    Console().print(table if found else f"No holidays in {shown_year}.")


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
    cal = _calendar(contract, calendar)
    try:
        rule = clock_rule(amount, None, "business", cal, "--add")
    except ValueError as error:
        fail(str(error))
    try:
        deadline = allowance_end(rule, began)
    except ValueError as error:  # e.g. a calendar that never opens
        fail(str(error))
    typer.echo(local_iso(deadline, cal.zone))
