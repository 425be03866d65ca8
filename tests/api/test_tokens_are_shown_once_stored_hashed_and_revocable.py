"""API tokens: random, shown once, stored only as a hash, expiring and revocable."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from accord.store.models import ApiToken
from api.service import Service, provider_with_customer


def test_a_new_token_works_and_only_its_hash_is_stored(service: Service) -> None:
    admin = provider_with_customer(service, "acme", "bayside")
    made = service.call(
        "POST",
        "/tokens",
        admin,
        json={"user": "bayside-ops", "role": "customer_viewer", "customer": "bayside"},
    )
    assert made.status_code == 201
    text = made.json()["token"]
    secret = text.rsplit(".", 1)[1]
    with service.sessions() as session:
        stored = session.scalars(select(ApiToken)).all()
    assert all(secret not in (t.secret_sha256, t.name) for t in stored)
    assert service.call("GET", "/customers/bayside", text).status_code == 200
    listed = service.call("GET", "/tokens", admin).json()["items"]
    assert all("token" not in t for t in listed)


def test_an_expired_or_revoked_token_is_refused(service: Service) -> None:
    admin = provider_with_customer(service, "acme", "bayside")
    soon = (service.now[0] + timedelta(hours=1)).isoformat()
    made = service.call(
        "POST", "/tokens", admin, json={"user": "bot", "role": "provider_agent", "expires_at": soon}
    ).json()
    assert service.call("GET", "/customers", made["token"]).status_code == 200
    service.now[0] += timedelta(hours=2)
    assert service.call("GET", "/customers", made["token"]).status_code == 401
    other = service.call("POST", "/tokens", admin, json={"user": "bot2", "role": "provider_agent"})
    token = other.json()
    assert service.call("DELETE", f"/tokens/{token['id']}", admin).json()["revoked_at"]
    answer = service.call("GET", "/customers", token["token"])
    assert answer.status_code == 401 and answer.headers["www-authenticate"] == "Bearer"
    log = service.call("GET", "/audit", admin).json()["items"]
    assert log[0]["action"] == "revoke" and log[0]["before"]["revoked_at"] is None


def test_a_customer_admin_cannot_make_a_provider_token(service: Service) -> None:
    provider_with_customer(service, "acme", "bayside")
    boss = service.token("acme", "customer_admin", "bayside")
    answer = service.call("POST", "/tokens", boss, json={"user": "x", "role": "provider_admin"})
    assert answer.status_code == 403
    fine = service.call(
        "POST",
        "/tokens",
        boss,
        json={"user": "y", "role": "customer_viewer", "customer": "bayside"},
    )
    assert fine.status_code == 201


def test_no_token_or_a_forged_one_is_refused(service: Service) -> None:
    admin = provider_with_customer(service, "acme", "bayside")
    assert service.call("GET", "/customers", None).status_code == 401
    forged = admin[:-4] + ("AAAA" if not admin.endswith("AAAA") else "BBBB")
    assert service.call("GET", "/customers", forged).status_code == 401
