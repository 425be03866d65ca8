"""Statements of closed months, frozen with the digest of the evidence they came from."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKeyConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from accord.store.base import Base, UTCDateTime, tenant_column

__all__ = ["FrozenStatement"]


class FrozenStatement(Base):
    """A customer's month once it is over: the statements as computed, never recomputed."""

    __tablename__ = "statements"
    tenant_id: Mapped[str] = tenant_column()
    customer_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    period: Mapped[str] = mapped_column(String(7), primary_key=True)  # 'YYYY-MM'
    evidence_sha256: Mapped[str] = mapped_column(String(64))  # of the evidence used
    body: Mapped[Any] = mapped_column(JSON)  # the statement document as served
    frozen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    __table_args__ = (
        ForeignKeyConstraint(
            ["tenant_id", "customer_key"], ["customers.tenant_id", "customers.key"]
        ),
    )
