"""Signing in with a password (Argon2) and sessions kept in the database: a customer sees
its own portal and a 404 for another customer's; a wrong password and an unknown user are
refused alike; a session outlives the process that opened it and ends when signed out or
when the token it was opened with is revoked. On SQLite and PostgreSQL."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from accord.api.app import create_app
from accord.services.passwords import set_password
from accord.settings import load_settings
from accord.store.models import ApiToken, BrowserSession
from api.service import Service, provider_with_customer, running_service
from databases import KINDS

PASSWORD = "correct horse battery staple"


@pytest.fixture(params=KINDS)
def service(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Service]:
    with running_service(request.param, tmp_path) as found:
        found.client.base_url = "https://testserver"  # Secure cookies go back over https
        provider_with_customer(found, "acme", "bayside")
        provider_with_customer(found, "acme", "northwind")
        found.token("acme", "customer_viewer", "bayside", user="ann")
        with found.sessions() as session:
            set_password(session, "acme", "ann", PASSWORD, "test", found.now[0])
            session.commit()
        yield found


def _csrf(client: TestClient) -> str:
    form = client.get("/signin").text
    return re.search(r'name="csrf" value="([^"]+)"', form).group(1)  # type: ignore[union-attr]


def _sign_in(client: TestClient, user: str, password: str, organisation: str = "acme") -> object:
    form = {"organisation": organisation, "user": user, "password": password,
            "csrf": _csrf(client)}  # fmt: skip
    return client.post("/signin", data=form, follow_redirects=False)


def test_a_customer_signs_in_with_its_password_and_sees_only_its_own_portal(
    service: Service,
) -> None:
    answer = _sign_in(service.client, "ann", PASSWORD)
    assert answer.status_code == 303  # type: ignore[attr-defined]
    assert answer.headers["location"] == "/portal/bayside"  # type: ignore[attr-defined]
    cookie = answer.headers["set-cookie"]  # type: ignore[attr-defined]
    assert all(flag in cookie for flag in ("HttpOnly", "Secure", "SameSite=strict")), cookie
    assert service.client.get("/portal/bayside").status_code == 200
    for other in ("/portal/northwind", "/portal/northwind/statements/2026-10.json", "/console"):
        assert service.client.get(other).status_code == 404, other


def test_a_wrong_password_and_an_unknown_user_are_refused_alike(service: Service) -> None:
    answers = [
        _sign_in(service.client, "ann", PASSWORD + "!"),
        _sign_in(service.client, "nobody", PASSWORD),
        _sign_in(service.client, "ann", PASSWORD, organisation="other"),
    ]
    assert {a.status_code for a in answers} == {401}  # type: ignore[attr-defined]
    assert len({a.text for a in answers}) == 1  # type: ignore[attr-defined]
    assert "do not match" in answers[0].text  # type: ignore[attr-defined]


def test_the_password_form_needs_its_csrf_token(service: Service) -> None:
    service.client.get("/signin")
    form = {"organisation": "acme", "user": "ann", "password": PASSWORD, "csrf": "forged"}
    assert service.client.post("/signin", data=form).status_code == 403


def test_the_session_is_stored_by_the_digest_of_its_secret_and_outlives_the_process(
    service: Service,
) -> None:
    _sign_in(service.client, "ann", PASSWORD)
    cookie = service.client.cookies["accord_session"]
    tenant, secret = cookie.split(".", 1)
    with service.sessions() as session:
        rows = session.scalars(select(BrowserSession)).all()
    assert [(r.tenant_id, r.role, r.customer_key) for r in rows] == [
        ("acme", "customer_viewer", "bayside")
    ]
    assert secret not in {rows[0].secret_sha256, rows[0].csrf}
    url = str(service.sessions.kw["bind"].url)
    restarted = create_app(load_settings({}, database_url=url), service.sessions)
    with TestClient(restarted, base_url="https://testserver") as other:
        other.cookies.set("accord_session", cookie)
        assert other.get("/portal/bayside").status_code == 200


def test_signing_out_removes_the_stored_session(service: Service) -> None:
    _sign_in(service.client, "ann", PASSWORD)
    page = service.client.get("/portal/bayside").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    assert service.client.post("/signout", data={"csrf": csrf}, follow_redirects=False)\
        .status_code == 303  # fmt: skip
    with service.sessions() as session:
        assert session.scalars(select(BrowserSession)).all() == []


def test_revoking_a_token_ends_the_sessions_opened_with_it(service: Service) -> None:
    token = service.token("acme", "customer_viewer", "bayside", user="bob")
    answer = service.client.post("/signin", data={"token": token, "csrf": _csrf(service.client)},
                                 follow_redirects=False)  # fmt: skip
    assert answer.status_code == 303
    assert service.client.get("/portal/bayside").status_code == 200
    with service.sessions() as session:
        stored = session.scalars(select(ApiToken).where(ApiToken.name == "bob")).one()
        stored.revoked_at = service.now[0]
        session.commit()
    answer = service.client.get("/portal/bayside", follow_redirects=False)
    assert (answer.status_code, answer.headers["location"]) == (303, "/signin")
