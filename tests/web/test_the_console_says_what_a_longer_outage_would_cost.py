"""The console's what-if: an outage from now lasting some hours, priced for each customer it
touches by `simulate`, the use case of `accord simulate`. On SQLite and PostgreSQL."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from accord.services.demo import DemoTokens, load_demo
from api.service import EXAMPLES, Service, running_service
from databases import KINDS

NOW = datetime(2026, 10, 20, 17, tzinfo=UTC)  # Bayside's October runs


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


def _rows(page: str) -> dict[str, list[str]]:
    table = page.split("If an outage lasts", 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr><td>([^<]+)</td>(.*?)</tr>", table, re.S)
    return {name: re.findall(r">([^<>]+)<", cells) for name, cells in rows}


def test_twelve_more_hours_at_one_store_cost_one_step_of_its_fee(
    console: tuple[Service, str],
) -> None:
    service, csrf = console
    form = {"csrf": csrf, "hours": "12", "location": "store-77"}
    answer = service.client.post("/console/what-if", data=form)
    assert answer.status_code == 200
    rows = _rows(answer.text)
    assert list(rows) == ["Bayside Market"]  # no other customer has a store-77
    assert "30.00" in rows["Bayside Market"]  # 12 h of 744 misses 99 %: 10 % of 300 USD


def test_an_outage_of_every_service_touches_every_customer(console: tuple[Service, str]) -> None:
    service, csrf = console
    answer = service.client.post("/console/what-if", data={"csrf": csrf, "hours": "2"})
    assert len(_rows(answer.text)) == 5


def test_the_what_if_needs_its_csrf_token(console: tuple[Service, str]) -> None:
    service, _ = console
    answer = service.client.post("/console/what-if", data={"csrf": "forged", "hours": "2"})
    assert answer.status_code == 403
