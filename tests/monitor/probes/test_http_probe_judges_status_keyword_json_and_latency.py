"""HTTP probes against a real local server: status, headers only, keyword, JSON, latency."""

from __future__ import annotations

from dataclasses import replace

import pytest

from accord.monitor.probes import ProbeTarget
from monitor.probes.check import check
from monitor.servers import Handler, closed_port, http_server


@pytest.mark.parametrize(
    ("path", "fields", "ok", "reason"),
    [
        ("/ok", {}, True, "200 OK"),
        ("/status/503", {}, False, "status 503"),
        ("/status/302", {}, True, "302"),
        ("/status/302", {"expect_status": (200,)}, False, "status 302"),
        ("/ok", {"kind": "http_keyword", "keyword": "welcome"}, True, "200 OK"),
        ("/ok", {"kind": "http_keyword", "keyword": "goodbye"}, False, "lacks 'goodbye'"),
        ("/health", {"json_path": "db.up", "json_value": "true"}, True, "db.up = true"),
        ("/health", {"json_path": "status", "json_value": "degraded"}, False, "'ok', not"),
        ("/health", {"json_path": "cache.up"}, False, "no 'cache.up'"),
        ("/ok", {"json_path": "status"}, False, "not JSON"),
        ("/slow/0.3", {"max_latency_ms": 100.0}, False, "ms > 100 ms"),
    ],
)
def test_it_judges_the_answer_by_the_targets_assertions(
    path: str, fields: dict[str, object], ok: bool, reason: str
) -> None:
    with http_server() as base:
        result = check(replace(ProbeTarget("http", base + path), **fields))
    assert result.ok is ok
    assert reason in result.reason
    assert result.latency_ms is not None and result.latency_ms > 0


def test_the_headers_check_sends_head_and_reads_no_body() -> None:
    Handler.methods.clear()
    with http_server() as base:
        result = check(ProbeTarget("http_headers", base + "/ok"))
    assert result.ok
    assert Handler.methods == ["HEAD"]


def test_a_server_slower_than_the_timeout_is_down_without_latency() -> None:
    with http_server() as base:
        result = check(ProbeTarget("http", base + "/slow/1", timeout=0.2))
    assert not result.ok
    assert result.latency_ms is None
    assert "no answer within 0.2 s" in result.reason


def test_a_closed_port_is_down_with_the_connection_error() -> None:
    with closed_port() as port:
        result = check(ProbeTarget("http", f"http://127.0.0.1:{port}/"))
    assert not result.ok
    assert "cannot connect to 127.0.0.1" in result.reason
