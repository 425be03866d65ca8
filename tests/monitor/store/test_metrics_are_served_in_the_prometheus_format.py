"""`/metrics` serves the checks, probe latency, scheduling lag and agents' backlog."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from accord.api.app import create_app
from accord.monitor import metrics
from accord.settings import load_settings
from accord.store.database import make_sessions


def value(text: str, line_start: str) -> float:
    (line,) = [line for line in text.splitlines() if line.startswith(line_start)]
    return float(line.rsplit(" ", 1)[1])


def test_a_check_moves_the_counters_the_service_serves(engine: Engine) -> None:
    app = create_app(load_settings(env={}), make_sessions(engine))
    with TestClient(app) as client:
        before = client.get("/metrics/").text
        metrics.observe("http_headers", False, 42.0, 0.25)
        metrics.BACKLOG.labels("paris").set(17)
        after = client.get("/metrics/").text
    down = 'accord_checks_total{kind="http_headers",result="down"}'
    assert value(after, down) == (value(before, down) if down in before else 0) + 1
    assert value(after, 'accord_agent_upload_backlog{agent="paris"}') == 17
    assert "accord_scheduling_lag_seconds_bucket" in after
    assert 'accord_probe_latency_seconds_count{kind="http_headers"}' in after
