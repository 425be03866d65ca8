"""`accord serve` shows each provider's status page, built from the store by the same
service as the static export, and its feeds; on SQLite and on PostgreSQL."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from accord.services.demo import load_demo
from api.service import EXAMPLES, Service, running_service
from databases import KINDS

NOW = datetime(2026, 10, 22, 19, tzinfo=UTC)  # store-40 of Bayside Market is down


@pytest.fixture(params=KINDS)
def demo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Service]:
    with running_service(request.param, tmp_path) as service:
        service.now[0] = NOW
        with service.sessions() as session:
            load_demo(session, EXAMPLES, NOW)
        yield service


def test_the_demo_provider_s_page_shows_its_services_and_the_outage(demo: Service) -> None:
    answer = demo.client.get("/status/demo")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "text/html; charset=utf-8"
    page = answer.text
    assert "<h1>Partial outage</h1>" in page
    assert "Qtrac Standard Service Level Agreement (Bayside Market)" in page
    assert page.count('<ol class="bars"') == 7  # Bayside's three stores, four services
    assert 'href="/static/style.css"' in page and 'href="/status/demo/feed.rss"' in page
    assert demo.client.get("/static/style.css").status_code == 200


def test_the_feeds_list_the_open_incident(demo: Service) -> None:
    rss = ET.fromstring(demo.client.get("/status/demo/feed.rss").content)
    titles = [t.text for t in rss.iter("title")]
    assert "Incident (ongoing): Qtrac Standard Service Level Agreement (Bayside Market), " \
           "store-40" in titles  # fmt: skip
    atom = demo.client.get("/status/demo/feed.atom")
    assert atom.headers["content-type"].startswith("application/atom+xml")
    ET.fromstring(atom.content)


def test_an_unknown_provider_has_no_page(demo: Service) -> None:
    assert demo.client.get("/status/nobody").status_code == 404


def test_the_home_page_links_each_provider_s_status_page(demo: Service) -> None:
    page = demo.client.get("/").text
    assert '<a href="/status/demo">Demo provider</a>' in page
