"""TCP connect against a real listening port and a closed one."""

from __future__ import annotations

from accord.monitor.probes import ProbeTarget
from monitor.probes.check import check
from monitor.servers import closed_port, http_server


def test_an_open_port_is_up() -> None:
    with http_server() as base:
        address = base.removeprefix("http://")
        result = check(ProbeTarget("tcp", address))
    assert result.ok
    assert result.reason == f"connected to {address}"


def test_a_closed_port_is_down() -> None:
    with closed_port() as port:
        result = check(ProbeTarget("tcp", f"127.0.0.1:{port}"))
    assert not result.ok
    assert "connection refused" in result.reason


def test_a_target_without_a_port_is_down_with_what_is_wrong() -> None:
    result = check(ProbeTarget("tcp", "127.0.0.1"))
    assert not result.ok
    assert "expected host:port" in result.reason
