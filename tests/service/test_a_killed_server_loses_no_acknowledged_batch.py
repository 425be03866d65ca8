"""SIGKILL in the middle of ingest: every batch acknowledged before the kill is kept, and
a client that retries every batch after the restart has each one stored exactly once."""

from __future__ import annotations

import signal
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx2 as httpx
import pytest

from cli.runner import accord
from databases import KINDS, database_url
from service.server import serving

BATCHES = 24
ROWS = 2000  # samples a batch


def _body(n: int) -> str:
    start = datetime(2026, 10, 1, tzinfo=UTC) + timedelta(minutes=n * ROWS)
    rows = "".join(
        f"{start + timedelta(minutes=i):%Y-%m-%dT%H:%M:%SZ},{'true' if i % 97 else 'false'},"
        "store-1\n"
        for i in range(ROWS)
    )
    return "at,ok,scope\n" + rows


def _setup(url: str, token: str) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    contract = (Path(__file__).parents[2] / "examples/contracts/lavi-qtrac.yaml").read_text()
    httpx.post(f"{url}/api/v1/contracts", content=contract,
               headers={**headers, "content-type": "application/yaml"}, timeout=30)  # fmt: skip
    httpx.post(f"{url}/api/v1/customers", json={"key": "bayside", "name": "Bayside"},
               headers=headers, timeout=30)  # fmt: skip


def _send(url: str, token: str, n: int, body: str) -> int:
    answer = httpx.put(
        f"{url}/api/v1/customers/bayside/evidence/samples/batches/batch-{n}", content=body,
        headers={"Authorization": f"Bearer {token}", "content-type": "text/csv"}, timeout=60,
    )  # fmt: skip
    return answer.status_code


@pytest.mark.parametrize("kind", KINDS)
def test_no_acknowledged_batch_is_lost_and_none_is_doubled(kind: str, tmp_path: Path) -> None:
    bodies = [_body(n) for n in range(BATCHES)]
    acknowledged: list[int] = []
    with database_url(kind, tmp_path) as db:
        assert accord("db", "upgrade", "--database", db).code == 0
        token = accord("token", "create", "--tenant", "acme", "--user", "agent",
                       "--role", "provider_admin", "--database", db).out.strip()  # fmt: skip
        with serving(["serve", "--database", db], tmp_path) as server:
            _setup(server.url, token)
            killed = threading.Event()

            def client() -> None:
                for n, body in enumerate(bodies):
                    try:
                        if _send(server.url, token, n, body) == 201:
                            acknowledged.append(n)
                    except httpx.TransportError:
                        killed.set()
                        return

            sender = threading.Thread(target=client)
            sender.start()
            while len(acknowledged) < 5 and sender.is_alive():
                threading.Event().wait(0.01)
            server.process.send_signal(signal.SIGKILL)
            sender.join(60)
            assert killed.is_set() and 5 <= len(acknowledged) < BATCHES
        with serving(["serve", "--database", db], tmp_path) as server:
            kept = _batches(server.url, token)
            assert set(acknowledged) <= kept  # nothing acknowledged is lost
            for n, body in enumerate(bodies):  # the client retries everything
                assert _send(server.url, token, n, body) in (200, 201)
            assert _samples(server.url, token) == BATCHES * ROWS
            assert _batches(server.url, token) == set(range(BATCHES))


def _batches(url: str, token: str) -> set[int]:
    page = httpx.get(f"{url}/api/v1/customers/bayside/batches?limit=1000",
                     headers={"Authorization": f"Bearer {token}"}, timeout=30).json()  # fmt: skip
    return {int(b["batch_key"].removeprefix("batch-")) for b in page["items"]}


def _samples(url: str, token: str) -> int:
    """Samples stored for the customer: the sum of its runs, page after page."""
    total, cursor = 0, ""
    while True:
        page = httpx.get(
            f"{url}/api/v1/customers/bayside/evidence/samples?limit=1000{cursor}",
            headers={"Authorization": f"Bearer {token}"},
            timeout=30,
        ).json()
        total += sum(r["count"] for r in page["items"])
        if page["next_cursor"] is None:
            return total
        cursor = f"&cursor={page['next_cursor']}"
