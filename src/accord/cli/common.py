"""What every command module shares: loading a contract, failing, output formats, instants.

A command exits 1 when a file cannot be used and 2 when an option's value cannot (for
`evaluate` and `simulate`; Typer's own usage errors are 2 everywhere), each problem on one
line of stderr and never a traceback.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import NoReturn
from zoneinfo import ZoneInfo

import typer

from accord.contracts.check import check_contract
from accord.contracts.loader import ContractInvalid, LoadedContract
from accord.contracts.source import shorten
from accord.domain.period import FIRST_YEAR, LAST_YEAR
from accord.problems import Problem

__all__ = [
    "FILE_ERROR",
    "USAGE_ERROR",
    "Format",
    "fail",
    "load_checked",
    "parse_instant",
    "print_problems",
]

FILE_ERROR = 1  # a contract or evidence file that cannot be used
USAGE_ERROR = 2  # an option value that cannot be used


class Format(StrEnum):
    table = "table"
    json = "json"


def load_checked(path: Path | str, outside_allowed: bool = False) -> LoadedContract:
    """The contract in `path`, its calendars built; else every problem on stderr, exit 1.

    Problems read `file:line:col: key.path: message`, as from `accord contract check`.
    """
    try:
        return check_contract(path, shown_as=str(path), outside_allowed=outside_allowed)
    except ContractInvalid as error:
        print_problems(error.problems)
        raise typer.Exit(FILE_ERROR) from None


def print_problems(problems: list[Problem]) -> None:
    """Each problem on its own line of stderr."""
    for problem in problems:
        typer.echo(str(problem), err=True)


def fail(message: str, code: int = FILE_ERROR) -> NoReturn:
    """Print `message` as 'error: ...' lines on stderr and exit with `code`."""
    for line in message.splitlines() or [message]:
        typer.echo(f"error: {line}", err=True)
    raise typer.Exit(code)


def parse_instant(text: str, zone: str | None) -> datetime:
    """An ISO 8601 instant, in UTC. Without an offset it is local time in `zone`; with no
    zone the offset is required. Raises ValueError saying what is wrong."""
    shown = shorten(text)
    try:
        if not text.isascii():  # fromisoformat would read other scripts' digits
            raise ValueError
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"expected an ISO 8601 instant, got {shown!r}") from None
    if value.utcoffset() is None:
        if zone is None:
            raise ValueError(f"give the UTC offset (like -08:00 or a final Z), got {shown!r}")
        value = value.replace(tzinfo=ZoneInfo(zone))
    if not FIRST_YEAR <= value.year <= LAST_YEAR:  # also keeps the UTC conversion in range
        raise ValueError(f"an instant lies in the years {FIRST_YEAR} to {LAST_YEAR}, got {shown!r}")
    return value.astimezone(UTC)
