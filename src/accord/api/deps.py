"""What routes depend on, as `Annotated` aliases: the session, the clock, the settings,
who is asking, and the customer a path names (when they may see it)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session, sessionmaker

from accord.api.problems import Refusal
from accord.services.accounts import Principal, Role, authenticate
from accord.settings import Settings
from accord.store.models import Customer

__all__ = [
    "CustomerDep",
    "NowDep",
    "PrincipalDep",
    "Runtime",
    "SessionDep",
    "SettingsDep",
    "require",
]

KEY_PATTERN = r"^[a-z0-9][a-z0-9_.-]{0,63}$"


@dataclass
class Runtime:
    """What the app holds while it runs (on `app.state.runtime`)."""

    settings: Settings
    sessions: sessionmaker[Session]
    clock: Callable[[], datetime] = lambda: datetime.now(UTC)


def _runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


def _session(request: Request) -> Iterator[Session]:
    with _runtime(request).sessions() as session:
        yield session


def _now(request: Request) -> datetime:
    return _runtime(request).clock()


def _settings(request: Request) -> Settings:
    return _runtime(request).settings


SessionDep = Annotated[Session, Depends(_session)]
NowDep = Annotated[datetime, Depends(_now)]
SettingsDep = Annotated[Settings, Depends(_settings)]
_bearer = HTTPBearer(auto_error=False, description="An API token: `accord.<tenant>.<id>.<secret>`.")


def _principal(
    session: SessionDep,
    now: NowDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if credentials is None:
        raise Refusal(401, "send an API token as 'Authorization: Bearer accord.<tenant>...'")
    principal = authenticate(session, credentials.credentials, now)
    if principal is None:
        raise Refusal(401, "the token is unknown, expired or revoked")
    return principal


PrincipalDep = Annotated[Principal, Depends(_principal)]


def require(principal: Principal, *roles: Role) -> None:
    """Refuse (403) a principal whose role is not among `roles`."""
    if principal.role not in roles:
        raise Refusal(403, f"a {principal.role} may not do this")


CustomerKey = Annotated[str, Path(pattern=KEY_PATTERN, description="The customer's key.")]


def _customer(customer: CustomerKey, principal: PrincipalDep, session: SessionDep) -> Customer:
    """The customer in the path, if the principal may see it; 404 otherwise, the same as
    for a customer that does not exist, so that other customers cannot be discovered."""
    found = session.get(Customer, (principal.tenant, customer))
    if found is None or not principal.sees(customer):
        raise Refusal(404, f"no customer {customer!r}")
    return found


CustomerDep = Annotated[Customer, Depends(_customer)]
