"""`accord calendar ...`: a contract's holidays, and deadlines counted on its calendars.

Exit status: 0 on success, 1 when the contract, the calendar or an option's value is
wrong (one line on stderr, never a traceback), 2 for a usage error (Typer's own).
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Annotated, NoReturn
from zoneinfo import ZoneInfo

import typer
from rich.console import Console
from rich.table import Table

from accord.contracts.calendars import CalendarError, business_calendar, default_calendar_name
from accord.contracts.loader import ContractInvalid, LoadedContract, load_contract
from accord.contracts.types import parse_duration
from accord.domain.calendars import (
    BusinessCalendar,
    add_business_days,
    add_business_time,
    holidays_in_year,
)
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


class Format(StrEnum):
    table = "table"
    json = "json"


def _fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


def _calendar(file: str, name: str | None) -> BusinessCalendar:
    """The named calendar of the contract in `file`, or its support calendar."""
    try:
        loaded: LoadedContract = load_contract(file, shown_as=file)
    except ContractInvalid as error:
        for problem in error.problems:
            typer.echo(str(problem), err=True)
        raise typer.Exit(1) from None
    calendars = loaded.contract.calendars
    chosen = name or default_calendar_name(loaded.contract)
    known = ", ".join(calendars) or "none"
    if chosen is None:
        _fail(f"{file}: no support calendar; choose one with --calendar ({known})")
    if chosen not in calendars:
        _fail(f"{file}: unknown calendar {chosen!r}; the contract's calendars: {known}")
    try:
        return business_calendar(chosen, calendars[chosen], loaded.path.parent)
    except CalendarError as error:
        _fail(str(error))


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
        _fail(f"--year: expected a year between 1 and 9998, got {shown_year}")
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
    began = _instant(start)
    try:
        amount = parse_duration(add)
    except ValueError as error:
        _fail(f"--add: {error}")
    cal = _calendar(contract, calendar)
    try:
        rule = clock_rule(amount, None, "business", cal, "--add")
    except ValueError as error:
        _fail(str(error))
    try:
        if rule.kind == "business_days":
            deadline = add_business_days(cal, began, rule.amount)
        else:
            deadline = add_business_time(cal, began, timedelta(seconds=rule.amount))
    except ValueError as error:  # e.g. a calendar that never opens
        _fail(str(error))
    typer.echo(deadline.astimezone(ZoneInfo(cal.zone)).isoformat())


def _instant(text: str) -> datetime:
    example = "2026-11-25T20:00-08:00"
    try:
        found = datetime.fromisoformat(text.strip())
    except ValueError:
        _fail(f"--from: expected an ISO 8601 instant like {example}, got {text!r}")
    if found.utcoffset() is None:
        _fail(f"--from: give the UTC offset (like {example} or a final Z), got {text!r}")
    return found
