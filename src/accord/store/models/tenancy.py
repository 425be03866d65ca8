"""Who may do what: tenants (provider organisations), users, API tokens, the web's
sign-in sessions, the audit log."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKeyConstraint, Index, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from accord.store.base import Base, TenantKey, UTCDateTime, tenant_column

__all__ = ["ApiToken", "AuditEntry", "BrowserSession", "Tenant", "User"]


class Tenant(Base):
    """A provider organisation; everything it owns carries its id first in every key."""

    __tablename__ = "tenants"
    id: Mapped[str] = mapped_column(TenantKey, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class User(Base):
    """A person or a system acting for a tenant, in one role (and one customer for some)."""

    __tablename__ = "users"
    tenant_id: Mapped[str] = tenant_column()
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(32))
    customer_key: Mapped[str | None] = mapped_column(String(64))  # customer roles, auditor
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    password_argon2: Mapped[str | None] = mapped_column(String(200))  # None: no web password
    __table_args__ = (
        ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),
        Index(None, "tenant_id", "name", unique=True),
    )


class ApiToken(Base):
    """A bearer token: shown once, stored as the SHA-256 of its secret, expiring, revocable.

    The secret is 256 random bits, so a fast hash is as safe as a slow one and keeps
    every request cheap; slow hashes (argon2) are for passwords people choose.
    """

    __tablename__ = "api_tokens"
    tenant_id: Mapped[str] = tenant_column()
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(32))  # at most the user's role
    customer_key: Mapped[str | None] = mapped_column(String(64))
    secret_sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    __table_args__ = (
        ForeignKeyConstraint(["tenant_id", "user_id"], ["users.tenant_id", "users.id"]),
    )


class BrowserSession(Base):
    """A signed-in browser: its cookie holds the tenant and a secret stored as its SHA-256
    (256 random bits, as for tokens), so a copy of the database opens no session."""

    __tablename__ = "browser_sessions"
    tenant_id: Mapped[str] = tenant_column()
    secret_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    role: Mapped[str] = mapped_column(String(32))
    customer_key: Mapped[str | None] = mapped_column(String(64))
    token_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)  # signed in with a token: its id
    csrf: Mapped[str] = mapped_column(String(64))  # the token every form of it carries
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    __table_args__ = (
        ForeignKeyConstraint(["tenant_id", "user_id"], ["users.tenant_id", "users.id"]),
    )


class AuditEntry(Base):
    """One change: who made it, when, to what, and the object before and after."""

    __tablename__ = "audit_log"
    tenant_id: Mapped[str] = tenant_column()
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(200))  # 'user-name (token id)' or 'cli'
    action: Mapped[str] = mapped_column(String(32))  # create, update, revoke, ingest, freeze
    resource: Mapped[str] = mapped_column(String(300))  # e.g. 'customers/acme'
    customer_key: Mapped[str | None] = mapped_column(String(64))  # whose it is, when a customer's
    before: Mapped[Any | None] = mapped_column(JSON)
    after: Mapped[Any | None] = mapped_column(JSON)
    __table_args__ = (Index(None, "tenant_id", "at", "id"),)
