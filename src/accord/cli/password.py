"""`accord password set`: give a user of the service a password for the web pages.

The password is read from standard input (one line) or asked for twice at a terminal,
never taken as an option, so it stays out of the shell's history and the process list.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from typing import Annotated

import typer

from accord.cli.common import USAGE_ERROR, fail
from accord.cli.db import DatabaseOpt, settings_or_fail

app = typer.Typer(no_args_is_help=True, help="Passwords for the web pages.")


@app.command("set")
def set_password(
    tenant: Annotated[str, typer.Option("--tenant", help="The user's tenant.")],
    user: Annotated[str, typer.Option("--user", help="The user's name (as its tokens).")],
    database: DatabaseOpt = None,
) -> None:
    """Set a user's password (Argon2-hashed), read from standard input or asked for."""
    from accord.cli.serve import ready_engine
    from accord.services.passwords import PasswordRefused
    from accord.services.passwords import set_password as store
    from accord.store.database import make_sessions

    if sys.stdin.isatty():
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    settings = settings_or_fail(database_url=database)
    engine = ready_engine(settings)
    refused = ""
    with make_sessions(engine)() as session:
        try:
            store(session, tenant, user, password, "accord password set", datetime.now(UTC))
            session.commit()
        except PasswordRefused as error:
            refused = str(error)
    engine.dispose()
    if refused:
        fail(refused, USAGE_ERROR)
    typer.echo(f"password set for {user!r} of {tenant!r}")
