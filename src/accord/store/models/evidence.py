"""Evidence as stored: batches, sample runs and raw samples, outages, maintenance, tickets,
their events and metrics, each row belonging to one tenant and (mostly) one customer.

Samples are kept as runs: consecutive samples of one vantage point (scope, location,
monitor) with one state at one interval are one row (first instant, last instant, count,
interval), so a month of an always-up one-minute monitor is one row. The raw samples,
with their response times, are kept beside them for `raw_sample_retention_days`.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Float,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from accord.store.base import Base, UTCDateTime, tenant_column

__all__ = [
    "IngestBatch",
    "RawSample",
    "SampleRun",
    "StoredMaintenance",
    "StoredMetric",
    "StoredOutage",
    "StoredTicket",
    "StoredTicketEvent",
]

Key = String(64)
Name = String(256)  # scope, location and monitor names, as long as a CSV field may be


def _customer_fk() -> ForeignKeyConstraint:
    return ForeignKeyConstraint(
        ["tenant_id", "customer_key"], ["customers.tenant_id", "customers.key"]
    )


class IngestBatch(Base):
    """A batch as acknowledged: its client key makes a retry a no-op, never a double."""

    __tablename__ = "ingest_batches"
    tenant_id: Mapped[str] = tenant_column()
    customer_key: Mapped[str] = mapped_column(Key, primary_key=True)
    batch_key: Mapped[str] = mapped_column(String(128), primary_key=True)
    id: Mapped[uuid.UUID] = mapped_column(Uuid)  # names the batch's rows
    kind: Mapped[str] = mapped_column(String(32))
    sha256: Mapped[str] = mapped_column(String(64))  # of the body: a reused key is refused
    count: Mapped[int] = mapped_column(Integer)  # items stored
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    received_by: Mapped[str] = mapped_column(String(200))
    __table_args__ = (_customer_fk(),)


class SampleRun(Base):
    """Samples at first_at, first_at + interval, ..., last_at, all `ok` or all failing."""

    __tablename__ = "sample_runs"
    tenant_id: Mapped[str] = tenant_column()
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    customer_key: Mapped[str] = mapped_column(Key)
    scope: Mapped[str] = mapped_column(Name)  # '' for the whole service
    location: Mapped[str] = mapped_column(Name)  # '' when not given
    monitor: Mapped[str] = mapped_column(Name)  # '' when not given
    ok: Mapped[bool] = mapped_column(Boolean)
    first_at: Mapped[int] = mapped_column(BigInteger)  # UTC epoch seconds
    last_at: Mapped[int] = mapped_column(BigInteger)
    count: Mapped[int] = mapped_column(Integer)
    interval: Mapped[int] = mapped_column(Integer)  # seconds; 0 for a single sample
    __table_args__ = (
        _customer_fk(),
        Index(None, "tenant_id", "customer_key", "last_at"),
        Index(None, "tenant_id", "customer_key", "scope", "location", "monitor", "last_at"),
    )


class RawSample(Base):
    """One sample as received, kept for the retention period (response times live here)."""

    __tablename__ = "raw_samples"
    tenant_id: Mapped[str] = tenant_column()
    batch_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    row: Mapped[int] = mapped_column(Integer, primary_key=True)  # place in its batch
    customer_key: Mapped[str] = mapped_column(Key)
    at: Mapped[int] = mapped_column(BigInteger)  # UTC epoch seconds
    ok: Mapped[bool] = mapped_column(Boolean)
    scope: Mapped[str] = mapped_column(Name)
    location: Mapped[str] = mapped_column(Name)
    monitor: Mapped[str] = mapped_column(Name)
    response_ms: Mapped[float | None] = mapped_column(Float)
    __table_args__ = (Index(None, "tenant_id", "customer_key", "at"),)


class StoredOutage(Base):
    """An outage declared by the provider; without a customer it concerns every customer."""

    __tablename__ = "outages"
    tenant_id: Mapped[str] = tenant_column()
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    customer_key: Mapped[str | None] = mapped_column(Key)
    start: Mapped[datetime] = mapped_column(UTCDateTime)
    end: Mapped[datetime] = mapped_column(UTCDateTime)
    scope: Mapped[str | None] = mapped_column(Name)
    cause: Mapped[str] = mapped_column(String(32))
    reported_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    batch_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    __table_args__ = (Index(None, "tenant_id", "customer_key", "start"),)


class StoredMaintenance(Base):
    """A maintenance window; without a customer it concerns every customer."""

    __tablename__ = "maintenance"
    tenant_id: Mapped[str] = tenant_column()
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    customer_key: Mapped[str | None] = mapped_column(Key)
    start: Mapped[datetime] = mapped_column(UTCDateTime)
    end: Mapped[datetime] = mapped_column(UTCDateTime)
    scope: Mapped[str | None] = mapped_column(Name)
    announced_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    batch_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    __table_args__ = (Index(None, "tenant_id", "customer_key", "start"),)


class StoredTicket(Base):
    __tablename__ = "tickets"
    tenant_id: Mapped[str] = tenant_column()
    customer_key: Mapped[str] = mapped_column(Key, primary_key=True)
    id: Mapped[str] = mapped_column(String(128), primary_key=True)  # the ticket's own id
    severity: Mapped[str] = mapped_column(String(64))  # as opened
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    opened_by_role: Mapped[str | None] = mapped_column(String(64))
    scope: Mapped[str | None] = mapped_column(Name)
    __table_args__ = (_customer_fk(), Index(None, "tenant_id", "customer_key", "opened_at"))


class StoredTicketEvent(Base):
    __tablename__ = "ticket_events"
    tenant_id: Mapped[str] = tenant_column()
    customer_key: Mapped[str] = mapped_column(Key, primary_key=True)
    ticket_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)  # order within the ticket
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    type: Mapped[str] = mapped_column(String(32))
    severity: Mapped[str | None] = mapped_column(String(64))  # for 'reclassified'
    __table_args__ = (
        ForeignKeyConstraint(
            ["tenant_id", "customer_key", "ticket_id"],
            ["tickets.tenant_id", "tickets.customer_key", "tickets.id"],
        ),
    )


class StoredMetric(Base):
    __tablename__ = "metrics"
    tenant_id: Mapped[str] = tenant_column()
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    customer_key: Mapped[str] = mapped_column(Key)
    name: Mapped[str] = mapped_column(String(128))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    value: Mapped[float] = mapped_column(Float)
    scope: Mapped[str | None] = mapped_column(Name)
    batch_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    __table_args__ = (_customer_fk(), Index(None, "tenant_id", "customer_key", "at"))
