"""Roles, users and API tokens: who a request is, and what that role may see and do.

A token reads `accord.<tenant>.<token id>.<secret>`: the tenant and id find the row, the
secret is compared by its SHA-256 (256 random bits: a fast hash is enough, and keeps each
request cheap). A token is shown once, when created; it may expire and be revoked.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, get_args

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.services import audit
from accord.store.models import ApiToken, Tenant, User

__all__ = [
    "CUSTOMER_ROLES",
    "PROVIDER_ROLES",
    "Principal",
    "Role",
    "ROLES",
    "TokenRefused",
    "authenticate",
    "create_token",
    "ensure_tenant",
    "revoke_token",
    "secret_digest",
]

Role = Literal["provider_admin", "provider_agent", "customer_admin", "customer_viewer", "auditor"]
ROLES: tuple[Role, ...] = get_args(Role)
PROVIDER_ROLES: frozenset[str] = frozenset({"provider_admin", "provider_agent"})
CUSTOMER_ROLES: frozenset[str] = frozenset({"customer_admin", "customer_viewer", "auditor"})
_TOKEN = re.compile(r"^accord\.([a-z0-9][a-z0-9-]*)\.([0-9a-f]{32})\.([A-Za-z0-9_-]{43})$")


class TokenRefused(ValueError):
    """A token that may not be created (a role above the creator's, a customer missing)."""


@dataclass(frozen=True)
class Principal:
    """Who is asking: a token's tenant, user, role and (for customer roles) customer."""

    tenant: str
    user: str  # the user's name
    role: Role
    customer: str | None  # set for customer_admin, customer_viewer and auditor
    token_id: uuid.UUID | None  # None for the command line

    @property
    def actor(self) -> str:
        """How the audit log names them."""
        return self.user if self.token_id is None else f"{self.user} (token {self.token_id})"

    @property
    def provider(self) -> bool:
        return self.role in PROVIDER_ROLES

    def sees(self, customer: str) -> bool:
        """Whether this principal may read anything of `customer`."""
        return self.provider or self.customer == customer


def ensure_tenant(session: Session, tenant: str, name: str, now: datetime) -> Tenant:
    found = session.get(Tenant, tenant)
    if found is None:
        found = Tenant(id=tenant, name=name, created_at=now)
        session.add(found)
        session.flush()
    return found


def secret_digest(secret: str) -> str:
    """How a random secret (a token's, a browser session's) is stored: its SHA-256."""
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(
    session: Session,
    creator: Principal,
    user: str,
    role: Role,
    customer: str | None,
    expires_at: datetime | None,
    now: datetime,
) -> tuple[ApiToken, str]:
    """A new token for `user` (made on first use) and its text, shown this once."""
    if (role in CUSTOMER_ROLES) != (customer is not None):
        raise TokenRefused(
            f"role {role!r} "
            + ("needs a customer" if customer is None else "is not bound to a customer")
        )
    if creator.role != "provider_admin" and not (
        creator.role == "customer_admin"
        and customer == creator.customer
        and role in ("customer_admin", "customer_viewer")
    ):
        raise TokenRefused(
            f"a {creator.role} may not create a token with role {role!r}"
            + (f" for customer {customer!r}" if customer else "")
        )
    person = session.scalars(
        select(User).where(User.tenant_id == creator.tenant, User.name == user)
    ).one_or_none()
    if person is None:
        person = User(
            tenant_id=creator.tenant,
            id=uuid.uuid4(),
            name=user,
            role=role,
            customer_key=customer,
            created_at=now,
        )
        session.add(person)
        session.flush()
        audit.record(
            session,
            creator.tenant,
            creator.actor,
            "create",
            f"users/{user}",
            now,
            customer,
            after={"name": user, "role": role, "customer": customer},
        )
    elif (person.role, person.customer_key) != (role, customer):
        raise TokenRefused(
            f"user {user!r} is a {person.role}"
            + (f" of {person.customer_key!r}" if person.customer_key else "")
        )
    secret = secrets.token_urlsafe(32)
    token = ApiToken(
        tenant_id=creator.tenant,
        id=uuid.uuid4(),
        user_id=person.id,
        name=user,
        role=role,
        customer_key=customer,
        secret_sha256=secret_digest(secret),
        created_at=now,
        expires_at=expires_at,
        revoked_at=None,
    )
    session.add(token)
    session.flush()
    audit.record(
        session,
        creator.tenant,
        creator.actor,
        "create",
        f"tokens/{token.id}",
        now,
        customer,
        after=token_view(token),
    )
    return token, f"accord.{creator.tenant}.{token.id.hex}.{secret}"


def token_view(token: ApiToken) -> dict[str, object]:
    """What may be shown of a token: everything but its secret."""

    def at(value: datetime | None) -> str | None:
        return None if value is None else value.isoformat().replace("+00:00", "Z")

    return {
        "id": str(token.id),
        "user": token.name,
        "role": token.role,
        "customer": token.customer_key,
        "created_at": at(token.created_at),
        "expires_at": at(token.expires_at),
        "revoked_at": at(token.revoked_at),
    }


def authenticate(session: Session, text: str, now: datetime) -> Principal | None:
    """The principal of a valid, unexpired, unrevoked token; None for anything else."""
    match = _TOKEN.match(text)
    if match is None:
        return None
    tenant, token_id, secret = match.groups()
    token = session.get(ApiToken, (tenant, uuid.UUID(token_id)))
    if token is None or not hmac.compare_digest(token.secret_sha256, secret_digest(secret)):
        return None
    if token.revoked_at is not None or (token.expires_at is not None and token.expires_at <= now):
        return None
    role: Role = token.role  # type: ignore[assignment]
    return Principal(tenant, token.name, role, token.customer_key, token.id)


def revoke_token(session: Session, actor: Principal, token: ApiToken, now: datetime) -> None:
    before = token_view(token)
    token.revoked_at = now
    audit.record(
        session,
        actor.tenant,
        actor.actor,
        "revoke",
        f"tokens/{token.id}",
        now,
        token.customer_key,
        before=before,
        after=token_view(token),
    )
