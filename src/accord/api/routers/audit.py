"""/audit: every change, newest first: who, when, what, before and after."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel
from sqlalchemy import or_, select

from accord.api.deps import PrincipalDep, SessionDep, require
from accord.api.pagination import CursorParam, LimitParam, Page, decode_cursor, encode_cursor
from accord.api.problems import Refusal, problem_responses
from accord.store.models import AuditEntry

router = APIRouter(prefix="/audit", tags=["audit"])


class AuditPublic(BaseModel):
    id: str
    at: datetime
    actor: str
    action: str
    resource: str
    customer: str | None
    before: Any
    after: Any


@router.get("", response_model=Page[AuditPublic], responses=problem_responses(401, 403, 422))
def list_audit(
    session: SessionDep,
    principal: PrincipalDep,
    limit: LimitParam = 100,
    cursor: CursorParam = None,
) -> Page[AuditPublic]:
    """The whole tenant's log for a provider admin; a customer's own entries for its
    admin and its auditor."""
    require(principal, "provider_admin", "customer_admin", "auditor")
    after = decode_cursor(cursor, 2)
    query = select(AuditEntry).where(AuditEntry.tenant_id == principal.tenant)
    if not principal.provider:
        query = query.where(AuditEntry.customer_key == principal.customer)
    if after is not None:
        try:
            at, key = datetime.fromisoformat(str(after[0])), uuid.UUID(str(after[1]))
        except ValueError:
            raise Refusal(
                422, "query.cursor: not a cursor this list gave", "query.cursor"
            ) from None
        query = query.where(or_(AuditEntry.at < at, (AuditEntry.at == at) & (AuditEntry.id < key)))
    query = query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit + 1)
    rows = list(session.scalars(query))
    items = [
        AuditPublic(
            id=str(e.id),
            at=e.at,
            actor=e.actor,
            action=e.action,
            resource=e.resource,
            customer=e.customer_key,
            before=e.before,
            after=e.after,
        )
        for e in rows[:limit]
    ]
    last = rows[limit - 1] if len(rows) > limit else None
    cursor_next = encode_cursor([last.at.isoformat(), str(last.id)]) if last else None
    return Page(items=items, next_cursor=cursor_next)
