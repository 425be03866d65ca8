"""`accord status export`: the status page as a static site, from contracts and evidence.

Each contract's evidence is the JSON file of the same name in `--evidence-dir` (the layout
of `examples/`). Bad files exit 1 with one line per problem, never a traceback.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from accord.cli.common import FILE_ERROR, USAGE_ERROR, fail, load_checked, parse_instant
from accord.evidence import EvidenceInvalid, read_evidence
from accord.services.status import service_status
from accord.services.terms import UncountableTerm

app = typer.Typer(no_args_is_help=True, help="The public status page.")


@app.command("export")
def export(
    folder: Annotated[
        Path, typer.Argument(help="Where to write the site.", metavar="DIR", show_default=False)
    ],
    contracts: Annotated[
        list[Path],
        typer.Argument(
            help="The contract files (YAML).", metavar="CONTRACT...", show_default=False
        ),
    ],
    evidence_dir: Annotated[
        Path,
        typer.Option(
            "--evidence-dir",
            help="The folder holding NAME.json for each contract NAME.yaml.",
            metavar="DIR",
        ),
    ],
    title: Annotated[str, typer.Option("--title", help="The page's title.")] = "Service status",
    now: Annotated[
        str | None,
        typer.Option(
            "--now",
            help="The page is as of this instant "
            "(ISO 8601 with an offset); default: the current time.",
            metavar="INSTANT",
        ),
    ] = None,
) -> None:
    """Write the status page (index.html, RSS and Atom feeds, stylesheet) as a static site
    that any web server can serve, with the service up or down."""
    from accord.web import export_site  # Jinja is loaded only by the commands that render

    instant = _now(now)
    statuses = []
    for path in contracts:
        loaded = load_checked(path)
        evidence_path = evidence_dir / f"{path.stem}.json"
        if not evidence_path.is_file():
            fail(f"{path}: no evidence file {evidence_path}", FILE_ERROR)
        try:
            evidence = read_evidence(evidence_path)
        except EvidenceInvalid as error:
            fail(str(error), FILE_ERROR)
        try:
            statuses.append(service_status(loaded, evidence, instant))
        except UncountableTerm as error:
            fail(f"{path}: {error}", FILE_ERROR)
    written = export_site(folder, statuses, instant, title)
    typer.echo(f"wrote {len(written)} files to {folder}: open {folder / 'index.html'}")


def _now(text: str | None) -> datetime:
    if text is None:
        return datetime.now(UTC)  # the shell reads the clock; the service takes it
    try:
        return parse_instant(text, None)
    except ValueError as error:
        fail(f"--now: {error}", USAGE_ERROR)
