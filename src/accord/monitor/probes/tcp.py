"""TCP connect: up when a connection to host:port opens in time."""

from __future__ import annotations

import asyncio

from accord.monitor.probes.result import (
    ProbeResult,
    ProbeTarget,
    closed,
    finish,
    remaining,
    started,
)


def host_port(text: str, default_port: int | None = None) -> tuple[str, int]:
    """'host:port', '[v6]:port' or a bare host with a default port."""
    host, sep, port = text.rpartition(":")
    if not sep or "]" in port or (":" in host and not host.startswith("[")):
        if default_port is None:
            raise ValueError(f"{text!r}: expected host:port")
        return text.strip("[]"), default_port
    if not port.isdigit():
        raise ValueError(f"{text!r}: the port {port!r} is not a number")
    return host.strip("[]"), int(port)


async def tcp_probe(target: ProbeTarget, deadline: float) -> ProbeResult:
    at, t0 = started()
    host, port = host_port(target.target)
    try:
        _, writer = await asyncio.wait_for(
            asyncio.open_connection(host, port), min(target.timeout, remaining(deadline))
        )
    except TimeoutError:
        return finish(at, t0, target, False, f"no connection within {target.timeout:g} s", False)
    except OSError as error:
        return finish(at, t0, target, False, f"connection refused or failed: {error}", False)
    result = finish(at, t0, target, True, f"connected to {host}:{port}")
    await closed(writer)
    return result
