"""Signing in with the service's accounts: a customer sees its own portal and statements
and gets a 404 for another's; a provider sees the console; every form needs its CSRF
token; the session cookie is HttpOnly, Secure and SameSite. On SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from accord.services.demo import DemoTokens, load_demo
from api.service import EXAMPLES, Service, running_service
from databases import KINDS

NOW = datetime(2026, 11, 20, 17, tzinfo=UTC)


@pytest.fixture(params=KINDS)
def demo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Service, DemoTokens]]:
    with running_service(request.param, tmp_path) as service:
        service.now[0] = NOW
        service.client.base_url = "https://testserver"  # Secure cookies go back over https
        with service.sessions() as session:
            tokens = load_demo(session, EXAMPLES, NOW)
        assert tokens is not None
        yield service, tokens


def _sign_in(service: Service, token: str) -> str:
    form = service.client.get("/signin")
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
    answer = service.client.post("/signin", data={"token": token, "csrf": csrf},
                                 follow_redirects=False)  # fmt: skip
    assert answer.status_code == 303, answer.text
    cookie = answer.headers["set-cookie"]
    assert all(flag in cookie for flag in ("HttpOnly", "Secure", "SameSite=strict")), cookie
    return str(answer.headers["location"])


def test_a_customer_sees_its_portal_and_never_another_customer_s(
    demo: tuple[Service, DemoTokens],
) -> None:
    service, tokens = demo
    assert _sign_in(service, tokens.viewer) == "/portal/bayside-market"
    page = service.client.get("/portal/bayside-market")
    assert page.status_code == 200
    assert "<h1>Bayside Market</h1>" in page.text and "store-12" in page.text
    assert "The contract in plain words" in page.text
    assert "Northwind" not in page.text
    for other in ("/portal/northwind", "/portal/northwind/statements/2026-10.json",
                  "/portal/nobody", "/console"):  # fmt: skip
        assert service.client.get(other).status_code == 404, other


def test_a_customer_downloads_a_past_statement_as_json_and_csv(
    demo: tuple[Service, DemoTokens],
) -> None:
    service, tokens = demo
    _sign_in(service, tokens.viewer)
    page = service.client.get("/portal/bayside-market").text
    assert 'href="/portal/bayside-market/statements/2026-10.csv"' in page
    answer = service.client.get("/portal/bayside-market/statements/2026-10.json")
    assert answer.headers["content-disposition"] == \
        'attachment; filename="bayside-market-2026-10.json"'  # fmt: skip
    body = answer.json()
    assert (body["customer"], body["status"]) == ("bayside-market", "frozen")
    rows = list(csv.DictReader(io.StringIO(
        service.client.get("/portal/bayside-market/statements/2026-10.csv").text)))  # fmt: skip
    by_scope = {r["scope"]: r for r in rows}
    assert round(float(by_scope["store-12"]["achieved_percent"]), 3) == 97.342  # as the CLI
    for row in body["statements"][0]["availability"]:
        assert float(by_scope[row["scope"]]["achieved_percent"]) == row["achieved_percent"]
    assert by_scope["store-12"]["met"] == "False"


def test_the_provider_sees_every_customer_in_the_console(
    demo: tuple[Service, DemoTokens],
) -> None:
    service, tokens = demo
    assert _sign_in(service, tokens.admin) == "/console"
    page = service.client.get("/console").text
    for name in ("Bayside Market", "Globex Retail", "Initech Supplies", "Northwind Research",
                 "Umbrella Legal"):  # fmt: skip
        assert f">{name}</a>" in page
    assert service.client.get("/portal/northwind").status_code == 200


def test_forms_without_their_csrf_token_are_refused(demo: tuple[Service, DemoTokens]) -> None:
    service, tokens = demo
    service.client.get("/signin")
    answer = service.client.post("/signin", data={"token": tokens.viewer, "csrf": "forged"},
                                 follow_redirects=False)  # fmt: skip
    assert answer.status_code == 403
    _sign_in(service, tokens.viewer)
    assert service.client.post("/signout", data={"csrf": "forged"}).status_code == 403


def test_signing_out_ends_the_session(demo: tuple[Service, DemoTokens]) -> None:
    service, tokens = demo
    _sign_in(service, tokens.viewer)
    page = service.client.get("/portal/bayside-market").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    assert service.client.post("/signout", data={"csrf": csrf},
                               follow_redirects=False).status_code == 303  # fmt: skip
    answer = service.client.get("/portal/bayside-market", follow_redirects=False)
    assert (answer.status_code, answer.headers["location"]) == (303, "/signin")


def test_a_bad_token_is_told_plainly(demo: tuple[Service, DemoTokens]) -> None:
    service, _ = demo
    form = service.client.get("/signin")
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
    answer = service.client.post("/signin", data={"token": "accord.demo.nope", "csrf": csrf})
    assert answer.status_code == 401 and "unknown, expired or revoked" in answer.text
