"""`accord db upgrade` migrates the database it is given, and names a bad one in one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect

from accord.store.database import MIGRATIONS, make_engine
from cli.runner import accord
from databases import KINDS, database_url


def head() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    found = ScriptDirectory.from_config(config).get_current_head()
    assert found is not None
    return found


HEAD = head()


@pytest.mark.parametrize("kind", KINDS)
def test_it_creates_every_table_and_says_the_revision(kind: str, tmp_path: Path) -> None:
    with database_url(kind, tmp_path) as url:
        run = accord("db", "upgrade", "--database", url)
        assert run.code == 0, run.err
        assert f"at revision {HEAD}" in run.out
        engine = make_engine(url)
        assert {"tenants", "customers", "sample_runs", "audit_log"} <= set(
            inspect(engine).get_table_names()
        )
        engine.dispose()


def test_it_refuses_an_unknown_kind_of_database_naming_the_setting() -> None:
    run = accord("db", "upgrade", "--database", "mysql://somewhere/db")
    assert run.code == 2
    assert run.err.startswith("error: ACCORD_DATABASE_URL: expected sqlite")


def test_it_hides_the_password_when_it_cannot_connect() -> None:
    run = accord("db", "upgrade", "--database", "postgresql+psycopg://u:hunter2@127.0.0.1:1/x")
    assert run.code == 1
    assert "hunter2" not in run.err and "u:***@127.0.0.1:1/x: cannot connect" in run.err
