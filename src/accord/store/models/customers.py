"""What a provider sells to whom: customers, their locations, contracts and subscriptions."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Float, ForeignKeyConstraint, Index, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from accord.store.base import Base, UTCDateTime, tenant_column

__all__ = ["ContractVersion", "Customer", "Location", "StoredContract", "Subscription"]

Key = String(64)  # a slug chosen by the provider: 'acme', 'store-12', 'lavi-qtrac'


class Customer(Base):
    __tablename__ = "customers"
    tenant_id: Mapped[str] = tenant_column()
    key: Mapped[str] = mapped_column(Key, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    __table_args__ = (ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),)


class Location(Base):
    """A place of a customer (a store, a site): a scope of per-location objectives."""

    __tablename__ = "locations"
    tenant_id: Mapped[str] = tenant_column()
    customer_key: Mapped[str] = mapped_column(Key, primary_key=True)
    key: Mapped[str] = mapped_column(Key, primary_key=True)  # the scope evidence names
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    __table_args__ = (
        ForeignKeyConstraint(
            ["tenant_id", "customer_key"], ["customers.tenant_id", "customers.key"]
        ),
    )


class StoredContract(Base):
    """A contract by its id; its text lives in its versions."""

    __tablename__ = "contracts"
    tenant_id: Mapped[str] = tenant_column()
    key: Mapped[str] = mapped_column(Key, primary_key=True)  # the contract's `id`
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    __table_args__ = (ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),)


class ContractVersion(Base):
    """One version of a contract: the YAML exactly as uploaded, checked before it is kept."""

    __tablename__ = "contract_versions"
    tenant_id: Mapped[str] = tenant_column()
    contract_key: Mapped[str] = mapped_column(Key, primary_key=True)
    version: Mapped[str] = mapped_column(String(64), primary_key=True)
    effective_from: Mapped[datetime | None] = mapped_column(UTCDateTime)
    source: Mapped[str] = mapped_column(Text)  # verbatim
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    uploaded_by: Mapped[str] = mapped_column(String(200))
    __table_args__ = (
        ForeignKeyConstraint(
            ["tenant_id", "contract_key"], ["contracts.tenant_id", "contracts.key"]
        ),
    )


class Subscription(Base):
    """A customer on a contract version and plan, with its fees, from `starts_at`."""

    __tablename__ = "subscriptions"
    tenant_id: Mapped[str] = tenant_column()
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    customer_key: Mapped[str] = mapped_column(Key)
    contract_key: Mapped[str] = mapped_column(Key)
    version: Mapped[str] = mapped_column(String(64))
    plan: Mapped[str | None] = mapped_column(String(64))  # None: the contract's default
    currency: Mapped[str | None] = mapped_column(String(3))  # ISO 4217; None: no fees known
    monthly_fee: Mapped[float | None] = mapped_column(Float)
    fees_by_scope: Mapped[dict[str, Any]] = mapped_column(JSON)  # location -> fee
    first_order_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # None: open-ended
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    __table_args__ = (
        ForeignKeyConstraint(
            ["tenant_id", "customer_key"], ["customers.tenant_id", "customers.key"]
        ),
        ForeignKeyConstraint(
            ["tenant_id", "contract_key", "version"],
            [
                "contract_versions.tenant_id",
                "contract_versions.contract_key",
                "contract_versions.version",
            ],
        ),  # fmt: skip
        Index(None, "tenant_id", "customer_key", "starts_at"),
    )
