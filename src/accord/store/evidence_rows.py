"""Evidence in and out of the store: a batch's evidence written as rows, and a customer's
evidence for a window read back as the domain's `Evidence`.

Outages and maintenance without a customer concern every customer of the tenant. A
ticket sent again replaces the stored one with its events: the helpdesk's latest word on
a ticket is the whole ticket.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import delete, insert, or_, select
from sqlalchemy.orm import Session

from accord.domain.evidence import (
    Evidence,
    Fees,
    MaintenanceWindow,
    MetricPoint,
    Outage,
    Ticket,
    TicketEvent,
)
from accord.store.models import (
    StoredMaintenance,
    StoredMetric,
    StoredOutage,
    StoredTicket,
    StoredTicketEvent,
    Subscription,
)
from accord.store.sample_rows import read_samples, write_samples

__all__ = ["SAMPLE_MARGIN", "stored_evidence", "write_evidence_rows"]

# Samples are read for the month and this much around it: a sample before the month can
# hold into it, and a failure confirmed in the month can start before it.
SAMPLE_MARGIN = timedelta(days=7)


def write_evidence_rows(
    session: Session,
    tenant: str,
    customer: str | None,
    batch: uuid.UUID,
    evidence: Evidence,
    keep_raw: bool,
) -> int:
    """Add the evidence of one batch; returns how many items it held."""
    owner = {"tenant_id": tenant, "customer_key": customer, "batch_id": batch}
    if len(evidence.samples):
        assert customer is not None
        write_samples(session, tenant, customer, batch, evidence.samples, keep_raw)
    if evidence.outages:
        session.execute(
            insert(StoredOutage),
            [
                {
                    **owner,
                    "id": uuid.uuid4(),
                    "start": o.start,
                    "end": o.end,
                    "scope": o.scope,
                    "cause": o.cause,
                    "reported_at": o.reported_at,
                }
                for o in evidence.outages
            ],
        )
    if evidence.maintenance:
        session.execute(
            insert(StoredMaintenance),
            [
                {
                    **owner,
                    "id": uuid.uuid4(),
                    "start": w.start,
                    "end": w.end,
                    "scope": w.scope,
                    "announced_at": w.announced_at,
                }
                for w in evidence.maintenance
            ],
        )
    if evidence.metrics:
        session.execute(
            insert(StoredMetric),
            [
                {
                    **owner,
                    "id": uuid.uuid4(),
                    "name": m.name,
                    "at": m.at,
                    "value": m.value,
                    "scope": m.scope,
                }
                for m in evidence.metrics
            ],
        )
    for ticket in evidence.tickets:
        assert customer is not None
        _replace_ticket(session, tenant, customer, ticket)
    return (
        len(evidence.samples)
        + len(evidence.outages)
        + len(evidence.maintenance)
        + len(evidence.metrics)
        + len(evidence.tickets)
    )


def _replace_ticket(session: Session, tenant: str, customer: str, t: Ticket) -> None:
    mine = (
        StoredTicketEvent.tenant_id == tenant,
        StoredTicketEvent.customer_key == customer,
        StoredTicketEvent.ticket_id == t.id,
    )
    session.execute(delete(StoredTicketEvent).where(*mine))
    session.execute(
        delete(StoredTicket).where(
            StoredTicket.tenant_id == tenant,
            StoredTicket.customer_key == customer,
            StoredTicket.id == t.id,
        )
    )
    session.execute(
        insert(StoredTicket),
        [
            {
                "tenant_id": tenant,
                "customer_key": customer,
                "id": t.id,
                "severity": t.severity,
                "opened_at": t.opened_at,
                "opened_by_role": t.opened_by_role,
                "scope": t.scope,
            }
        ],
    )
    if t.events:
        session.execute(
            insert(StoredTicketEvent),
            [
                {
                    "tenant_id": tenant,
                    "customer_key": customer,
                    "ticket_id": t.id,
                    "seq": i,
                    "at": e.at,
                    "type": e.type,
                    "severity": e.severity,
                }
                for i, e in enumerate(t.events)
            ],
        )


def stored_evidence(
    session: Session, subscription: Subscription, start: datetime, end: datetime
) -> Evidence:
    """The subscription's customer's evidence as `accord evaluate` would read it from files:
    samples of the window (with a margin), everything else the customer has."""
    tenant, customer = subscription.tenant_id, subscription.customer_key
    fees = None
    if subscription.currency is not None:
        fees = Fees(
            subscription.currency, subscription.monthly_fee, dict(subscription.fees_by_scope)
        )
    first = int((start - SAMPLE_MARGIN).timestamp())
    last = int((end + SAMPLE_MARGIN).timestamp())
    return Evidence(
        plan=subscription.plan,
        fees=fees,
        samples=read_samples(session, tenant, customer, first, last),
        outages=_outages(session, tenant, customer),
        maintenance=_maintenance(session, tenant, customer),
        tickets=_tickets(session, tenant, customer),
        metrics=_metrics(session, tenant, customer),
        first_order_at=subscription.first_order_at,
    )


def _outages(session: Session, tenant: str, customer: str) -> tuple[Outage, ...]:
    rows = session.scalars(
        select(StoredOutage)
        .where(
            StoredOutage.tenant_id == tenant,
            or_(StoredOutage.customer_key == customer, StoredOutage.customer_key.is_(None)),
        )
        .order_by(StoredOutage.start, StoredOutage.id)
    )
    return tuple(
        Outage(r.start, r.end, r.scope, r.cause, r.reported_at)  # type: ignore[arg-type]
        for r in rows
    )


def _maintenance(session: Session, tenant: str, customer: str) -> tuple[MaintenanceWindow, ...]:
    rows = session.scalars(
        select(StoredMaintenance)
        .where(
            StoredMaintenance.tenant_id == tenant,
            or_(
                StoredMaintenance.customer_key == customer, StoredMaintenance.customer_key.is_(None)
            ),
        )
        .order_by(StoredMaintenance.start, StoredMaintenance.id)
    )
    return tuple(MaintenanceWindow(r.start, r.end, r.scope, r.announced_at) for r in rows)


def _metrics(session: Session, tenant: str, customer: str) -> tuple[MetricPoint, ...]:
    rows = session.scalars(
        select(StoredMetric)
        .where(StoredMetric.tenant_id == tenant, StoredMetric.customer_key == customer)
        .order_by(StoredMetric.at, StoredMetric.name, StoredMetric.id)
    )
    return tuple(MetricPoint(r.name, r.at, r.value, r.scope) for r in rows)


def _tickets(session: Session, tenant: str, customer: str) -> tuple[Ticket, ...]:
    events: dict[str, list[TicketEvent]] = {}
    for e in session.scalars(
        select(StoredTicketEvent)
        .where(StoredTicketEvent.tenant_id == tenant, StoredTicketEvent.customer_key == customer)
        .order_by(StoredTicketEvent.ticket_id, StoredTicketEvent.seq)
    ):
        events.setdefault(e.ticket_id, []).append(
            TicketEvent(e.at, e.type, e.severity)  # type: ignore[arg-type]
        )
    rows = session.scalars(
        select(StoredTicket)
        .where(StoredTicket.tenant_id == tenant, StoredTicket.customer_key == customer)
        .order_by(StoredTicket.opened_at, StoredTicket.id)
    )
    return tuple(
        Ticket(
            r.id, r.severity, r.opened_at, r.opened_by_role, tuple(events.get(r.id, ())), r.scope
        )
        for r in rows
    )
