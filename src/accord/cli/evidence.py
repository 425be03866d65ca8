"""`accord evidence ...`: work with evidence files. Parse, call the service, render."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from accord.cli.common import FILE_ERROR, USAGE_ERROR, fail

app = typer.Typer(help="Convert evidence files.", no_args_is_help=True)

Source = Annotated[
    Path,
    typer.Argument(help="Evidence in any form: a JSON document, or a CSV, JSON Lines, "
                   "Parquet or Arrow sample file.", metavar="SOURCE", show_default=False),
]  # fmt: skip
Target = Annotated[
    Path,
    typer.Argument(help="A .parquet, .arrow, .csv or .jsonl sample file (samples alone), or a "
                   ".json document whose samples go to a .samples.parquet file beside it.",
                   metavar="TARGET", show_default=False),
]  # fmt: skip


@app.command()
def convert(source: Source, target: Target) -> None:
    """Write SOURCE as TARGET, the form chosen by TARGET's suffix (Parquet reads fastest)."""
    # Imported here: `accord --help` and the other commands need none of it.
    from accord.evidence import EvidenceInvalid
    from accord.services.convert import UnknownTarget, convert_evidence

    try:
        done = convert_evidence(source, target)
    except EvidenceInvalid as error:
        fail(str(error), FILE_ERROR)
    except UnknownTarget as error:
        fail(str(error), USAGE_ERROR)
    except ValueError as error:
        fail(str(error), FILE_ERROR)
    typer.echo(f"{done.samples:,} samples: wrote {', '.join(str(f) for f in done.files)}")
