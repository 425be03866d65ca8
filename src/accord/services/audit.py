"""The audit log: every change, with who made it, when, what, and before and after."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from accord.store.models import AuditEntry

__all__ = ["record"]


def record(
    session: Session,
    tenant: str,
    actor: str,
    action: str,
    resource: str,
    now: datetime,
    customer: str | None = None,
    before: Any = None,
    after: Any = None,
) -> None:
    """Add an entry to the session's transaction: it is kept exactly when the change is."""
    session.add(
        AuditEntry(
            tenant_id=tenant,
            id=uuid.uuid4(),
            at=now,
            actor=actor,
            action=action,
            resource=resource,
            customer_key=customer,
            before=before,
            after=after,
        )
    )
