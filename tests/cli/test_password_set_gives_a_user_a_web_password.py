"""`accord password set` reads the password from standard input and stores its hash; a
short one or an unknown user is a one-line error with exit 2."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from typer.testing import CliRunner

from accord.cli import app
from accord.store.database import make_engine, make_sessions
from accord.store.models import User
from cli.runner import accord


def _set(database: str, user: str, password: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["password", "set", "--tenant", "acme", "--user", user,
                                      "--database", database], input=password + "\n")  # fmt: skip
    return result.exit_code, result.stdout + result.stderr


def test_password_set_stores_an_argon2_hash_of_standard_input(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'accord.db'}"
    created = accord("token", "create", "--tenant", "acme", "--user", "ann",
                     "--role", "provider_admin", "--database", database)  # fmt: skip
    assert created.code == 0, created.err
    assert _set(database, "ann", "a long enough passphrase") == (
        0, "password set for 'ann' of 'acme'\n")  # fmt: skip
    engine = make_engine(database)
    with make_sessions(engine)() as session:
        stored = session.scalars(select(User.password_argon2)).one()
    engine.dispose()
    assert stored is not None and stored.startswith("$argon2id$")
    assert _set(database, "ann", "short") == (
        2, "error: a password needs at least 12 characters\n")  # fmt: skip
    assert _set(database, "bob", "a long enough passphrase") == (
        2, "error: no user 'bob' in tenant 'acme'\n")  # fmt: skip
