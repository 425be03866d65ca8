"""What the monitoring loop reports to Prometheus (`/metrics`).

- `accord_checks_total{kind, result}`: checks finished, by probe kind and up/down;
- `accord_probe_latency_seconds{kind}`: time to the answer of checks that got one;
- `accord_scheduling_lag_seconds`: how late checks started after their due instant;
- `accord_agent_upload_backlog{agent}`: results an agent holds that the server has not
  acknowledged (reported by the agent with each upload).
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

CHECKS = Counter("accord_checks", "Checks finished", ["kind", "result"])
LATENCY = Histogram(
    "accord_probe_latency_seconds", "Time to the answer of a check", ["kind"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)  # fmt: skip
LAG = Histogram(
    "accord_scheduling_lag_seconds", "How late checks start after their due instant",
    buckets=(0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)  # fmt: skip
BACKLOG = Gauge("accord_agent_upload_backlog", "Results an agent holds unacknowledged", ["agent"])


def observe(kind: str, ok: bool, latency_ms: float | None, lag: float) -> None:
    CHECKS.labels(kind, "up" if ok else "down").inc()
    if latency_ms is not None:
        LATENCY.labels(kind).observe(latency_ms / 1000.0)
    LAG.observe(lag)
