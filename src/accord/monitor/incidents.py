"""Incidents: opened from monitoring's confirmed state, by hand, or by a customer's report.

- from monitoring (`on_change`): a group confirmed down opens an incident (when its
  monitor says so, Letsignit L4) that starts where the outage started; coming back up
  resolves it. The moment of confirmation is the provider's own initial notice (Lavi V8);
- by hand (`open_incident`), or by a customer's report (`report`), whose time is the
  initial notice (`reported_at`);
- a timeline (`add_update`): investigating, identified, monitoring, resolved;
- a cause (unplanned, maintenance, force majeure, third party, attack, customer):
  changing it (`change_cause`) is a decision recorded with its reason and author in the
  audit log and on the timeline, because it changes what the statement excludes.

A resolved incident is also an outage in the customer's evidence (same id), with its
cause and initial notice, so the statement excludes or counts it as the contract says.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from accord.domain.evidence import CAUSES
from accord.monitor.tracker import Change
from accord.services import audit
from accord.store.models import IncidentUpdate, StoredIncident, StoredOutage

STATUSES = ("investigating", "identified", "monitoring", "resolved")
SOURCES = ("monitoring", "manual", "customer_report")


def open_incident(
    session: Session,
    tenant: str,
    customer: str | None,
    title: str,
    started_at: datetime,
    author: str,
    now: datetime,
    source: str = "manual",
    reported_at: datetime | None = None,
    monitor: str | None = None,
    scope: str | None = None,
    locations: Sequence[str] = (),
    message: str = "",
) -> StoredIncident:
    """Open an incident, its first timeline entry and its audit entry; commits."""
    incident = StoredIncident(
        tenant_id=tenant, id=uuid.uuid4(), customer_key=customer, title=title, source=source,
        monitor=monitor, scope=scope, locations=list(locations), status="investigating",
        cause="unplanned", started_at=started_at, reported_at=reported_at, resolved_at=None,
    )  # fmt: skip
    session.add(incident)
    session.flush()
    _timeline(session, incident, now, "investigating", message or title, author)
    after = {"title": title, "source": source, "started_at": started_at.isoformat()}
    audit.record(session, tenant, author, "create", _resource(incident), now, customer, after=after)
    session.commit()
    return incident


def report(
    session: Session, tenant: str, customer: str, title: str, author: str, now: datetime
) -> StoredIncident:
    """A customer's report: an incident whose initial notice is the report itself."""
    return open_incident(session, tenant, customer, title, now, author, now,
                         source="customer_report", reported_at=now)  # fmt: skip


def add_update(
    session: Session,
    incident: StoredIncident,
    status: str,
    message: str,
    author: str,
    now: datetime,
) -> None:
    """A timeline entry; `resolved` resolves the incident; commits."""
    if status not in STATUSES:
        raise ValueError(f"status: expected one of {', '.join(STATUSES)}, got {status!r}")
    incident.status = status
    _timeline(session, incident, now, status, message, author)
    if status == "resolved" and incident.resolved_at is None:
        incident.resolved_at = now
        _as_outage(session, incident)
    session.commit()


def change_cause(
    session: Session, incident: StoredIncident, cause: str, reason: str, author: str, now: datetime
) -> None:
    """Change the cause, with the reason, in the audit log and on the timeline; commits."""
    if cause not in CAUSES:
        raise ValueError(f"cause: expected one of {', '.join(CAUSES)}, got {cause!r}")
    if not reason.strip():
        raise ValueError("reason: a change of cause changes exclusions; say why")
    before = incident.cause
    incident.cause = cause
    _timeline(session, incident, now, incident.status,
              f"cause changed from {before} to {cause}: {reason}", author)  # fmt: skip
    audit.record(session, incident.tenant_id, author, "update", _resource(incident), now,
                 incident.customer_key, before={"cause": before},
                 after={"cause": cause, "reason": reason})  # fmt: skip
    if incident.resolved_at is not None:
        _as_outage(session, incident)
    session.commit()


def on_change(
    session: Session, tenant: str, customer: str, change: Change, opens: bool, now: datetime
) -> StoredIncident | None:
    """Open or resolve the monitoring incident of a group as its confirmed state changes."""
    name, scope = change.group
    if change.down:
        if not opens or _open_for(session, tenant, customer, name, scope) is not None:
            return None
        title = f"{name} down" + (f" at {scope}" if scope else "")
        return open_incident(
            session, tenant, customer, title, change.since, "monitoring", now,
            source="monitoring", reported_at=now, monitor=name, scope=scope or None,
            message=f"confirmed down: {change.reason}",
        )  # fmt: skip
    found = _open_for(session, tenant, customer, name, scope)
    if found is not None:
        add_update(session, found, "resolved", f"back up: {change.reason}", "monitoring", now)
    return found


def timeline(session: Session, incident: StoredIncident) -> list[IncidentUpdate]:
    return list(
        session.scalars(
            select(IncidentUpdate)
            .where(
                IncidentUpdate.tenant_id == incident.tenant_id,
                IncidentUpdate.incident_id == incident.id,
            )  # fmt: skip
            .order_by(IncidentUpdate.seq)
        )
    )


def _open_for(
    session: Session, tenant: str, customer: str, name: str, scope: str
) -> StoredIncident | None:
    return session.scalars(
        select(StoredIncident).where(
            StoredIncident.tenant_id == tenant,
            StoredIncident.customer_key == customer,
            StoredIncident.monitor == name,
            StoredIncident.scope == (scope or None),
            StoredIncident.source == "monitoring",
            StoredIncident.resolved_at.is_(None),
        )  # fmt: skip
    ).first()


def _timeline(
    session: Session, incident: StoredIncident, at: datetime, status: str, message: str, author: str
) -> None:
    last = session.scalar(
        select(func.max(IncidentUpdate.seq)).where(
            IncidentUpdate.tenant_id == incident.tenant_id,
            IncidentUpdate.incident_id == incident.id,
        )
    )
    session.add(IncidentUpdate(tenant_id=incident.tenant_id, incident_id=incident.id,
                               seq=(last or 0) + 1, at=at, status=status, message=message,
                               author=author))  # fmt: skip
    session.flush()


def _as_outage(session: Session, incident: StoredIncident) -> None:
    assert incident.resolved_at is not None
    row = session.get(StoredOutage, (incident.tenant_id, incident.id))
    if row is None:
        row = StoredOutage(tenant_id=incident.tenant_id, id=incident.id, batch_id=None)
        session.add(row)
    row.customer_key = incident.customer_key
    row.start, row.end = incident.started_at, incident.resolved_at
    row.scope, row.cause, row.reported_at = incident.scope, incident.cause, incident.reported_at


def _resource(incident: StoredIncident) -> str:
    return f"incidents/{incident.id}"
