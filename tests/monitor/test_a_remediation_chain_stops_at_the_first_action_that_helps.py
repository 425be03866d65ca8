"""Letsignit L5: actions in order, each followed by a re-check, each step in words."""

from __future__ import annotations

import asyncio

from accord.monitor.probes import Probes, ProbeTarget
from accord.monitor.remediation import Action, Step, remediate
from monitor.servers import Handler, http_server


def chain(base: str, actions: list[Action]) -> tuple[bool, list[Step]]:
    steps: list[Step] = []

    async def main() -> bool:
        probes = Probes()
        try:
            target = ProbeTarget("http", base + "/switch", timeout=2)
            return await remediate(actions, target, probes, steps.append)
        finally:
            await probes.aclose()

    return asyncio.run(main()), steps


def test_the_chain_runs_until_a_recheck_finds_the_service_up() -> None:
    Handler.switch = 503
    Handler.methods.clear()
    with http_server() as base:
        up, steps = chain(base, [
            Action("restart_services", "http", base + "/restart"),
            Action("reboot", "http", base + "/fix"),
            Action("remove_from_load_balancer", "http", base + "/remove"),
        ])  # fmt: skip
    assert up
    assert [s.action for s in steps] == ["restart_services", "reboot"]
    assert [s.recheck.ok for s in steps] == [False, True]
    assert steps[0].words.startswith("restart_services: called, status 202; re-check: still down")
    assert "POST /remove" not in Handler.methods


def test_a_failing_command_is_reported_and_the_chain_goes_on_to_the_end() -> None:
    Handler.switch = 503
    with http_server() as base:
        up, steps = chain(base, [Action("restart_services", "command", "false"),
                                 Action("escalate_to_support", "command", "true")])  # fmt: skip
    assert not up
    assert [(s.action, s.done) for s in steps] == [
        ("restart_services", False), ("escalate_to_support", True),
    ]  # fmt: skip
    assert "ran, exit status 1" in steps[0].words
