"""A customer's month from the store: live while it runs, frozen once it is over.

The statements are those of `accord.services.evaluate` on the evidence the store holds
for the customer, one per subscription that runs in the month: the same service as
`accord evaluate` over files, so the figures are the same. A closed month is frozen on
first request with the SHA-256 of its evidence (the evidence document `accord export`
writes), and served as frozen from then on.
"""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.domain.evidence import Evidence
from accord.domain.period import Period, parse_month
from accord.domain.statement import statement_json
from accord.evidence import write_evidence
from accord.services.contract_versions import load_version
from accord.services.evaluate import evaluate
from accord.store.evidence_rows import stored_evidence
from accord.store.models import ContractVersion, FrozenStatement, Subscription

__all__ = ["MonthOfSubscription", "customer_month", "evidence_sha256", "months_of"]


@dataclass(frozen=True)
class MonthOfSubscription:
    subscription: Subscription
    version: ContractVersion
    period: Period  # the month in the contract's zone
    evidence: Evidence  # what the store holds for it


def months_of(
    session: Session, tenant: str, customer: str, label: str
) -> list[MonthOfSubscription]:
    """Each subscription of the customer that runs during month `label`, with its evidence.

    Raises ValueError for a label that is not YYYY-MM."""
    found = []
    subscriptions = session.scalars(
        select(Subscription)
        .where(Subscription.tenant_id == tenant, Subscription.customer_key == customer)
        .order_by(Subscription.starts_at, Subscription.id)
    )
    for subscription in subscriptions:
        version = session.get(
            ContractVersion, (tenant, subscription.contract_key, subscription.version)
        )
        assert version is not None  # a foreign key holds it
        period = parse_month(label, load_version(version).contract.zone)
        ends = subscription.ends_at
        if subscription.starts_at < period.end and (ends is None or ends > period.start):
            evidence = stored_evidence(session, subscription, period.start, period.end)
            found.append(MonthOfSubscription(subscription, version, period, evidence))
    return found


def customer_month(
    session: Session, tenant: str, customer: str, label: str, now: datetime, grace: timedelta
) -> dict[str, Any]:
    """The month's statement document: frozen when the month (plus `grace`) is over,
    else live as of `now`."""
    frozen = session.get(FrozenStatement, (tenant, customer, label))
    if frozen is not None:
        return dict(frozen.body)
    months = months_of(session, tenant, customer, label)
    statements = [_statement(m, now) for m in months]
    closed = bool(months) and all(now >= m.period.end + grace for m in months)
    # The digest is what freezing needs; a live month changes under it anyway.
    digest = evidence_sha256([m.evidence for m in months]) if closed else None
    body = {
        "customer": customer,
        "period": label,
        "status": "frozen" if closed else "live",
        "as_of": now.isoformat().replace("+00:00", "Z"),
        "evidence_sha256": digest,
        "statements": statements,
    }
    if closed:
        session.add(
            FrozenStatement(
                tenant_id=tenant,
                customer_key=customer,
                period=label,
                evidence_sha256=str(digest),
                body=body,
                frozen_at=now,
            )
        )
        session.flush()
    return body


def _statement(month: MonthOfSubscription, now: datetime) -> dict[str, Any]:
    loaded = load_version(month.version)
    plan = month.subscription.plan
    [statement] = evaluate(loaded, month.evidence, [month.period], now, plan)
    return {"subscription": str(month.subscription.id), **statement_json(statement)}


def evidence_sha256(evidences: list[Evidence]) -> str:
    """The SHA-256 of the evidence documents `write_evidence` makes of them, in order."""
    digest = hashlib.sha256()
    with tempfile.TemporaryDirectory(prefix="accord-digest-") as folder:
        for i, evidence in enumerate(evidences):
            path = Path(folder) / f"{i}.json"
            write_evidence(evidence, path, inline_up_to=len(evidence.samples) + 1)
            digest.update(path.read_bytes())
    return digest.hexdigest()
