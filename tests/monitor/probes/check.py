"""Run one probe to completion from a synchronous test."""

from __future__ import annotations

import asyncio

from accord.monitor.probes import ProbeResult, Probes, ProbeTarget, PushBook


def check(target: ProbeTarget, book: PushBook | None = None, budget: float = 5.0) -> ProbeResult:
    async def once() -> ProbeResult:
        probes = Probes(book)
        try:
            return await probes.run(target, asyncio.get_running_loop().time() + budget)
        finally:
            await probes.aclose()

    return asyncio.run(once())
