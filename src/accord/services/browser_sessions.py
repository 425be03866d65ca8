"""Signed-in browsers, kept in the store so that every process of the service knows them
and a restart signs no one out.

The cookie reads `<tenant>.<secret>`: the tenant and the secret's SHA-256 find the row.
A session opened with an API token ends when that token is revoked or expires.
"""

from __future__ import annotations

import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from accord.services.accounts import Principal, Role, secret_digest
from accord.store.models import ApiToken, BrowserSession, User

__all__ = ["LIFETIME", "SignedIn", "close_session", "find_session", "open_session"]

LIFETIME = timedelta(hours=8)
_COOKIE = re.compile(r"^([a-z0-9][a-z0-9-]{0,63})\.([A-Za-z0-9_-]{43})$")


@dataclass(frozen=True)
class SignedIn:
    cookie: str  # the cookie's value: tenant and secret
    principal: Principal  # who signed in
    csrf: str  # the token every form of this session carries
    expires_at: datetime  # UTC


def open_session(
    session: Session, principal: Principal, user_id: uuid.UUID, now: datetime
) -> SignedIn:
    """A new session for `principal`; expired sessions of its tenant are dropped."""
    session.execute(
        delete(BrowserSession).where(
            BrowserSession.tenant_id == principal.tenant, BrowserSession.expires_at <= now
        )
    )
    secret, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    row = BrowserSession(
        tenant_id=principal.tenant,
        secret_sha256=secret_digest(secret),
        user_id=user_id,
        role=principal.role,
        customer_key=principal.customer,
        token_id=principal.token_id,
        csrf=csrf,
        created_at=now,
        expires_at=now + LIFETIME,
    )
    session.add(row)
    return SignedIn(f"{principal.tenant}.{secret}", principal, csrf, row.expires_at)


def find_session(session: Session, cookie: str | None, now: datetime) -> SignedIn | None:
    """The live session of a cookie; None when unknown, expired, or its token is gone."""
    row = _row(session, cookie)
    if row is None or row.expires_at <= now:
        return None
    user = session.get(User, (row.tenant_id, row.user_id))
    if user is None:
        return None
    if row.token_id is not None:
        token = session.get(ApiToken, (row.tenant_id, row.token_id))
        if (
            token is None
            or token.revoked_at is not None
            or (token.expires_at is not None and token.expires_at <= now)
        ):
            return None
    role: Role = row.role  # type: ignore[assignment]
    principal = Principal(row.tenant_id, user.name, role, row.customer_key, row.token_id)
    return SignedIn(str(cookie), principal, row.csrf, row.expires_at)


def close_session(session: Session, cookie: str | None) -> None:
    row = _row(session, cookie)
    if row is not None:
        session.delete(row)


def _row(session: Session, cookie: str | None) -> BrowserSession | None:
    match = _COOKIE.match(cookie or "")
    if match is None:
        return None
    tenant, secret = match.groups()
    return session.get(BrowserSession, (tenant, secret_digest(secret)))
