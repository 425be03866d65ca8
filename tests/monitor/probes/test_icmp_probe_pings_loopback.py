"""ICMP echo to loopback, by whichever way this machine allows (the reason says which)."""

from __future__ import annotations

import shutil

import pytest

from accord.monitor.probes import ProbeTarget, ping_socket_allowed
from monitor.probes.check import check

pytestmark = pytest.mark.skipif(
    not ping_socket_allowed() and shutil.which("ping") is None,
    reason="neither an unprivileged ping socket nor a ping binary on this machine",
)


def test_loopback_answers_the_echo() -> None:
    result = check(ProbeTarget("icmp", "127.0.0.1", timeout=2))
    assert result.ok, result.reason
    way = "ping socket" if ping_socket_allowed() else "ping binary"
    assert result.reason.startswith(way)


def test_an_address_that_cannot_exist_is_down() -> None:
    # No packet leaves the machine: the address is refused before anything is sent.
    result = check(ProbeTarget("icmp", "256.0.0.1", timeout=1))
    assert not result.ok
