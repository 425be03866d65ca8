"""The runner's deadline is a hard timeout, whatever the probe's own timeout says."""

from __future__ import annotations

from accord.monitor.probes import ProbeTarget
from monitor.probes.check import check
from monitor.servers import http_server


def test_a_probe_still_running_at_the_deadline_is_cancelled_and_down() -> None:
    with http_server() as base:
        result = check(ProbeTarget("http", base + "/slow/1", timeout=30), budget=0.2)
    assert not result.ok
    assert result.latency_ms is None
    assert "no answer within" in result.reason or "deadline" in result.reason


def test_an_unknown_kind_is_down_with_its_name() -> None:
    result = check(ProbeTarget("carrier-pigeon", "coop"))
    assert not result.ok
    assert "unknown probe kind 'carrier-pigeon'" in result.reason
