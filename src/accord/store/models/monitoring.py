"""Monitoring as stored: monitors (with the lease of the worker probing them), incidents
and their timelines.

A monitor row is claimed by one worker at a time through its lease (`lease_owner`,
`lease_until`); a worker that dies simply stops renewing, and another takes the monitor
when the lease runs out. Results are not stored here: they are evidence (sample runs).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKeyConstraint, Index, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from accord.store.base import Base, UTCDateTime, tenant_column

__all__ = ["StoredIncident", "IncidentUpdate", "StoredMonitor"]

Key = String(64)
Name = String(256)


class StoredMonitor(Base):
    """One vantage point: a target probed from one location for one customer's scope."""

    __tablename__ = "monitors"
    tenant_id: Mapped[str] = tenant_column()
    key: Mapped[str] = mapped_column(String(800), primary_key=True)  # customer|name|scope|location
    customer_key: Mapped[str] = mapped_column(Key)
    name: Mapped[str] = mapped_column(Name)  # the samples' monitor: an objective's id
    scope: Mapped[str] = mapped_column(Name)  # '' for the whole service
    location: Mapped[str] = mapped_column(Name)  # '' for the server's own workers
    target: Mapped[dict[str, Any]] = mapped_column(JSON)  # the ProbeTarget's fields
    interval: Mapped[int] = mapped_column(Integer)  # seconds
    rule: Mapped[dict[str, Any]] = mapped_column(JSON)  # confirmations, minimum outage, quorum
    opens_incident: Mapped[bool] = mapped_column(Boolean)
    remediation: Mapped[list[Any]] = mapped_column(JSON)  # ordered actions
    lease_owner: Mapped[str | None] = mapped_column(String(200))  # the worker probing it
    lease_until: Mapped[int] = mapped_column(BigInteger)  # epoch seconds; 0: free
    __table_args__ = (
        ForeignKeyConstraint(
            ["tenant_id", "customer_key"], ["customers.tenant_id", "customers.key"]
        ),
        Index(None, "tenant_id", "location", "lease_until"),
    )


class StoredIncident(Base):
    """An incident: opened from monitoring, by hand, or from a customer's report."""

    __tablename__ = "incidents"
    tenant_id: Mapped[str] = tenant_column()
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    customer_key: Mapped[str | None] = mapped_column(Key)  # None: every customer
    title: Mapped[str] = mapped_column(String(300))
    source: Mapped[str] = mapped_column(String(32))  # monitoring, manual, customer_report
    monitor: Mapped[str | None] = mapped_column(Name)  # the monitor group's name, if any
    scope: Mapped[str | None] = mapped_column(Name)  # affected scope; None: the service
    locations: Mapped[list[Any]] = mapped_column(JSON)  # where it was seen from
    status: Mapped[str] = mapped_column(String(32))  # investigating ... resolved
    cause: Mapped[str] = mapped_column(String(32))  # unplanned, maintenance, third_party ...
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reported_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # the initial notice
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    __table_args__ = (Index(None, "tenant_id", "customer_key", "started_at"),)


class IncidentUpdate(Base):
    """One entry of an incident's timeline, in order."""

    __tablename__ = "incident_updates"
    tenant_id: Mapped[str] = tenant_column()
    incident_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(32))
    message: Mapped[str] = mapped_column(String(4000))
    author: Mapped[str] = mapped_column(String(200))
    __table_args__ = (
        ForeignKeyConstraint(["tenant_id", "incident_id"], ["incidents.tenant_id", "incidents.id"]),
    )
