"""DNS against a small real DNS server on loopback."""

from __future__ import annotations

from dataclasses import replace

import pytest

from accord.monitor.probes import ProbeTarget
from monitor.probes.check import check
from monitor.servers import closed_port, dns_server

RECORDS = {"api.example.test.": "192.0.2.10"}


@pytest.mark.parametrize(
    ("name", "fields", "ok", "reason"),
    [
        ("api.example.test", {}, True, "NOERROR, 1 answers"),
        ("api.example.test", {"expect_answer": "192.0.2.10"}, True, "NOERROR"),
        ("api.example.test", {"expect_answer": "192.0.2.99"}, False, "not among ['192.0.2.10']"),
        ("gone.example.test", {}, False, "rcode NXDOMAIN, expected NOERROR"),
        ("gone.example.test", {"expect_rcode": "NXDOMAIN"}, True, "NXDOMAIN"),
    ],
)
def test_it_judges_the_rcode_and_the_answer(
    name: str, fields: dict[str, object], ok: bool, reason: str
) -> None:
    with dns_server(RECORDS) as server:
        result = check(replace(ProbeTarget("dns", name, nameserver=server), **fields))
    assert result.ok is ok
    assert reason in result.reason


def test_a_silent_nameserver_is_down_at_the_timeout() -> None:
    with closed_port() as port:
        result = check(ProbeTarget("dns", "api.example.test", nameserver=f"127.0.0.1:{port}",
                              timeout=0.3))  # fmt: skip
    assert not result.ok
    assert result.latency_ms is None
