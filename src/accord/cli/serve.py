"""`accord serve` and `accord demo`: run the service; `accord token create`: a first token.

The embedded default (a SQLite file) is migrated by serve itself; a server database is
migrated by `accord db upgrade`, and serve refuses to start on one that is behind. The
service's modules (FastAPI, SQLAlchemy, uvicorn) are imported inside the commands.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from accord.cli.common import FILE_ERROR, USAGE_ERROR, fail
from accord.cli.db import DatabaseOpt, settings_or_fail

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from accord.settings import Settings

EXAMPLES = Path(__file__).parents[3] / "examples"

HostOpt = Annotated[str | None, typer.Option("--host", help="Address to listen on "
                    "(default: $ACCORD_HOST, else 127.0.0.1).", show_default=False)]  # fmt: skip
PortOpt = Annotated[int | None, typer.Option("--port", help="Port (default: $ACCORD_PORT, "
                    "else 8000).", show_default=False)]  # fmt: skip
WorkerOpt = Annotated[bool, typer.Option("--worker/--no-worker", help="Run a probe worker "
                      "in-process (see 'accord worker').")]  # fmt: skip
DemoOpt = Annotated[bool, typer.Option("--demo", help="Load the demo tenant: the example "
                    "contracts, customers and a month of evidence.")]  # fmt: skip


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command("demo")(demo)
    tokens = typer.Typer(no_args_is_help=True, help="API tokens.")
    tokens.command("create")(create_token)
    app.add_typer(tokens, name="token")
    app.command("export")(export)


def serve(
    database: DatabaseOpt = None,
    host: HostOpt = None,
    port: PortOpt = None,
    demo: DemoOpt = False,
    worker: WorkerOpt = True,
) -> None:
    """Run the service: the HTTP API under /api/v1 (see docs/api.md)."""
    import uvicorn

    from accord.api.app import create_app
    from accord.store.database import make_sessions

    settings = settings_or_fail(database_url=database, host=host, port=port)
    typer.echo("accord serve: " + ", ".join(f"{k}={v}" for k, v in settings.redacted().items()))
    engine = ready_engine(settings)
    if demo:
        _load_demo(engine)
    app = create_app(settings, make_sessions(engine))
    if worker:
        _start_worker(make_sessions(engine))
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")


def demo(database: DatabaseOpt = None, host: HostOpt = None, port: PortOpt = None) -> None:
    """`accord serve --demo`: the service with the demo tenant loaded."""
    serve(database, host, port, demo=True)


def _start_worker(sessions: sessionmaker[Session]) -> None:
    """A probe worker in a thread of its own, for as long as the process runs."""
    import asyncio
    import threading

    from accord.monitor.worker import default_name, run_worker

    name = default_name()
    threading.Thread(
        target=asyncio.run,
        args=(run_worker(sessions, name, 200),),
        name="probe-worker",
        daemon=True,
    ).start()
    typer.echo(f"accord serve: probe worker {name} running in-process")


def ready_engine(settings: Settings) -> Engine:
    from sqlalchemy.exc import OperationalError

    from accord.settings import redact_url
    from accord.store.database import make_engine, revision, upgrade

    engine = make_engine(settings.database_url)
    shown = redact_url(settings.database_url)
    try:
        if settings.embedded:
            upgrade(engine)
        elif revision(engine) != _head():
            engine.dispose()
            fail(f"{shown}: the schema is not current; run 'accord db upgrade' first")
    except OperationalError as error:
        engine.dispose()
        fail(f"{shown}: cannot connect: {error.orig}")
    return engine


def _head() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from accord.store.database import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


def _load_demo(engine: Engine) -> None:
    from accord.services.demo import load_demo
    from accord.store.database import make_sessions

    if not (EXAMPLES / "contracts").is_dir():
        fail(f"the examples are not at {EXAMPLES}: run from a clone of accord", FILE_ERROR)
    with make_sessions(engine)() as session:
        tokens = load_demo(session, EXAMPLES, datetime.now(UTC))
    if tokens is None:
        typer.echo("demo: already loaded (its tokens were shown at the first load)")
        return
    typer.echo("demo: loaded 5 contracts, 5 customers and their evidence (tenant 'demo')")
    typer.echo(f"demo: provider admin token:  {tokens.admin}")
    typer.echo(f"demo: {tokens.viewer_customer} viewer token: {tokens.viewer}")
    typer.echo(f"demo: web sign-in (organisation 'demo'): user 'demo-admin' password "
               f"{tokens.admin_password}, user 'bayside-viewer' password "
               f"{tokens.viewer_password}")  # fmt: skip


def create_token(
    tenant: Annotated[str, typer.Option("--tenant", help="The tenant (made if new).")],
    user: Annotated[str, typer.Option("--user", help="The user the token acts for.")],
    role: Annotated[
        str,
        typer.Option(
            "--role",
            help="provider_admin, provider_agent, customer_admin, customer_viewer or auditor.",
        ),
    ],  # fmt: skip
    customer: Annotated[str | None, typer.Option("--customer", help="For customer roles.")] = None,
    database: DatabaseOpt = None,
) -> None:
    """Create an API token (the first one of a new tenant, typically) and print it once."""
    import re

    from accord.services.accounts import ROLES, Principal, TokenRefused, ensure_tenant
    from accord.services.accounts import create_token as make
    from accord.store.database import make_sessions

    if not re.match(r"^[a-z0-9][a-z0-9-]{0,63}$", tenant):
        fail(f"--tenant: expected lower-case letters, digits and '-', got {tenant!r}", USAGE_ERROR)
    if role not in ROLES:
        fail(f"--role: expected one of {', '.join(ROLES)}, got {role!r}", USAGE_ERROR)
    settings = settings_or_fail(database_url=database)
    engine = ready_engine(settings)
    now = datetime.now(UTC)
    with make_sessions(engine)() as session:
        ensure_tenant(session, tenant, tenant, now)
        root = Principal(tenant, "accord token create", "provider_admin", None, None)
        try:
            _, text = make(session, root, user, role, customer, None, now)
            session.commit()
        except TokenRefused as error:
            text, refused = "", str(error)
        else:
            refused = ""
    engine.dispose()  # after the session has given its connection back
    if refused:
        fail(refused, USAGE_ERROR)
    typer.echo(text)


def export(
    customer: Annotated[str, typer.Option("--customer", help="The customer's key.")],
    tenant: Annotated[str, typer.Option("--tenant", help="The tenant the customer is of.")],
    out: Annotated[Path, typer.Option("--out", help="The folder to write to.")] = Path("export"),
    database: DatabaseOpt = None,
) -> None:
    """Write everything of a customer as files `accord evaluate` reads: per subscription the
    contract and the evidence, and the frozen statements."""
    from accord.services.export import export_customer
    from accord.store.database import make_sessions
    from accord.store.models import Customer

    settings = settings_or_fail(database_url=database)
    engine = ready_engine(settings)
    with make_sessions(engine)() as session:
        known = session.get(Customer, (tenant, customer)) is not None
        exported = export_customer(session, tenant, customer, out) if known else None
    engine.dispose()  # after the session has given its connection back
    if exported is None:
        fail(f"--customer: tenant {tenant!r} has no customer {customer!r}", USAGE_ERROR)
    for folder in exported.folders:
        typer.echo(f"{folder}/contract.yaml, {folder}/evidence.json")
    for path in exported.statements:
        typer.echo(str(path))
