"""The store's fixtures (a fresh migrated SQLite and PostgreSQL database per test), and a
tenant with one customer."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from accord.services.accounts import ensure_tenant
from accord.services.customers import add_customer
from accord.store.database import make_sessions
from store.conftest import empty_engine, engine  # noqa: F401  (the shared fixtures)

NOW = datetime(2026, 10, 5, 8, 0, tzinfo=UTC)


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:  # noqa: F811
    with make_sessions(engine)() as s:
        ensure_tenant(s, "acme-sla", "Acme SLA", NOW)
        add_customer(s, "acme-sla", "globex", "Globex", "admin", NOW)
        s.commit()
        yield s
