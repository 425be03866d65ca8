"""The console's maintenance planning: a window that would count as downtime is refused
with the contract's reasons and nothing is stored; one the contract excuses is stored and
shows on the status page at once. On SQLite and PostgreSQL."""

from __future__ import annotations

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
def console(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Service, str]]:
    with running_service(request.param, tmp_path) as service:
        service.now[0] = NOW
        service.client.base_url = "https://testserver"
        with service.sessions() as session:
            tokens: DemoTokens | None = load_demo(session, EXAMPLES, NOW)
        assert tokens is not None
        form = service.client.get("/signin").text
        csrf = re.search(r'name="csrf" value="([^"]+)"', form).group(1)  # type: ignore[union-attr]
        service.client.post("/signin", data={"token": tokens.admin, "csrf": csrf})
        page = service.client.get("/console").text
        yield service, re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]


def _plan(service: Service, csrf: str, hours: str) -> tuple[int, str]:
    answer = service.client.post("/console/maintenance", data={
        "csrf": csrf, "customer": "bayside-market", "start": "2026-12-10T22:00",
        "hours": hours, "location": ""})  # fmt: skip
    return answer.status_code, answer.text


def test_a_window_beyond_the_monthly_cap_is_refused_and_not_stored(
    console: tuple[Service, str],
) -> None:
    service, csrf = console
    status, page = _plan(service, csrf, "10")  # Lavi's cap: 6 hours a month
    assert status == 422
    assert "Refused:" in page and "4 h of it would count as downtime" in page
    assert "Thu 10 Dec 2026" not in service.client.get("/status/demo").text


def test_a_window_the_contract_excuses_is_stored_and_on_the_status_page(
    console: tuple[Service, str],
) -> None:
    service, csrf = console
    before = service.client.get("/status/demo").text  # cached now; the plan must refresh it
    assert "Thu 10 Dec 2026, 22:00 PST" not in before
    status, page = _plan(service, csrf, "2")
    assert status == 200 and "Saved: the contract excuses all of it." in page
    after = service.client.get("/status/demo").text
    assert "Thu 10 Dec 2026, 22:00 PST" in after


def test_a_plan_without_its_csrf_token_is_refused(console: tuple[Service, str]) -> None:
    service, _ = console
    assert _plan(service, "forged", "2")[0] == 403
