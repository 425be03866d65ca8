"""The audit log: every change, with who made it, when, what, and before and after."""

from __future__ import annotations

import secrets
import threading
import time
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from accord.store.models import AuditEntry

__all__ = ["record"]

_lock = threading.Lock()
_last = 0


def _ordered_id() -> uuid.UUID:
    """An id that grows with every entry this process makes: its first half is the time in
    nanoseconds (or one more than the last), so entries of one instant keep their order."""
    global _last
    with _lock:
        _last = max(time.time_ns(), _last + 1)
        stamp = _last
    return uuid.UUID(int=(stamp << 64) | secrets.randbits(64))


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
            id=_ordered_id(),
            at=now,
            actor=actor,
            action=action,
            resource=resource,
            customer_key=customer,
            before=before,
            after=after,
        )
    )
