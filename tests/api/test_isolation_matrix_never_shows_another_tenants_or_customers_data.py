"""Isolation: every role x every endpoint x an object of another tenant, and (for the
customer roles) of another customer of the same tenant, answers 404 or 403 and never data.

Tenant 'acme' has customers 'bayside' (lavi-qtrac) and 'harbor' (ethnio); tenant 'rival'
has 'rival-co'. Customer roles belong to 'bayside'. Every route of the app must be in
ROUTES: a new endpoint fails `test_the_matrix_covers_every_route` until it is added.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from accord.api.openapi import openapi_document
from accord.services.accounts import ROLES, Role
from api.service import Service, contract_source, provider_with_customer, running_service
from databases import KINDS

JSONL = {"content-type": "application/x-ndjson"}
YAML = {"content-type": "application/yaml"}
TICKET = '{{"id": "{id}", "severity": "1", "opened_at": "2026-11-02T10:00:00Z"}}\n'
OUTAGE = '{"start": "2026-11-03T10:00:00Z", "end": "2026-11-03T11:00:00Z"}\n'
SECRET_NAMES = {"rival": "Rival-Secret-Co", "harbor": "Harbor-Secret-Foods"}


@dataclass
class World:
    service: Service
    tokens: dict[str, str]  # role -> token of tenant acme (customer roles: of bayside)
    objects: dict[str, dict[str, str]]  # 'rival' / 'harbor' -> object ids by kind


def _setup(service: Service) -> World:
    acme = provider_with_customer(service, "acme", "bayside")
    rival = provider_with_customer(service, "rival", "rival-co", "letsignit")
    call = service.call
    call("POST", "/contracts", acme, content=contract_source("ethnio"), headers=YAML)
    call("POST", "/customers", acme, json={"key": "harbor", "name": SECRET_NAMES["harbor"]})
    sub = {"contract": "ethnio", "version": "1", "starts_at": "2026-01-01T00:00:00Z"}
    harbor_sub = call("POST", "/customers/harbor/subscriptions", acme, json=sub).json()["id"]
    call("POST", "/customers/rival-co/locations", rival, json={"key": "hq", "name": "hq"})
    rival_sub = call("GET", "/customers/rival-co/subscriptions", rival).json()["items"][0]["id"]
    for tenant_token, customer, ticket in ((acme, "harbor", "H-1"), (rival, "rival-co", "R-1")):
        path = f"/customers/{customer}/evidence/tickets/batches/t-1"
        body = TICKET.format(id=ticket)
        assert call("PUT", path, tenant_token, content=body, headers=JSONL).status_code == 201
        path = f"/customers/{customer}/evidence/outages/batches/o-1"
        assert call("PUT", path, tenant_token, content=OUTAGE, headers=JSONL).status_code == 201
    rival_token = call("POST", "/tokens", rival, json={"user": "r", "role": "provider_agent"})
    harbor_token = call(
        "POST", "/tokens", acme, json={"user": "h", "role": "customer_viewer", "customer": "harbor"}
    )
    tokens = {
        role: service.token("acme", role, None if role.startswith("provider") else "bayside")
        for role in ROLES
    }
    objects = {
        "rival": {
            "customer": "rival-co",
            "contract": "letsignit",
            "version": "1",
            "subscription": rival_sub,
            "ticket": "R-1",
            "token": rival_token.json()["id"],
        },
        "harbor": {
            "customer": "harbor",
            "contract": "ethnio",
            "version": "1",
            "subscription": harbor_sub,
            "ticket": "H-1",
            "token": harbor_token.json()["id"],
        },
    }
    return World(service, tokens, objects)


# (method, path template, JSON body or raw body) for every route that names an object.
ROUTES: list[tuple[str, str, object]] = [
    ("GET", "/contracts/{contract}", None),
    ("GET", "/contracts/{contract}/versions", None),
    ("GET", "/contracts/{contract}/versions/{version}", None),
    ("GET", "/contracts/{contract}/versions/{version}/explanation", None),
    ("GET", "/customers/{customer}", None),
    ("GET", "/customers/{customer}/locations", None),
    ("POST", "/customers/{customer}/locations", {"key": "x", "name": "x"}),
    ("GET", "/customers/{customer}/subscriptions", None),
    (
        "POST",
        "/customers/{customer}/subscriptions",
        {"contract": "lavi-qtrac", "version": "1", "starts_at": "2026-01-01T00:00:00Z"},
    ),
    ("GET", "/customers/{customer}/subscriptions/{subscription}", None),
    ("PATCH", "/customers/{customer}/subscriptions/{subscription}", {"ends_at": None}),
    ("PUT", "/customers/{customer}/evidence/outages/batches/intruder", OUTAGE),
    ("GET", "/customers/{customer}/evidence/outages", None),
    ("GET", "/customers/{customer}/batches", None),
    ("GET", "/customers/{customer}/statements/2026-11", None),
    ("GET", "/customers/{customer}/tickets", None),
    ("GET", "/customers/{customer}/tickets/{ticket}", None),
    ("DELETE", "/tokens/{token}", None),
]
# Routes that name no object: they must list or create only within the caller's reach.
UNNAMED = {
    ("GET", "/contracts"),
    ("POST", "/contracts"),
    ("GET", "/customers"),
    ("POST", "/customers"),
    ("GET", "/audit"),
    ("GET", "/tokens"),
    ("POST", "/tokens"),
    ("POST", "/monitors/leases"),
}


@pytest.fixture(scope="module", params=KINDS)
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    with running_service(request.param, tmp_path_factory.mktemp("db")) as service:
        yield _setup(service)


def _request(
    world: World, role: Role, method: str, template: str, body: object, owner: str
) -> tuple[int, str]:
    path = template.format(**world.objects[owner])
    kwargs: dict[str, object] = {}
    if isinstance(body, str):
        kwargs = {"content": body, "headers": JSONL}
    elif body is not None:
        kwargs = {"json": body}
    answer = world.service.call(method, path, world.tokens[role], **kwargs)
    return answer.status_code, answer.text


CASES = [
    (role, route, owner)
    for role in ROLES
    for route in ROUTES
    for owner in ("rival", "harbor")
    if owner == "rival" or not role.startswith("provider")
]


@pytest.mark.parametrize(
    ("role", "route", "owner"), CASES, ids=[f"{r}-{m} {p}-{o}" for r, (m, p, _), o in CASES]
)
def test_another_tenants_or_customers_object_is_not_found_or_forbidden(
    world: World, role: Role, route: tuple[str, str, object], owner: str
) -> None:
    status, text = _request(world, role, *route, owner)
    assert status in (403, 404), text
    assert SECRET_NAMES[owner] not in text
    assert world.objects[owner]["ticket"] not in text


@pytest.mark.parametrize("role", ROLES)
def test_lists_never_show_another_tenants_or_customers_items(world: World, role: Role) -> None:
    foreign = ["rival-co", "R-1", SECRET_NAMES["rival"], "letsignit"]
    if not role.startswith("provider"):
        foreign += ["harbor", "H-1", SECRET_NAMES["harbor"], "ethnio"]
    for method, path in sorted(UNNAMED):
        if method != "GET":
            continue
        answer = world.service.call(method, path, world.tokens[role])
        assert answer.status_code in (200, 403), (path, answer.text)
        assert not [name for name in foreign if name in answer.text], (path, answer.text)


def test_the_matrix_covers_every_route() -> None:
    paths = openapi_document()["paths"]
    routes = {(m.upper(), p.removeprefix("/api/v1")) for p, ops in paths.items() for m in ops}
    covered = {
        (
            m,
            p.replace("/outages/batches/intruder", "/{kind}/batches/{batch_key}")
            .replace("/evidence/outages", "/evidence/{kind}")
            .replace("/statements/2026-11", "/statements/{month}"),
        )
        for m, p, _ in ROUTES
    }
    assert routes == covered | UNNAMED
