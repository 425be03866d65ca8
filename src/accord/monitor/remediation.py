"""Remediation chains: ordered actions run when a monitor goes down, each re-checked.

Letsignit L5: restart the services, then reboot, then remove the server from the load
balancer, then escalate to support. Each action is an HTTP call (`POST` to a URL) or a
command; after each one the monitor's own check runs again: when it is up, the chain
stops there; when it is still down, the next action runs. Every step (the action, its
outcome, the re-check) is reported in words, for the incident's timeline.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from accord.monitor.probes import ProbeResult, Probes, ProbeTarget
from accord.monitor.probes.http_client import HttpClient, HttpFailure


@dataclass(frozen=True)
class Action:
    name: str  # as the contract names it: 'restart_services', 'reboot', ...
    kind: Literal["http", "command"]
    target: str  # the URL to POST to, or the command line (run without a shell)
    timeout: float = 60.0  # seconds the action may take


@dataclass(frozen=True)
class Step:
    action: str  # the action's name
    done: bool  # the action itself succeeded
    words: str  # what happened, for the timeline
    recheck: ProbeResult  # the monitor's check after the action


Report = Callable[[Step], Awaitable[None] | None]


async def remediate(
    actions: Sequence[Action], target: ProbeTarget, probes: Probes, report: Report
) -> bool:
    """Run `actions` in order until a re-check finds the target up; True when it is."""
    loop = asyncio.get_running_loop()
    for action in actions:
        done, words = await _run(action)
        recheck = await probes.run(target, loop.time() + target.timeout)
        state = "up" if recheck.ok else "still down"
        step = Step(action.name, done, f"{action.name}: {words}; re-check: {state} "
                                       f"({recheck.reason})", recheck)  # fmt: skip
        outcome = report(step)
        if outcome is not None:
            await outcome
        if recheck.ok:
            return True
    return False


async def _run(action: Action) -> tuple[bool, str]:
    try:
        return await asyncio.wait_for(_act(action), action.timeout)
    except TimeoutError:
        return False, f"no end within {action.timeout:g} s"


async def _act(action: Action) -> tuple[bool, str]:
    if action.kind == "http":
        client = HttpClient(keep_alive=False)
        try:
            answer = await client.request("POST", action.target)
        except (HttpFailure, OSError) as error:
            return False, f"call failed: {error}"
        finally:
            await client.aclose()
        return 200 <= answer.status < 300, f"called, status {answer.status}"
    process = await asyncio.create_subprocess_exec(
        *action.target.split(), stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    code = await process.wait()
    return code == 0, f"ran, exit status {code}"
