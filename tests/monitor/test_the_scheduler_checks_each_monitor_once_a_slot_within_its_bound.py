"""The scheduler against a real local server: one check per due slot, bounded concurrency."""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict

from accord.domain.availability import MeasurementRule
from accord.monitor.monitors import Monitor
from accord.monitor.probes import Probes, ProbeTarget
from accord.monitor.samples import Checked
from accord.monitor.schedule import offset
from accord.monitor.scheduler import Scheduler
from monitor.servers import Handler, http_server


def run(monitors: list[Monitor], seconds: float, concurrency: int) -> list[Checked]:
    seen: list[Checked] = []

    async def main() -> None:
        probes = Probes()
        scheduler = Scheduler(probes, lambda m, r, lag: seen.append((m, r)), concurrency)
        scheduler.add(monitors)
        await scheduler.run(until=time.time() + seconds)
        await probes.aclose()

    asyncio.run(main())
    return seen


def monitor(base: str, path: str, i: int, interval: int = 1) -> Monitor:
    rule = MeasurementRule(interval=interval)
    return Monitor(f"m{i}", ProbeTarget("http", base + path, timeout=interval), interval, rule)


def test_each_monitor_is_checked_once_in_each_slot_it_reaches() -> None:
    with http_server() as base:
        monitors = [monitor(base, "/ok", i) for i in range(5)]
        seen = run(monitors, 3.2, concurrency=10)
    slots: dict[str, list[int]] = defaultdict(list)
    for m, r in seen:
        assert r.ok
        slots[m.key].append(int((r.at.timestamp() - offset(m.key, m.interval)) // m.interval))
    assert set(slots) == {m.key for m in monitors}
    for found in slots.values():
        assert len(found) == len(set(found)), "two checks in one slot"
        assert 2 <= len(found) <= 4


def test_no_more_checks_run_at_once_than_the_bound() -> None:
    Handler.most_in_flight = 0
    with http_server() as base:
        seen = run([monitor(base, "/slow/0.3", i, 2) for i in range(8)], 2.5, concurrency=2)
    assert seen
    assert Handler.most_in_flight == 2
