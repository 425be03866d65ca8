"""A provider's status page from the store: each subscription running now, its 90 days.

The same `service_status` as `accord status export` over files, fed by the evidence the
store holds for each customer (`stored_evidence`, as the statements read it), so the page
served and the page exported agree.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.services.contract_versions import load_version
from accord.services.status import DAYS, ServiceStatus, service_status
from accord.store.evidence_rows import stored_evidence
from accord.store.models import ContractVersion, Customer, Subscription

__all__ = ["tenant_status"]

_REACH = timedelta(days=DAYS + 62)  # the days shown and the whole months around them


def tenant_status(session: Session, tenant: str, now: datetime) -> list[ServiceStatus]:
    """One status per subscription running at `now`, by customer name then contract."""
    rows = session.execute(
        select(Subscription, Customer.name)
        .join(
            Customer,
            (Customer.tenant_id == Subscription.tenant_id)
            & (Customer.key == Subscription.customer_key),
        )
        .where(Subscription.tenant_id == tenant, Subscription.starts_at <= now)
        .order_by(Customer.name, Subscription.contract_key, Subscription.id)
    ).all()
    found = []
    for subscription, customer in rows:
        if subscription.ends_at is not None and subscription.ends_at <= now:
            continue
        version = session.get(
            ContractVersion, (tenant, subscription.contract_key, subscription.version)
        )
        assert version is not None  # a foreign key holds it
        loaded = load_version(version)
        evidence = stored_evidence(session, subscription, now - _REACH, now + timedelta(days=1))
        status = service_status(loaded, evidence, now)
        found.append(replace(status, title=f"{status.title} ({customer})"))
    return found
