"""Everything of one customer as files `accord evaluate` reads: the customer's own check,
and the data export on termination.

Per subscription, a folder `<n>-<contract>@<version>/` holds the contract exactly as
uploaded (`contract.yaml`) and the evidence the store holds for the customer with the
subscription's plan and fees (`evidence.json`, samples in a CSV beside it when many);
`statements/<month>.json` holds the frozen statements, each with its evidence digest.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.evidence import write_evidence
from accord.store.evidence_rows import stored_evidence
from accord.store.models import ContractVersion, FrozenStatement, Subscription

__all__ = ["Exported", "export_customer"]

_EVER = (datetime(1970, 1, 8, tzinfo=UTC), datetime(9999, 1, 1, tzinfo=UTC))


@dataclass(frozen=True)
class Exported:
    folders: tuple[Path, ...]  # one per subscription: contract.yaml and evidence.json
    statements: tuple[Path, ...]  # frozen statements


def export_customer(session: Session, tenant: str, customer: str, out: Path) -> Exported:
    out.mkdir(parents=True, exist_ok=True)
    folders = []
    subscriptions = session.scalars(
        select(Subscription)
        .where(Subscription.tenant_id == tenant, Subscription.customer_key == customer)
        .order_by(Subscription.starts_at, Subscription.id)
    )
    for n, subscription in enumerate(subscriptions, start=1):
        version = session.get(
            ContractVersion, (tenant, subscription.contract_key, subscription.version)
        )
        assert version is not None
        folder = out / f"{n}-{version.contract_key}@{version.version}"
        folder.mkdir(exist_ok=True)
        (folder / "contract.yaml").write_text(version.source, encoding="utf-8")
        write_evidence(stored_evidence(session, subscription, *_EVER), folder / "evidence.json")
        folders.append(folder)
    statements = []
    for frozen in session.scalars(
        select(FrozenStatement)
        .where(FrozenStatement.tenant_id == tenant, FrozenStatement.customer_key == customer)
        .order_by(FrozenStatement.period)
    ):
        path = out / "statements" / f"{frozen.period}.json"
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(frozen.body, indent=2, ensure_ascii=False) + "\n", "utf-8")
        statements.append(path)
    return Exported(tuple(folders), tuple(statements))
