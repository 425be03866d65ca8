"""`accord agent`: probe a location's monitors from this network and upload the checks to
the service (see docs/monitoring.md, "Remote agents")."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Annotated

import typer

ServerOpt = Annotated[
    str, typer.Option("--server", help="The service's URL, e.g. https://sla.example.com.")
]
TokenOpt = Annotated[
    str,
    typer.Option(
        "--token",
        envvar="ACCORD_AGENT_TOKEN",
        help="A provider_admin API token (or ACCORD_AGENT_TOKEN).",
        show_default=False,
    ),
]
LocationOpt = Annotated[
    str, typer.Option("--location", help="The monitors' location this agent probes from.")
]
BufferOpt = Annotated[
    Path,
    typer.Option(
        "--buffer", help="The local SQLite file keeping checks until the service has them."
    ),
]
NameOpt = Annotated[
    str | None,
    typer.Option(
        "--name",
        help="Unique among agents; the leases are held in it (default: host and location).",
        show_default=False,
    ),
]
ConcurrencyOpt = Annotated[int, typer.Option("--concurrency", min=1, help="Checks at once.")]
LeaseOpt = Annotated[int, typer.Option("--lease", min=30, max=3600,
                     help="Seconds a claim on monitors holds without renewal.")]  # fmt: skip
BatchOpt = Annotated[int, typer.Option("--batch-size", min=1, max=100_000,
                     help="Checks in one uploaded batch at most.")]  # fmt: skip


def register(app: typer.Typer) -> None:
    app.command("agent")(agent)


def agent(
    server: ServerOpt,
    token: TokenOpt,
    location: LocationOpt,
    buffer: BufferOpt = Path("accord-agent.sqlite"),
    name: NameOpt = None,
    concurrency: ConcurrencyOpt = 200,
    lease: LeaseOpt = 300,
    batch_size: BatchOpt = 5_000,
) -> None:
    """Probe a location's monitors, keep every check in a local file, upload it once."""
    from accord.monitor.agent import AgentSettings, run_agent

    if not server.startswith(("http://", "https://")):
        raise typer.BadParameter(f"expected an http:// or https:// URL, got {server!r}",
                                 param_hint="--server")  # fmt: skip
    if not location.strip():
        raise typer.BadParameter("name the location this agent probes from",
                                 param_hint="--location")  # fmt: skip
    shown = name or f"{socket.gethostname()}-{location}"
    settings = AgentSettings(server, token, location, shown, buffer, lease, concurrency, batch_size)
    typer.echo(f"accord agent {shown}: probing {location!r} for {server} (Ctrl-C to stop)")
    try:
        run_agent(settings)
    except KeyboardInterrupt:
        typer.echo(f"accord agent {shown}: stopped; unsent checks kept in {buffer}")
