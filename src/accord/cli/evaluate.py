"""`accord evaluate` and `accord simulate`: parse, call the evaluation service, render.

Instants on the command line (`--now`, `--add-outage`) are ISO 8601; one without an
offset is read as local time in the contract's zone. Bad files exit 1, bad options 2,
each with one line per problem and never a traceback.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from accord.cli import render
from accord.cli.common import (
    FILE_ERROR,
    USAGE_ERROR,
    Format,
    fail,
    load_checked,
    parse_instant,
    print_problems,
)
from accord.contracts.loader import LoadedContract
from accord.contracts.source import shorten
from accord.domain.evidence import Evidence, Outage
from accord.domain.period import Period, parse_months
from accord.domain.statement import statement_json
from accord.evidence import EvidenceInvalid, read_evidence
from accord.evidence.problems import MOST
from accord.services import evaluate as service

OUTAGE_HELP = (
    "A hypothetical outage START/END, then @scope for one scope only; ISO 8601 instants "
    "(local time of the contract zone when no offset is given), e.g. "
    "2026-10-14T08:00/2026-10-14T20:00@store-12. Repeat for several."
)


ContractArg = Annotated[
    Path, typer.Argument(help="The contract file (YAML).", metavar="CONTRACT", show_default=False)
]
EvidenceOpt = Annotated[
    Path,
    typer.Option("--evidence", help="The evidence file (JSON).", metavar="FILE",
                 show_default=False),
]  # fmt: skip
PeriodOpt = Annotated[
    str,
    typer.Option("--period", help="A month YYYY-MM or a range YYYY-MM..YYYY-MM.",
                 metavar="MONTH[..MONTH]", show_default=False),
]  # fmt: skip
PlanOpt = Annotated[str | None, typer.Option("--plan", help="The plan, instead of the evidence's.")]
FormatOpt = Annotated[Format, typer.Option("--format", help="table or json.")]
OutsideOpt = Annotated[
    bool,
    typer.Option("--allow-outside-files", help="Read sample and iCalendar files that the "
                 "evidence or the contract names outside its own folder."),
]  # fmt: skip
AllRowsOpt = Annotated[
    bool,
    typer.Option("--all-rows", help="In the table, a row for every ticket even when the "
                 f"month has more than {render.SUMMARY_OVER} (then only the missed clocks "
                 "are listed, after the compliance per severity and clock)."),
]  # fmt: skip
NowOpt = Annotated[
    str | None,
    typer.Option("--now", help="Judge running clocks as of this instant (ISO 8601); "
                 "default: the current time.", metavar="INSTANT"),
]  # fmt: skip


def register(app: typer.Typer) -> None:
    """Attach the top-level evaluation commands to the root app."""
    app.command("evaluate")(evaluate)
    app.command("simulate")(simulate)


def evaluate(
    contract: ContractArg,
    evidence: EvidenceOpt,
    period: PeriodOpt,
    plan: PlanOpt = None,
    format: FormatOpt = Format.table,
    now: NowOpt = None,
    allow_outside_files: OutsideOpt = False,
    all_rows: AllRowsOpt = False,
) -> None:
    """Statements of one month or of a range of months: availability, credits, support,
    performance, claims and the termination right."""
    outside = allow_outside_files
    loaded, facts = load_checked(contract, outside), _evidence(evidence, outside)
    periods = _periods(period, loaded)
    instant = _now(now, loaded)
    try:
        statements = service.evaluate(loaded, facts, periods, instant, plan)
    except service.UnknownPlan as error:
        fail(f"--plan: {error}", USAGE_ERROR)
    except service.UncountableTerm as error:
        fail(f"{contract}: {error}", FILE_ERROR)
    if format is Format.json:
        data = [statement_json(s) for s in statements]
        _print_json(data if len(data) > 1 else data[0])
    else:
        render.print_statements(statements, Console(), all_rows)


def simulate(
    contract: ContractArg,
    evidence: EvidenceOpt,
    period: PeriodOpt,
    add_outage: Annotated[
        list[str],
        typer.Option(
            "--add-outage", help=OUTAGE_HELP, metavar="START/END[@SCOPE]", show_default=False
        ),
    ],
    plan: PlanOpt = None,
    format: FormatOpt = Format.table,
    now: NowOpt = None,
    allow_outside_files: OutsideOpt = False,
) -> None:
    """What hypothetical outages would cost: the month's credits before and after, per
    objective and scope, and the difference."""
    outside = allow_outside_files
    loaded, facts = load_checked(contract, outside), _evidence(evidence, outside)
    periods = _periods(period, loaded)
    if len(periods) != 1:
        fail(f"--period: simulate takes one month, got {period!r}", USAGE_ERROR)
    added = [parse_outage(spec, loaded.contract.zone) for spec in add_outage]
    instant = _now(now, loaded)
    try:
        result = service.simulate(loaded, facts, periods[0], added, instant, plan)
    except service.UnknownPlan as error:
        fail(f"--plan: {error}", USAGE_ERROR)
    except service.UnknownScope as error:
        fail(f"--add-outage: {error}", USAGE_ERROR)
    except service.UncountableTerm as error:
        fail(f"{contract}: {error}", FILE_ERROR)
    if format is Format.json:
        _print_json(render.simulation_json(result))
    else:
        Console().print(render.simulation_view(result))


# --- parsing ---------------------------------------------------------------------------


def parse_outage(spec: str, zone: str) -> Outage:
    """'START/END[@scope]' as an unplanned outage; exits with a usage error when bad."""
    text, at, scope = spec.partition("@")
    first, slash, last = text.partition("/")
    try:
        if not slash:
            raise ValueError("no '/' between START and END")
        start, end = parse_instant(first, zone), parse_instant(last, zone)
    except ValueError as error:
        fail(f"--add-outage {shorten(spec)!r}: {error}; expected START/END[@scope], e.g. "
              "2026-10-14T08:00/2026-10-14T20:00@store-12", USAGE_ERROR)  # fmt: skip
    if end <= start:
        fail(f"--add-outage {shorten(spec)!r}: the end is not after the start", USAGE_ERROR)
    if at and not scope.strip():
        fail(f"--add-outage {shorten(spec)!r}: '@' names no scope", USAGE_ERROR)
    return Outage(start, end, scope=scope.strip() or None)


def _evidence(path: Path, outside: bool) -> Evidence:
    try:
        return read_evidence(path, outside_allowed=outside)
    except EvidenceInvalid as error:
        print_problems(error.problems)
        if len(error.problems) >= MOST:
            typer.echo(f"(stopped after {MOST} problems)", err=True)
        raise typer.Exit(FILE_ERROR) from None


def _periods(text: str, loaded: LoadedContract) -> list[Period]:
    try:
        return parse_months(text, loaded.contract.zone)
    except ValueError as error:
        fail(f"--period: {error}", USAGE_ERROR)


def _now(text: str | None, loaded: LoadedContract) -> datetime:
    if text is None:
        return datetime.now(UTC)  # the shell reads the clock; the service takes it
    try:
        return parse_instant(text, loaded.contract.zone)
    except ValueError:
        fail(f"--now: expected an ISO 8601 instant such as 2026-11-20T09:00, got {shorten(text)!r}",
              USAGE_ERROR)  # fmt: skip


def _print_json(data: object) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
