"""`accord db upgrade`: bring a database's schema to the current version.

The store (SQLAlchemy, Alembic) is imported inside the command, so the rest of the CLI
starts without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from accord.cli.common import USAGE_ERROR, fail

if TYPE_CHECKING:
    from accord.settings import Settings

app = typer.Typer(no_args_is_help=True, help="The service's database.")

DatabaseOpt = Annotated[
    str | None,
    typer.Option(
        "--database",
        help="Database URL (default: $ACCORD_DATABASE_URL, else sqlite:///accord.db).",
        metavar="URL",
        show_default=False,
    ),
]


def settings_or_fail(**flags: Any) -> Settings:
    """The settings from the environment and `flags`; a bad one exits 2 naming it."""
    from accord.settings import SettingsInvalid, load_settings

    try:
        return load_settings(**flags)
    except SettingsInvalid as error:
        fail(str(error), USAGE_ERROR)


@app.command("upgrade")
def upgrade(database: DatabaseOpt = None) -> None:
    """Run the migrations: create the tables, or bring them to this version of accord."""
    from sqlalchemy.exc import OperationalError

    from accord.settings import redact_url
    from accord.store.database import make_engine, revision
    from accord.store.database import upgrade as migrate

    settings = settings_or_fail(database_url=database)
    engine = make_engine(settings.database_url)
    try:
        migrate(engine)
        typer.echo(f"{redact_url(settings.database_url)}: at revision {revision(engine)}")
    except OperationalError as error:
        fail(f"{redact_url(settings.database_url)}: cannot connect: {error.orig}")
    finally:
        engine.dispose()
