"""Plan a customer's maintenance window: checked against its contract, saved if excused.

The check is `accord.services.maintenance_plan.check_plan` (the rules of `accord
maintenance check`), beside the windows the store already holds for the customer. A plan
that would count as downtime is refused and nothing is stored; one the contract excuses in
full is stored as maintenance evidence, announced now, and so shows on the status page.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.domain.evidence import Evidence, MaintenanceWindow
from accord.services.contract_versions import load_version
from accord.services.ingest import store_evidence
from accord.services.maintenance_plan import MaintenanceCheck, check_plan
from accord.store.evidence_rows import stored_evidence
from accord.store.models import ContractVersion, Subscription

__all__ = ["NoSubscription", "Planned", "plan_maintenance"]


class NoSubscription(LookupError):
    """The customer has no subscription running at the window's start."""


@dataclass(frozen=True)
class Planned:
    check: MaintenanceCheck  # what the contract makes of it
    saved: bool  # stored (only when the contract excuses all of it)


def plan_maintenance(
    session: Session,
    tenant: str,
    customer: str,
    window: MaintenanceWindow,
    actor: str,
    now: datetime,
) -> Planned:
    subscription = _running(session, tenant, customer, window.start)
    version = session.get(
        ContractVersion, (tenant, subscription.contract_key, subscription.version)
    )
    assert version is not None  # a foreign key holds it
    existing = stored_evidence(session, subscription, window.start, window.end).maintenance
    check = check_plan(load_version(version), [window], now, existing)
    if not check.accepted:
        return Planned(check, False)
    announced = check.windows[0]
    key = f"maintenance-{uuid.uuid4().hex}"
    digest = hashlib.sha256(repr(announced).encode()).hexdigest()
    store_evidence(session, tenant, customer, "maintenance", key, digest,
                   Evidence(maintenance=(announced,)), actor, now, keep_raw=False)  # fmt: skip
    return Planned(check, True)


def _running(session: Session, tenant: str, customer: str, at: datetime) -> Subscription:
    for s in session.scalars(
        select(Subscription)
        .where(Subscription.tenant_id == tenant, Subscription.customer_key == customer)
        .order_by(Subscription.starts_at.desc())
    ):
        if s.starts_at <= at and (s.ends_at is None or s.ends_at > at):
            return s
    raise NoSubscription(f"customer {customer!r} has no subscription running at {at:%Y-%m-%d}")
