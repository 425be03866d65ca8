"""`accord worker`: a probe worker on the service's database (see docs/monitoring.md).

Run as many as needed, on this machine or others: they share the monitors through leases
in the database. `accord serve` runs one in-process unless told not to.
"""

from __future__ import annotations

from typing import Annotated

import typer

from accord.cli.db import DatabaseOpt, settings_or_fail

NameOpt = Annotated[
    str | None,
    typer.Option(
        "--name",
        help="This worker's name, unique among workers (default: host name and process id).",
        show_default=False,
    ),
]
ConcurrencyOpt = Annotated[int, typer.Option("--concurrency", min=1, help="Checks at once.")]


def register(app: typer.Typer) -> None:
    app.command("worker")(worker)


def worker(
    database: DatabaseOpt = None, name: NameOpt = None, concurrency: ConcurrencyOpt = 200
) -> None:
    """Probe the monitors this worker claims, store the results, open and resolve incidents."""
    import asyncio

    from accord.cli.serve import ready_engine
    from accord.monitor.worker import default_name, run_worker
    from accord.store.database import make_sessions

    settings = settings_or_fail(database_url=database)
    engine = ready_engine(settings)
    shown = name or default_name()
    typer.echo(f"accord worker {shown}: probing (Ctrl-C to stop)")
    try:
        asyncio.run(run_worker(make_sessions(engine), shown, concurrency))
    except KeyboardInterrupt:
        typer.echo(f"accord worker {shown}: stopped; leases released")
