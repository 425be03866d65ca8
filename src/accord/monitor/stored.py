"""Monitors in the store: declared per customer, claimed by workers through leases, and
their results stored as evidence.

Workers share the monitors without a coordinator of their own: each claims the free ones
(no lease, or a lease run out) and renews its leases while it probes them. On PostgreSQL
the claim reads with `FOR UPDATE SKIP LOCKED`, so two workers claiming at once take
different rows and never wait for each other; SQLite has one writer at a time, which makes
its claim safe and leaves it to a single worker in practice.

Results are stored as sample evidence through the ingest service, in batches whose key
names the worker and the batch: a batch retried after a failure is stored once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from accord.domain.availability import MeasurementRule
from accord.domain.evidence import Evidence
from accord.monitor.monitors import Monitor
from accord.monitor.probes import ProbeTarget
from accord.monitor.samples import Checked, to_samples
from accord.services.ingest import Receipt, store_evidence
from accord.store.models import StoredMonitor


@dataclass(frozen=True)
class Claimed:
    tenant: str
    customer: str
    monitor: Monitor


def monitor_key(customer: str, monitor: Monitor) -> str:
    return f"{customer}|{monitor.key}"


def save_monitors(
    session: Session, tenant: str, customer: str, monitors: Sequence[Monitor]
) -> None:
    """Declare (or redeclare) a customer's monitors; leases already held are kept."""
    for m in monitors:
        key = monitor_key(customer, m)
        row = session.get(StoredMonitor, (tenant, key))
        if row is None:
            row = StoredMonitor(tenant_id=tenant, key=key, lease_owner=None, lease_until=0)
            session.add(row)
        doc = document(m)
        row.customer_key = customer
        row.name, row.scope, row.location = m.name, m.scope, m.location
        row.target, row.interval, row.rule = doc["target"], m.interval, doc["rule"]
        row.opens_incident, row.remediation = m.opens_incident, doc["remediation"]
    session.commit()


def claim(
    session: Session,
    worker: str,
    now: int,
    lease: int,
    limit: int = 10_000,
    location: str = "",
    tenant: str | None = None,
) -> list[Claimed]:
    """Take up to `limit` free monitors of `location` (renewing this worker's own) for
    `lease` seconds from `now` (epoch seconds); commits."""
    query = (
        select(StoredMonitor)
        .where(StoredMonitor.location == location)
        .where(or_(StoredMonitor.lease_until <= now, StoredMonitor.lease_owner == worker))
        .order_by(StoredMonitor.tenant_id, StoredMonitor.key)
        .limit(limit)
    )
    if tenant is not None:
        query = query.where(StoredMonitor.tenant_id == tenant)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    keys = [(r.tenant_id, r.key) for r in session.scalars(query)]
    # The update checks the lease again: on a database without row locks (SQLite) two
    # workers may read the same free rows, but only one update of each row wins.
    free = or_(StoredMonitor.lease_until <= now, StoredMonitor.lease_owner == worker)
    until = now + lease
    for tenant_id, key in keys:
        session.execute(
            update(StoredMonitor)
            .where(StoredMonitor.tenant_id == tenant_id, StoredMonitor.key == key, free)
            .values(lease_owner=worker, lease_until=until)
        )
    session.commit()
    won = session.scalars(
        select(StoredMonitor).where(
            StoredMonitor.lease_owner == worker, StoredMonitor.lease_until == until
        )
    )
    found = [Claimed(r.tenant_id, r.customer_key, as_monitor(r)) for r in won]
    session.commit()
    return found


def release(session: Session, worker: str) -> None:
    """Give up every lease of `worker` (on a clean stop); commits."""
    for row in session.scalars(select(StoredMonitor).where(StoredMonitor.lease_owner == worker)):
        row.lease_owner, row.lease_until = None, 0
    session.commit()


def as_monitor(row: StoredMonitor) -> Monitor:
    return from_document(
        {
            "name": row.name,
            "scope": row.scope,
            "location": row.location,
            "target": row.target,
            "interval": row.interval,
            "rule": row.rule,
            "opens_incident": row.opens_incident,
            "remediation": row.remediation,
        }  # fmt: skip
    )


def document(monitor: Monitor) -> dict[str, Any]:
    """A monitor as plain JSON (the form stored in a row and sent to remote agents)."""
    rule = monitor.rule
    return {
        "name": monitor.name,
        "scope": monitor.scope,
        "location": monitor.location,
        "target": asdict(monitor.target) | {"expect_status": list(monitor.target.expect_status)},
        "interval": monitor.interval,
        "rule": {
            "confirmations": rule.confirmations,
            "quorum": rule.quorum,
            "minimum_outage": rule.minimum_outage,
            "tolerance": rule.tolerance,
        },  # fmt: skip
        "opens_incident": monitor.opens_incident,
        "remediation": list(monitor.remediation),
    }


def from_document(doc: Mapping[str, Any]) -> Monitor:
    """The monitor `document` wrote."""
    target = dict(doc["target"])
    target["expect_status"] = tuple(target.get("expect_status", ()))
    return Monitor(
        name=doc["name"],
        target=ProbeTarget(**target),
        interval=doc["interval"],
        rule=MeasurementRule(interval=doc["interval"], **doc["rule"]),
        scope=doc["scope"],
        location=doc["location"],
        opens_incident=doc["opens_incident"],
        remediation=tuple(doc["remediation"]),
    )


def store_checks(
    session: Session,
    tenant: str,
    customer: str,
    checks: Sequence[Checked],
    batch_key: str,
    actor: str,
    now: datetime,
) -> Receipt:
    """Store checks as a sample batch under `batch_key`, once; commits."""
    samples = to_samples(checks)
    digest = hashlib.sha256()
    for column in (samples.at, samples.ok, samples.scope, samples.location, samples.monitor):
        digest.update(column.tobytes())
    digest.update("\0".join((*samples.scopes, *samples.locations, *samples.monitors)).encode())
    evidence = Evidence(samples=samples)
    return store_evidence(session, tenant, customer, "samples", batch_key, digest.hexdigest(),
                          evidence, actor, now, keep_raw=True)  # fmt: skip
