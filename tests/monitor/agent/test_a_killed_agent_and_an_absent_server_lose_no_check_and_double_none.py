"""`accord agent` and `accord serve` as real processes: the agent is killed (SIGKILL) while
it uploads, the server is stopped for a while and the agent probes on, then both run
again. Every check the agent kept is stored on the server exactly once."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import httpx2 as httpx
from sqlalchemy import func, select

from accord.domain.availability import MeasurementRule
from accord.monitor.agent import Buffer, Link, upload_round
from accord.monitor.monitors import Monitor
from accord.monitor.probes import ProbeTarget
from accord.monitor.stored import save_monitors
from accord.store.database import make_engine, make_sessions
from accord.store.models import RawSample
from cli.runner import accord
from monitor.servers import http_server
from service.server import ACCORD, free_port, serving

MONITORS = 12  # one-second monitors in Paris, one check each a second


def _setup(url: str, token: str, db: str, target: str) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    answer = httpx.post(f"{url}/api/v1/customers", json={"key": "bayside", "name": "Bayside"},
                        headers=headers, timeout=30)  # fmt: skip
    assert answer.status_code == 201, answer.text
    rule = MeasurementRule(interval=1)
    monitors = [
        Monitor(
            f"api-{i}", ProbeTarget("http", f"{target}/ok", timeout=1), 1, rule, location="paris"
        )  # fmt: skip
        for i in range(MONITORS)
    ]
    engine = make_engine(db)
    with make_sessions(engine)() as session:
        save_monitors(session, "acme", "bayside", monitors)
    engine.dispose()


def _agent(url: str, token: str, buffer: Path, folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*ACCORD, "agent", "--server", url, "--token", token, "--location", "paris",
         "--name", "paris-1", "--buffer", str(buffer), "--batch-size", "7", "--lease", "30"],
        cwd=folder, text=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def _stored(db: str) -> tuple[int, set[tuple[str, int]]]:
    engine = make_engine(db)
    with make_sessions(engine)() as session:
        count = session.scalar(select(func.count()).select_from(RawSample)) or 0
        rows = session.execute(select(RawSample.monitor, RawSample.at)).all()
    engine.dispose()
    return count, {(m, at) for m, at in rows}


def _kept(buffer: Path) -> tuple[int, set[tuple[str, int]], list[str]]:
    with sqlite3.connect(buffer) as db:
        rows = db.execute("SELECT monitor, second FROM results").fetchall()
        states = [s for (s,) in db.execute("SELECT DISTINCT state FROM batches")]
    return len(rows), {(m, s) for m, s in rows}, states


def _wait(condition: object, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.2)
    raise AssertionError("not within the time allowed")


def test_every_check_is_stored_once_after_a_kill_and_an_outage(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'accord.db'}"
    buffer = tmp_path / "paris.sqlite"
    port = free_port()
    assert accord("db", "upgrade", "--database", db).code == 0
    token = accord("token", "create", "--tenant", "acme", "--user", "prober",
                   "--role", "provider_admin", "--database", db).out.strip()  # fmt: skip
    serve = ["serve", "--database", db, "--no-worker"]
    with http_server() as target:
        with serving(serve, tmp_path, port=port) as server:
            _setup(server.url, token, db, target)
            agent = _agent(server.url, token, buffer, tmp_path)
            _wait(lambda: _stored(db)[0] >= 40, 60)  # uploads under way
            agent.send_signal(signal.SIGKILL)  # in the middle of sealing or sending
            agent.wait()
            metrics = httpx.get(server.url + "/metrics/", timeout=10).text
            assert 'accord_agent_upload_backlog{agent="paris-1"}' in metrics
        # The server is away: a new agent process probes on, keeping its checks.
        agent = _agent(f"http://127.0.0.1:{port}", token, buffer, tmp_path)
        try:
            before = _kept(buffer)[0]
            _wait(lambda: _kept(buffer)[0] >= before + 3 * MONITORS, 60)
            with serving(serve, tmp_path, port=port) as server:
                time.sleep(4)  # the agent finds the server back and uploads
                agent.send_signal(signal.SIGINT)
                agent.wait(30)
                # What the agent kept and had not sent yet goes at its next start.
                with Buffer(buffer) as kept:
                    link = Link(server.url, token)
                    while upload_round(kept, link, 7, 86_400, int(time.time()), print):
                        pass
        finally:
            agent.kill()
            agent.wait()
    count, stored = _stored(db)
    kept_count, kept_set, states = _kept(buffer)
    assert states == ["stored"]  # every batch acknowledged, none refused
    assert kept_count > 5 * MONITORS
    assert count == kept_count  # none doubled
    assert stored == kept_set  # none lost, none made up
