"""Passwords for the web: chosen by people, so stored as Argon2 hashes (slow on purpose).

A user signs in with its tenant, its name and its password, and gets the same principal
(role, customer) as its tokens give. A wrong name and a wrong password are told apart to
no one, and take about the same time: an unknown user is checked against a dummy hash.
"""

from __future__ import annotations

from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.services import audit
from accord.services.accounts import Principal, Role
from accord.store.models import User

__all__ = ["MIN_LENGTH", "PasswordRefused", "check_password", "set_password"]

MIN_LENGTH = 12  # characters; length is what makes a chosen password hard to guess
_HASHER = PasswordHasher()  # argon2id with the library's current recommended costs
_DUMMY = _HASHER.hash("a password no user has")


class PasswordRefused(ValueError):
    """A password that may not be set (too short), or a user that does not exist."""


def _user(session: Session, tenant: str, name: str) -> User | None:
    return session.scalars(
        select(User).where(User.tenant_id == tenant, User.name == name)
    ).one_or_none()


def set_password(
    session: Session, tenant: str, name: str, password: str, actor: str, now: datetime
) -> None:
    """Give user `name` this password (replacing any); the audit log says who, not what."""
    if len(password) < MIN_LENGTH:
        raise PasswordRefused(f"a password needs at least {MIN_LENGTH} characters")
    user = _user(session, tenant, name)
    if user is None:
        raise PasswordRefused(f"no user {name!r} in tenant {tenant!r}")
    user.password_argon2 = _HASHER.hash(password)
    audit.record(
        session, tenant, actor, "update", f"users/{name}", now, user.customer_key,
        after={"password": "set"},
    )  # fmt: skip


def check_password(
    session: Session, tenant: str, name: str, password: str
) -> tuple[Principal, User] | None:
    """The user's principal when the password is theirs; None for anything else."""
    user = _user(session, tenant, name)
    stored = user.password_argon2 if user is not None else None
    try:
        _HASHER.verify(stored or _DUMMY, password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None or stored is None:
        return None
    if _HASHER.check_needs_rehash(stored):  # costs raised since: store the stronger hash
        user.password_argon2 = _HASHER.hash(password)
    role: Role = user.role  # type: ignore[assignment]
    return Principal(tenant, user.name, role, user.customer_key, None), user
