"""Heartbeats and pushed business metrics: late is down, over the bound is down."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from accord.monitor.probes import ProbeTarget, PushBook
from monitor.probes.check import check


def ago(seconds: float) -> datetime:
    return datetime.now(UTC) - timedelta(seconds=seconds)


def test_a_heartbeat_within_interval_and_grace_is_up() -> None:
    book = PushBook()
    book.beat("nightly-backup", ago(90))
    result = check(ProbeTarget("heartbeat", "nightly-backup", interval=60, grace=60), book)
    assert result.ok


def test_a_heartbeat_later_than_interval_and_grace_is_down() -> None:
    book = PushBook()
    book.beat("nightly-backup", ago(200))
    result = check(ProbeTarget("heartbeat", "nightly-backup", interval=60, grace=60), book)
    assert not result.ok
    assert "later than 120 s" in result.reason


def test_a_heartbeat_never_called_is_down() -> None:
    assert check(ProbeTarget("heartbeat", "never"), PushBook()).reason == "never pushed"


def test_an_older_beat_arriving_late_does_not_hide_a_newer_one() -> None:
    book = PushBook()
    book.beat("job", ago(10))
    book.beat("job", ago(500))
    assert check(ProbeTarget("heartbeat", "job", interval=60), book).ok


def test_a_metric_over_its_bound_is_down_and_under_it_up() -> None:
    # S9: more than 10 % of orders delayed over 30 minutes.
    book = PushBook()
    target = ProbeTarget("metric", "orders_delayed_percent", interval=1800, at_most=10)
    book.push("orders_delayed_percent", ago(60), 12.5)
    high = check(target, book)
    book.push("orders_delayed_percent", ago(30), 4)
    low = check(target, book)
    assert not high.ok and "12.5 > 10" in high.reason
    assert low.ok


def test_a_metric_not_pushed_in_time_is_down() -> None:
    book = PushBook()
    book.push("orders_delayed_percent", ago(4000), 1)
    result = check(ProbeTarget("metric", "orders_delayed_percent", interval=1800, grace=60), book)
    assert not result.ok
    assert "later than 1860 s" in result.reason
