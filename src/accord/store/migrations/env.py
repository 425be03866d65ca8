"""Alembic's entry point: migrate the engine handed over by `accord.store.database`."""

from __future__ import annotations

from alembic import context

import accord.store.models  # noqa: F401  (registers every table)
from accord.store.base import Base

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
