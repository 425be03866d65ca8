"""A201-A203: objectives that say what to reach but not how it is measured."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from accord.problems import Problem

Lint = Callable[..., list[Problem]]
MEASURED = "    measurement: {probe: http, target: 'https://x.test', interval: 1m}\n"


@pytest.mark.parametrize(("measurement", "finding"), [("", True), (MEASURED, False)])
def test_it_finds_availability_with_no_measurement(
    lint: Lint, measurement: str, finding: bool
) -> None:
    body = "availability:\n  - id: up\n    target: 99\n    benchmark_only: true\n" + measurement
    found = lint(body, "A201")
    assert len(found) == finding
    if finding:
        assert found[0].path == "availability.0.id"
        assert "'up' has no measurement" in found[0].message


@pytest.mark.parametrize(
    ("objective", "finding"),
    [
        ("{id: latency, metric: latency_ms, statistic: mean, below: 50}", True),
        ("{id: connect, metric: connect_ms, bands: [{under: 1000, percent: 80}]}", True),
        ("{id: latency, metric: latency_ms, statistic: mean, below: 50, measurement: "
         "{probe: icmp, interval: 1m}}", False),
        ("{id: orders, ratio: {bad: late, total: all, window: 30m, at_most_percent: 10}}",
         False),
    ],
)  # fmt: skip
def test_it_finds_performance_with_no_measurement(
    lint: Lint, objective: str, finding: bool
) -> None:
    found = lint(f"performance:\n  - {objective}\n", "A202")
    assert len(found) == finding
    if finding:
        assert found[0].path == "performance.0.metric"
        assert "says not how it is sampled" in found[0].message


@pytest.mark.parametrize(
    ("objective", "bound"),
    [
        ("{id: latency, metric: latency_ms, unit: ms, below: 50}", "below 50 ms"),
        ("{id: tput, metric: mbps, at_least: 100}", "at_least 100"),
        ("{id: latency, metric: latency_ms, unit: ms, statistic: p95, below: 50}", None),
        ("{id: connect, metric: connect_ms, bands: [{under: 1000, percent: 80}]}", None),
    ],
)
def test_it_finds_a_bound_with_no_statistic(lint: Lint, objective: str, bound: str | None) -> None:
    found = lint(f"performance:\n  - {objective}\n", "A203")
    if bound is None:
        assert found == []
    else:
        [finding] = found
        assert finding.message.startswith(f"{bound}: of every sample, of the mean")
