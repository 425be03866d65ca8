"""`accord serve --demo` runs on the embedded SQLite file with no set-up, or on PostgreSQL
by one URL, prints its settings without the password, and serves the demo's statements."""

from __future__ import annotations

from pathlib import Path

import httpx2 as httpx
import pytest

from cli.runner import accord
from databases import database_url
from service.server import serving


def _statement(url: str, token: str) -> dict[str, object]:
    answer = httpx.get(
        f"{url}/api/v1/customers/bayside-market/statements/2026-10",
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    assert answer.status_code == 200, answer.text
    body: dict[str, object] = answer.json()
    return body


def test_the_demo_on_the_embedded_default_serves_a_statement(tmp_path: Path) -> None:
    with serving(["serve", "--demo"], tmp_path) as server:
        assert server.line("accord serve:").count("sqlite:///accord.db") == 1
        viewer = server.line("demo: bayside-market viewer token:").split()[-1]
        body = _statement(server.url, viewer)
        assert body["customer"] == "bayside-market" and body["statements"]
    assert (tmp_path / "accord.db").exists()


@pytest.mark.parametrize("kind", ["postgresql"])
def test_the_demo_on_postgresql_needs_one_url(kind: str, tmp_path: Path) -> None:
    with database_url(kind, tmp_path) as url:
        secret = url.replace("postgres@", "postgres:hunter2@")
        assert accord("db", "upgrade", "--database", secret).code == 0
        env = {"ACCORD_DATABASE_URL": secret}
        with serving(["demo"], tmp_path, env) as server:
            assert "postgres:***@" in server.line("accord serve:")
            assert all("hunter2" not in line for line in server.output)
            admin = server.line("demo: provider admin token:").split()[-1]
            assert _statement(server.url, admin)["statements"]


def test_serve_refuses_a_server_database_that_is_not_migrated(tmp_path: Path) -> None:
    with database_url("postgresql", tmp_path) as url:
        run = accord("serve", "--database", url)
        assert run.code == 1 and "run 'accord db upgrade' first" in run.err
