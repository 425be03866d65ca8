"""`accord contract ...`: check, lint, explain and describe contract files.

Exit status: 0 when every file is fine, 1 when a file is invalid (or, for `lint`, when
there are findings), 2 for a usage error (Typer's own).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from accord.cli.common import load_checked, print_problems
from accord.contracts.check import check_contract
from accord.contracts.loader import ContractInvalid
from accord.problems import Problem

app = typer.Typer(help="Check, lint, explain and describe contract files.", no_args_is_help=True)

Files = Annotated[list[str], typer.Argument(metavar="FILE...", help="contract files (YAML)")]


class LintFormat(StrEnum):
    """Lint findings are lines of text, not a table: its own pair of formats."""

    text = "text"
    json = "json"


@app.command()
def check(
    files: Files,
    allow_outside_files: Annotated[
        bool,
        typer.Option(
            "--allow-outside-files",
            help="Read iCalendar files named outside the contract's folder.",
        ),
    ] = False,
) -> None:
    """Validate contracts: 'FILE: ok (id version)', or each problem as file:line:col."""
    bad = 0
    for name in files:
        try:
            contract = check_contract(
                name, shown_as=name, outside_allowed=allow_outside_files
            ).contract
        except ContractInvalid as error:
            print_problems(error.problems)
            bad += 1
            continue
        typer.echo(f"{name}: ok ({contract.id} {contract.version})")
    raise typer.Exit(1 if bad else 0)


@app.command()
def schema() -> None:
    """Print the JSON Schema of contract files, for editors (e.g. yaml-language-server)."""
    from accord.contracts.schema import contract_schema_text  # here: only this command

    typer.echo(contract_schema_text(), nl=False)


@app.command()
def lint(
    files: Annotated[
        list[str] | None,
        typer.Argument(metavar="FILE...", help="contract files (YAML)", show_default=False),
    ] = None,
    output: Annotated[
        LintFormat, typer.Option("--format", help="text, or a JSON array of findings")
    ] = LintFormat.text,
    rules: Annotated[bool, typer.Option("--rules", help="list the lint codes and exit")] = False,
) -> None:
    """Find what a valid contract leaves ambiguous; exit 1 when there are findings.

    Each finding is file:line:col: [CODE] key.path: what has two readings. Files that do
    not load are reported as by `check` (code 'error' in JSON) and also exit 1.
    """
    # Here, not at the top: the rules bring in the availability engine (and NumPy),
    # which `accord contract check` has no use for.
    from accord.contracts.lint import RULES, findings_as_json, lint_contract

    if rules:
        for rule, _ in RULES:
            typer.echo(f"{rule.code}  {rule.title}\n       {rule.why}")
        raise typer.Exit(0)
    if not files:
        raise typer.BadParameter("give at least one contract file", param_hint="FILE...")
    findings: list[Problem] = []
    for name in files:
        try:
            loaded = check_contract(name, shown_as=name)
        except ContractInvalid as error:
            findings += error.problems
            continue
        findings += lint_contract(loaded, today=date.today())
    if output is LintFormat.json:
        typer.echo(findings_as_json(findings), nl=False)
    else:
        _print_findings(findings, len(files))
    raise typer.Exit(1 if findings else 0)


def _print_findings(findings: list[Problem], files: int) -> None:
    for finding in findings:
        typer.echo(str(finding), err=finding.code == "error")
    count = sum(f.code != "error" for f in findings)
    errors = len(findings) - count
    summary = (
        f"{count} finding{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}"
    )
    if errors:
        summary += f", {errors} error{'s' if errors != 1 else ''} (not linted)"
    typer.echo(summary, err=True)


@app.command()
def explain(
    file: Annotated[str, typer.Argument(metavar="FILE", help="a contract file (YAML)")],
    year: Annotated[
        int | None, typer.Option(help="year whose holidays to list [default: this year]")
    ] = None,
) -> None:
    """Say in plain words what the contract promises: calendars, objectives, credits..."""
    from rich.console import Console  # check need not pay for it

    from accord.contracts.explain import explain as explain_contract  # here: only this command

    loaded = load_checked(file)
    shown = year if year is not None else date.today().year
    console = Console()
    for block in explain_contract(loaded, shown):
        console.print(block)
