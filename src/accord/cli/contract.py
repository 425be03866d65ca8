"""`accord contract ...`: check, lint, explain and describe contract files.

Exit status: 0 when every file is fine, 1 when a file is invalid (or, for `lint`, when
there are findings), 2 for a usage error (Typer's own).
"""

from __future__ import annotations

from typing import Annotated

import typer

from accord.contracts.loader import ContractInvalid, LoadedContract, load_contract
from accord.contracts.schema import contract_schema_text

app = typer.Typer(help="Check, lint, explain and describe contract files.", no_args_is_help=True)

Files = Annotated[list[str], typer.Argument(metavar="FILE...", help="contract files (YAML)")]


def _load(name: str) -> LoadedContract | None:
    """The contract in `name`, or None after printing every problem to stderr."""
    try:
        return load_contract(name, shown_as=name)
    except ContractInvalid as error:
        for problem in error.problems:
            typer.echo(str(problem), err=True)
        return None


@app.command()
def check(files: Files) -> None:
    """Validate contracts: 'FILE: ok (id version)', or each problem as file:line:col."""
    bad = 0
    for name in files:
        loaded = _load(name)
        if loaded is None:
            bad += 1
        else:
            contract = loaded.contract
            typer.echo(f"{name}: ok ({contract.id} {contract.version})")
    raise typer.Exit(1 if bad else 0)


@app.command()
def schema() -> None:
    """Print the JSON Schema of contract files, for editors (e.g. yaml-language-server)."""
    typer.echo(contract_schema_text(), nl=False)
