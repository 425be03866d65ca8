"""`accord agent`: probe from another network, keep every check, upload it once.

Three loops share one asyncio event loop:
- leases: every third of the lease, ask the server for this location's monitors (renewing
  the ones held); while the server is away, keep probing the monitors last given (kept in
  the buffer, so a restart without the server probes them too);
- probing: the scheduler every worker uses, its checks kept in memory for at most
  `flush_every` seconds, then written to the buffer in one transaction;
- uploads: seal what the buffer holds into batches, send them oldest first; when the server
  is away, wait (doubling up to `max_wait`) and send the same batches again.
Buffer and HTTP work run in threads, off the event loop. A kill loses only the checks not
yet written (at most `flush_every` seconds of them); nothing written is lost or doubled.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from accord.domain.availability import epoch_seconds
from accord.monitor import metrics
from accord.monitor.agent.buffer import Buffer, Result
from accord.monitor.agent.link import Assigned, Link, Refused, Unreachable
from accord.monitor.export import row
from accord.monitor.monitors import Monitor
from accord.monitor.probes import ProbeResult, Probes
from accord.monitor.scheduler import Scheduler
from accord.monitor.stored import document, from_document


@dataclass(frozen=True)
class AgentSettings:
    server: str  # the service's base URL
    token: str  # an API token of the provider (provider_admin)
    location: str  # the monitors' location this agent probes from
    name: str  # unique among agents: the leases are held in this name
    buffer: Path  # the SQLite file
    lease: int = 300  # seconds a claim holds without renewal
    concurrency: int = 200  # checks at once
    batch_size: int = 5_000  # checks in one uploaded batch at most
    flush_every: float = 1.0  # seconds between two writes of the buffer
    upload_every: float = 2.0  # seconds between two upload rounds when all is sent
    max_wait: float = 30.0  # seconds between two attempts at most, when the server is away
    keep: int = 86_400  # seconds an acknowledged batch stays in the buffer


class Agent:
    def __init__(
        self,
        settings: AgentSettings,
        probes: Probes | None = None,
        say: Callable[[str], None] = print,
    ) -> None:
        self.settings = settings
        self.buffer = Buffer(settings.buffer)
        self.link = Link(settings.server, settings.token)
        self.probes = probes or Probes()
        self.say = say
        self.scheduler = Scheduler(self.probes, self._sink, settings.concurrency)
        self.owners: dict[str, str] = {}  # monitor key -> customer
        self.checks: list[Result] = []

    async def run(self, until: float | None = None) -> None:
        """Probe and upload until `until` (epoch seconds) or until cancelled."""
        runner = asyncio.create_task(self.scheduler.run(until))
        loops = [asyncio.create_task(c) for c in (self._leases(), self._writes(), self._uploads())]
        try:
            done, _ = await asyncio.wait([runner, *loops], return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                task.result()  # a loop only ends by failing: say why
        finally:
            for task in (runner, *loops):
                task.cancel()
            for task in (runner, *loops):
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            await self._write()
            await self.probes.aclose()

    async def _leases(self) -> None:
        s = self.settings
        known = await asyncio.to_thread(self.buffer.recall)
        self._assign([Assigned(d["customer"], from_document(d["monitor"])) for d in known])
        while True:
            backlog = await asyncio.to_thread(self.buffer.backlog)
            try:
                given = await asyncio.to_thread(self.link.claim, s.name, s.location, s.lease,
                                                backlog)  # fmt: skip
            except Unreachable as error:
                self.say(f"agent {s.name}: server unreachable, probing on ({error})")
            else:
                self._assign(given)
                docs = [{"customer": a.customer, "monitor": document(a.monitor)} for a in given]
                await asyncio.to_thread(self.buffer.remember, docs)
            await asyncio.sleep(s.lease / 3)

    def _assign(self, given: list[Assigned]) -> None:
        owners = {a.monitor.key: a.customer for a in given}
        self.scheduler.remove(set(self.owners) - set(owners))
        self.scheduler.add([a.monitor for a in given if a.monitor.key not in self.owners])
        self.owners = owners

    def _sink(self, monitor: Monitor, result: ProbeResult, lag: float) -> None:
        metrics.observe(monitor.target.kind, result.ok, result.latency_ms, lag)
        customer = self.owners.get(monitor.key)
        if customer is not None:
            self.checks.append(Result(customer, epoch_seconds(result.at), row(monitor, result)))

    async def _writes(self) -> None:
        while True:
            await asyncio.sleep(self.settings.flush_every)
            await self._write()

    async def _write(self) -> None:
        checks, self.checks = self.checks, []
        if checks:
            await asyncio.to_thread(self.buffer.record, checks)

    async def _uploads(self) -> None:
        wait = self.settings.upload_every
        while True:
            try:
                busy = await asyncio.to_thread(self.upload_round)
            except Unreachable as error:
                self.say(f"agent {self.settings.name}: upload deferred ({error})")
                wait = min(wait * 2, self.settings.max_wait)
            else:
                wait = self.settings.upload_every
                if busy:
                    continue  # more to send: no pause while catching up
            await asyncio.sleep(wait)

    def upload_round(self) -> bool:
        s = self.settings
        sent = upload_round(self.buffer, self.link, s.batch_size, s.keep, int(time.time()),
                            lambda text: self.say(f"agent {s.name}: {text}"))  # fmt: skip
        return sent > 0


def upload_round(
    buffer: Buffer, link: Link, batch_size: int, keep: int, now: int, say: Callable[[str], None]
) -> int:
    """Seal what the buffer holds and send up to ten batches, oldest first; the number sent
    (more may be waiting). Raises Unreachable when the server is away: they stay pending."""
    buffer.seal(batch_size)
    batches = buffer.pending(10)
    for batch in batches:
        try:
            link.send(batch)
        except Refused as error:
            say(f"batch {batch.key} refused: {error}")
            buffer.settle(batch.id, "refused", now, str(error))
            continue
        buffer.settle(batch.id, "stored", now)
    buffer.prune(now - keep)
    return len(batches)


def run_agent(settings: AgentSettings) -> None:
    """The agent with its defaults, until interrupted."""
    agent = Agent(settings, say=lambda text: print(text, file=sys.stderr, flush=True))
    try:
        asyncio.run(agent.run())
    finally:
        agent.buffer.close()
