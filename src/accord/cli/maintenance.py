"""`accord maintenance check`: what a contract would make of a maintenance plan.

Exit status: 0 when the plan is excused in full, 4 when some of it would count as
downtime (the reasons are printed), 1 when the contract or an option is wrong.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Annotated, TypeVar

import typer

from accord.cli.common import Format, fail, load_checked, parse_instant

REFUSED = 4  # the plan would count as downtime
T = TypeVar("T")

app = typer.Typer(help="Check maintenance plans against a contract.", no_args_is_help=True)


@app.command()
def check(
    contract: Annotated[str, typer.Argument(metavar="CONTRACT", help="a contract file (YAML)")],
    start: Annotated[
        str, typer.Option("--start", help="local wall time of the (first) window: 2026-10-09T20:00")
    ],
    lasts: Annotated[str, typer.Option("--lasts", help="elapsed length of each window: 4h, 90m")],
    rrule: Annotated[
        str | None,
        typer.Option("--rrule", help="recurrence (RFC 5545): FREQ=WEEKLY;BYDAY=FR;COUNT=4"),
    ] = None,
    zone: Annotated[
        str | None,
        typer.Option(help="zone of --start [default: the maintenance zone]", show_default=False),
    ] = None,
    now: Annotated[
        str | None,
        typer.Option(
            help="when it is announced, with its offset [default: now]", show_default=False
        ),
    ] = None,
    output: Annotated[Format, typer.Option("--format", help="a summary, or JSON")] = Format.table,
) -> None:
    """Say, before it is saved, whether a plan stays within the contract."""
    from accord.contracts.durations import parse_duration
    from accord.services.maintenance_plan import check_plan, occurrences

    loaded = load_checked(contract)
    policy = loaded.contract.maintenance
    where = zone or (policy.zone if policy and policy.zone else None) or loaded.contract.zone
    length = _option("--lasts", lambda: parse_duration(lasts).seconds)
    if length is None or length <= 0:
        fail(f"--lasts: expected an elapsed length such as 4h, got {lasts!r}")
    first = _option("--start", lambda: datetime.fromisoformat(start))
    announced = (
        datetime.now(UTC) if now is None else _option("--now", lambda: parse_instant(now, None))
    )
    windows = _option(
        "--rrule", lambda: occurrences(first, timedelta(seconds=length), rrule, where)
    )
    found = check_plan(loaded, windows, announced)
    if output is Format.json:
        typer.echo(json.dumps(_as_json(found), indent=2))
    else:
        _print(found, where)
    if not found.accepted:
        raise typer.Exit(REFUSED)


def _option(name: str, read: Callable[[], T]) -> T:
    """The value `read` gives, or one line naming the option and what is wrong, exit 1."""
    try:
        return read()
    except ValueError as error:
        fail(f"{name}: {error}")


def _as_json(found: object) -> dict[str, object]:
    from dataclasses import asdict

    def plain(value: object) -> object:
        if isinstance(value, datetime):
            return value.isoformat().replace("+00:00", "Z")
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        return value if not hasattr(value, "isoformat") else value.isoformat()  # dates

    data = plain(asdict(found))  # type: ignore[call-overload]
    assert isinstance(data, dict)
    data["accepted"] = getattr(found, "accepted")  # noqa: B009
    return data


def _print(found: object, zone: str) -> None:
    from zoneinfo import ZoneInfo

    from accord.services.maintenance_plan import MaintenanceCheck

    assert isinstance(found, MaintenanceCheck)
    tz = ZoneInfo(zone)
    for w in found.windows:
        typer.echo(f"window {w.start.astimezone(tz):%Y-%m-%d %H:%M} - "
                   f"{w.end.astimezone(tz):%Y-%m-%d %H:%M} {zone}")  # fmt: skip
    for c in found.caps:
        cap = "no cap" if c.cap_seconds is None else f"cap {_h(c.cap_seconds)}"
        left = "" if c.left_seconds is None else f", {_h(c.left_seconds)} left"
        typer.echo(f"{c.window}: {cap}, {_h(c.used_seconds)} used{left}")
    if found.protected_days:
        days = ", ".join(d.isoformat() for d in found.protected_days)
        typer.echo(f"during business hours of the support calendar on {days}")
    if found.accepted:
        typer.echo("accepted: the contract excuses all of it")
    else:
        typer.echo("refused unless confirmed: " + "; ".join(found.reasons))


def _h(seconds: int) -> str:
    return f"{seconds / 3600:g} h"
