"""Every tenant-owned table leads its primary key and every index with `tenant_id`, so the
schema can be distributed by tenant (Citus) without changing the code."""

from __future__ import annotations

import pytest
from sqlalchemy import Table

import accord.store.models  # noqa: F401
from accord.store.base import Base

TENANT_TABLES = [t for name, t in sorted(Base.metadata.tables.items()) if name != "tenants"]


@pytest.mark.parametrize("table", TENANT_TABLES, ids=lambda t: t.name)
def test_the_primary_key_starts_with_the_tenant(table: Table) -> None:
    assert list(table.primary_key.columns)[0].name == "tenant_id"


@pytest.mark.parametrize("table", TENANT_TABLES, ids=lambda t: t.name)
def test_every_index_starts_with_the_tenant(table: Table) -> None:
    for index in table.indexes:
        assert list(index.columns)[0].name == "tenant_id", index.name


@pytest.mark.parametrize("table", TENANT_TABLES, ids=lambda t: t.name)
def test_every_foreign_key_carries_the_tenant(table: Table) -> None:
    for key in table.foreign_key_constraints:
        assert key.column_keys[0] == "tenant_id", key.name
