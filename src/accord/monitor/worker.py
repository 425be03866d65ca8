"""A probe worker: claims monitors from the store, probes them, stores what it finds.

One asyncio loop runs three things: the scheduler (`scheduler`), a lease keeper that
claims free monitors and renews this worker's leases every third of the lease, and a
writer that stores the checks gathered since its last turn as one sample batch per
customer (keyed by the worker's name and a sequence number, so a retried batch is
stored once). Each check also goes to the tracker; a change of confirmed state opens or
resolves the group's incident. Database work runs in threads, off the event loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker

from accord.monitor import incidents, metrics
from accord.monitor.monitors import Monitor
from accord.monitor.probes import ProbeResult, Probes
from accord.monitor.samples import Checked
from accord.monitor.scheduler import Scheduler
from accord.monitor.stored import Claimed, claim, release, store_checks
from accord.monitor.tracker import Change, Tracker


class Worker:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        name: str,
        location: str = "",
        lease: int = 90,
        concurrency: int = 200,
        flush_every: float = 2.0,
        probes: Probes | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.sessions = sessions
        self.name = name
        self.location = location
        self.lease = lease
        self.flush_every = flush_every
        self.probes = probes or Probes()
        self.clock = clock
        self.scheduler = Scheduler(self.probes, self._sink, concurrency, clock=clock)
        self.trackers: dict[tuple[str, str], Tracker] = defaultdict(Tracker)  # per customer
        self.owned: dict[str, Claimed] = {}  # by monitor key
        self.pending: dict[tuple[str, str], list[Checked]] = defaultdict(list)
        self.changes: list[tuple[Claimed, Change]] = []
        self.batches = 0

    async def run(self, until: float | None = None) -> None:
        """Probe until `until` (epoch seconds) or until cancelled; then store and release."""
        keeper = asyncio.create_task(self._keep_leases())
        writer = asyncio.create_task(self._write_loop())
        try:
            await self.scheduler.run(until)
        finally:
            keeper.cancel()
            writer.cancel()
            for task in (keeper, writer):
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            await self.flush()
            await asyncio.to_thread(self._release)
            await self.probes.aclose()

    async def _keep_leases(self) -> None:
        while True:
            claimed = await asyncio.to_thread(self._claim)
            keys = {c.monitor.key: c for c in claimed}
            lost = set(self.owned) - set(keys)
            self.scheduler.remove(lost)
            self.scheduler.add([c.monitor for k, c in keys.items() if k not in self.owned])
            self.owned = keys
            await asyncio.sleep(self.lease / 3)

    def _claim(self) -> list[Claimed]:
        with self.sessions() as session:
            return claim(session, self.name, int(self.clock()), self.lease, location=self.location)

    def _release(self) -> None:
        with self.sessions() as session:
            release(session, self.name)

    async def _write_loop(self) -> None:
        while True:
            await asyncio.sleep(self.flush_every)
            await self.flush()

    async def flush(self) -> None:
        """Store the checks gathered so far, and act on the changes of state."""
        pending, self.pending = self.pending, defaultdict(list)
        changes, self.changes = self.changes, []
        if pending or changes:
            await asyncio.to_thread(self._store, pending, changes)

    def _store(
        self, pending: dict[tuple[str, str], list[Checked]], changes: list[tuple[Claimed, Change]]
    ) -> None:
        now = datetime.now(UTC)
        with self.sessions() as session:
            for (tenant, customer), checks in pending.items():
                self.batches += 1
                key = f"{self.name}-{int(now.timestamp())}-{self.batches}"
                store_checks(session, tenant, customer, checks, key, f"worker {self.name}", now)
            for owner, change in changes:
                incidents.on_change(session, owner.tenant, owner.customer, change,
                                    owner.monitor.opens_incident, now)  # fmt: skip

    def _sink(self, monitor: Monitor, result: ProbeResult, lag: float) -> None:
        metrics.observe(monitor.target.kind, result.ok, result.latency_ms, lag)
        owner = self.owned.get(monitor.key)
        if owner is None:
            return  # lost its lease while the check ran: the new owner reports
        customer = (owner.tenant, owner.customer)
        self.pending[customer].append((monitor, result))
        change = self.trackers[customer].record(monitor, result, datetime.now(UTC))
        if change is not None:
            self.changes.append((owner, change))


async def run_worker(sessions: sessionmaker[Session], name: str, concurrency: int) -> None:
    """A worker with the defaults, until cancelled."""
    await Worker(sessions, name, concurrency=concurrency).run()


def default_name() -> str:
    """Host name and process id: unique among the workers of a deployment."""
    return f"{socket.gethostname()}-{os.getpid()}"
