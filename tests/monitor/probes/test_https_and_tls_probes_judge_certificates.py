"""HTTPS and TLS expiry against real local servers with generated certificates."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from accord.monitor.probes import ProbeTarget
from monitor.probes.check import check
from monitor.servers import certificate, http_server


def test_https_refuses_a_self_signed_certificate_unless_told_not_to_verify(
    tmp_path: Path,
) -> None:
    with http_server(certificate(tmp_path, timedelta(days=90))) as base:
        verified = check(ProbeTarget("http", base + "/ok"))
        unverified = check(ProbeTarget("http", base + "/ok", verify_tls=False))
    assert not verified.ok
    assert "CERTIFICATE_VERIFY_FAILED" in verified.reason
    assert unverified.ok and unverified.reason == "200 OK"


def test_tls_finds_a_certificate_far_from_expiry_up(tmp_path: Path) -> None:
    with http_server(certificate(tmp_path, timedelta(days=90))) as base:
        result = check(ProbeTarget("tls", base.removeprefix("https://"), min_days_left=14))
    assert result.ok
    assert "valid 90 more days" in result.reason


def test_tls_finds_a_certificate_close_to_expiry_down(tmp_path: Path) -> None:
    with http_server(certificate(tmp_path, timedelta(days=3))) as base:
        result = check(ProbeTarget("tls", base.removeprefix("https://"), min_days_left=14))
    assert not result.ok
    assert "expires in 3.0 days" in result.reason


def test_tls_finds_an_expired_certificate_down(tmp_path: Path) -> None:
    with http_server(certificate(tmp_path, timedelta(days=-2))) as base:
        result = check(ProbeTarget("tls", base.removeprefix("https://"), min_days_left=0))
    assert not result.ok
    assert "certificate expired" in result.reason


def test_tls_against_a_plain_http_server_is_down_with_the_handshake_error() -> None:
    with http_server() as base:
        result = check(ProbeTarget("tls", base.removeprefix("http://")))
    assert not result.ok
    assert "handshake failed" in result.reason
