"""The migrations build exactly the tables the models describe, on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

import accord.store.models  # noqa: F401
from accord.store.base import Base
from accord.store.database import revision, upgrade


def test_the_migrated_schema_has_nothing_the_models_lack_or_want(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_upgrading_twice_changes_nothing(engine: Engine) -> None:
    before = revision(engine)
    upgrade(engine)
    assert before is not None and revision(engine) == before


def test_an_empty_database_has_no_revision_until_upgraded(empty_engine: Engine) -> None:
    assert revision(empty_engine) is None
    upgrade(empty_engine)
    assert set(inspect(empty_engine).get_table_names()) >= set(Base.metadata.tables)
