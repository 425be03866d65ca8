"""Scheduling lag of 10,000 monitors at a 1-minute interval on this machine.

    .venv/bin/python -m bench.monitor.scheduling_lag [--monitors 10000] [--seconds 75]

Every monitor is an HTTP check of the local target (`bench/monitor/target.py`, a process
of its own) scheduled by accord's scheduler with its stable offset; the run lasts a
little more than one interval, so every monitor is checked at least once. The lag of a
check is how late it started after its due instant; the figures are over every check.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from accord.domain.availability import MeasurementRule
from accord.monitor.monitors import Monitor
from accord.monitor.probes import Probes, ProbeTarget
from accord.monitor.scheduler import Scheduler
from bench.monitor.http_checks import free_port


async def run(url: str, count: int, seconds: float) -> tuple[list[float], int, int, float]:
    rule = MeasurementRule(interval=60)
    monitors = [
        Monitor(f"svc-{i}", ProbeTarget("http", f"{url}?m={i}", timeout=10), 60, rule)
        for i in range(count)
    ]
    failed = 0

    def sink(m: Monitor, result: object, lag: float) -> None:
        nonlocal failed
        failed += not getattr(result, "ok")  # noqa: B009

    probes = Probes(max_connections=200)
    scheduler = Scheduler(probes, sink, concurrency=200, keep_lags=True)
    scheduler.add(monitors)
    start = time.time()
    await scheduler.run(until=start + seconds)
    await probes.aclose()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return scheduler.tally.lags, failed, scheduler.tally.skipped, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--monitors", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=75.0)
    args = parser.parse_args()
    port = free_port()
    target = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("target.py")), str(port)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert target.stdout is not None and target.stdout.readline().strip() == "ready"
    try:
        lags, failed, skipped, cpu = asyncio.run(
            run(f"http://127.0.0.1:{port}/", args.monitors, args.seconds)
        )
    finally:
        target.terminate()
        target.wait()
    lag = np.array(lags) * 1000
    print(f"{args.monitors} monitors at 60 s for {args.seconds:g} s: {lag.size} checks, "
          f"{failed} failed, {skipped} due instants skipped, {cpu:.1f} CPU s")  # fmt: skip
    for name, q in (("p50", 50), ("p90", 90), ("p99", 99), ("max", 100)):
        print(f"  scheduling lag {name}: {np.percentile(lag, q):8.2f} ms")


if __name__ == "__main__":
    main()
