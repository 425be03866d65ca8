"""The probe loop: every monitor checked at its due instants, a bounded number at a time.

One asyncio task dispatches: it sleeps until the earliest due instant, then starts that
check as its own task once a slot of the concurrency bound is free. Each check gets a
hard deadline of its timeout (never beyond its interval). The lag of a check is how late
it started after its due instant; a monitor whose checks fall behind skips the instants
already past rather than bunching them (`skipped` counts them).
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field

from accord.monitor.monitors import Monitor
from accord.monitor.probes import ProbeResult, Probes
from accord.monitor.schedule import next_due, offset

Sink = Callable[[Monitor, ProbeResult, float], Awaitable[None] | None]


@dataclass
class Tally:
    """What the loop did; read by `/metrics` and by the benchmarks."""

    checks: int = 0  # checks finished
    skipped: int = 0  # due instants passed over because the monitor was behind
    lags: list[float] = field(default_factory=list)  # seconds each check started late


class Scheduler:
    def __init__(
        self,
        probes: Probes,
        sink: Sink,
        concurrency: int = 200,
        keep_lags: bool = False,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.probes = probes
        self.sink = sink
        self.slots = asyncio.Semaphore(concurrency)
        self.tally = Tally()
        self.keep_lags = keep_lags
        self.clock = clock
        self._queue: list[tuple[float, int, Monitor]] = []
        self._running: set[asyncio.Task[None]] = set()
        self._seq = 0
        self._wake = asyncio.Event()
        self._removed: set[str] = set()

    def add(self, monitors: Iterable[Monitor]) -> None:
        """Schedule monitors from their next due instant."""
        now = self.clock()
        for m in monitors:
            self._removed.discard(m.key)
            self._push(next_due(now, m.interval, offset(m.key, m.interval)), m)
        self._wake.set()

    def remove(self, keys: Iterable[str]) -> None:
        """Stop scheduling these monitors (a check already running finishes)."""
        self._removed.update(keys)

    def _push(self, due: float, monitor: Monitor) -> None:
        self._seq += 1
        heapq.heappush(self._queue, (due, self._seq, monitor))

    async def run(self, until: float | None = None) -> None:
        """Dispatch checks until `until` (epoch seconds) or until cancelled."""
        try:
            while until is None or self.clock() < until:
                if not self._queue:
                    await self._sleep(None if until is None else until - self.clock())
                    continue
                due, _, monitor = self._queue[0]
                wait = due - self.clock()
                if until is not None:
                    wait = min(wait, until - self.clock())
                if wait > 0:
                    await self._sleep(wait)
                    continue
                heapq.heappop(self._queue)
                if monitor.key in self._removed:
                    continue
                await self.slots.acquire()
                task = asyncio.create_task(self._check(monitor, due))
                self._running.add(task)
                task.add_done_callback(self._running.discard)
        finally:
            await self.drain()

    async def drain(self) -> None:
        """Wait for the checks already started."""
        if self._running:
            await asyncio.gather(*self._running, return_exceptions=True)

    async def _sleep(self, seconds: float | None) -> None:
        self._wake.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), seconds)

    async def _check(self, monitor: Monitor, due: float) -> None:
        try:
            started = self.clock()
            lag = max(started - due, 0.0)
            budget = min(monitor.target.timeout, monitor.interval)
            loop_deadline = asyncio.get_running_loop().time() + budget
            result = await self.probes.run(monitor.target, loop_deadline)
            self.tally.checks += 1
            if self.keep_lags:
                self.tally.lags.append(lag)
            following = next_due(max(due + monitor.interval, self.clock()), monitor.interval,
                                 offset(monitor.key, monitor.interval))  # fmt: skip
            self.tally.skipped += round((following - due) / monitor.interval) - 1
            if monitor.key not in self._removed:
                self._push(following, monitor)
                self._wake.set()
            outcome = self.sink(monitor, result, lag)
            if outcome is not None:
                await outcome
        finally:
            self.slots.release()
