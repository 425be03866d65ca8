"""Real databases for tests of anything stored: a SQLite file and a PostgreSQL database.

Each PostgreSQL database is created with a unique name for one test and dropped after
it, so parallel runs never meet. PostgreSQL must be reachable at 127.0.0.1:5432 (trust
auth): when it is not, the test fails; it is never skipped.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/"
KINDS = ("sqlite", "postgresql")


@contextmanager
def database_url(kind: str, folder: Path) -> Iterator[str]:
    """A fresh, empty database of `kind` for the duration of the block."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'accord.db'}"
        return
    name = f"accord_test_{uuid.uuid4().hex[:12]}"
    with _admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield SERVER + name
    finally:
        with _admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _admin() -> psycopg.Connection[tuple[object, ...]]:
    try:
        return psycopg.connect(
            "host=127.0.0.1 port=5432 user=postgres dbname=postgres", autocommit=True
        )
    except psycopg.OperationalError as error:
        raise AssertionError(f"PostgreSQL is unreachable at 127.0.0.1:5432: {error}") from None
