"""A running service for the API tests: a migrated database (SQLite or PostgreSQL), the
app on it with a clock the test sets, and helpers that set up tenants and tokens."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from accord.api.app import create_app
from accord.services.accounts import Principal, Role, create_token, ensure_tenant
from accord.settings import load_settings
from accord.store.database import make_engine, make_sessions, upgrade
from databases import database_url

EXAMPLES = Path(__file__).parents[2] / "examples"
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@dataclass
class Service:
    client: TestClient
    sessions: sessionmaker[Session]
    now: list[datetime] = field(default_factory=lambda: [NOW])  # the app's clock

    def token(self, tenant: str, role: Role, customer: str | None = None, user: str = "") -> str:
        with self.sessions() as session:
            ensure_tenant(session, tenant, tenant, self.now[0])
            root = Principal(tenant, "test", "provider_admin", None, None)
            name = user or f"{role}-{customer or 'all'}"
            _, text = create_token(session, root, name, role, customer, None, self.now[0])
            session.commit()
        return text

    def call(self, method: str, path: str, token: str | None, **kwargs: Any) -> Any:
        headers = dict(kwargs.pop("headers", {}))
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        return self.client.request(method, "/api/v1" + path, headers=headers, **kwargs)


@contextmanager
def running_service(kind: str, folder: Path) -> Iterator[Service]:
    with database_url(kind, folder) as url:
        engine = make_engine(url)
        upgrade(engine)
        sessions = make_sessions(engine)
        app = create_app(load_settings({}, database_url=url), sessions)
        service = Service(TestClient(app), sessions)
        app.state.runtime.clock = lambda: service.now[0]
        try:
            with service.client:
                yield service
        finally:
            engine.dispose()


def contract_source(name: str) -> str:
    return (EXAMPLES / "contracts" / f"{name}.yaml").read_text(encoding="utf-8")


def provider_with_customer(
    service: Service, tenant: str, customer: str, contract: str = "lavi-qtrac"
) -> str:
    """A tenant with one customer subscribed to an example contract; its admin's token."""
    admin = service.token(tenant, "provider_admin")
    yaml = {"content-type": "application/yaml"}
    answer = service.call(
        "POST", "/contracts", admin, content=contract_source(contract), headers=yaml
    )
    assert answer.status_code in (200, 201), answer.text
    version = answer.json()["version"]
    assert (
        service.call(
            "POST", "/customers", admin, json={"key": customer, "name": customer.title()}
        ).status_code
        == 201
    )
    subscription = {
        "contract": contract,
        "version": version,
        "currency": "USD",
        "monthly_fee": 1000,
        "starts_at": "2026-01-01T00:00:00Z",
    }
    answer = service.call("POST", f"/customers/{customer}/subscriptions", admin, json=subscription)
    assert answer.status_code == 201, answer.text
    return admin
