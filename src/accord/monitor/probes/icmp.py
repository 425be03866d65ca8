"""ICMP echo: an unprivileged ping socket when the kernel allows one, else `ping`.

Linux lets a process open an ICMP datagram socket when its group is in
`net.ipv4.ping_group_range`; many systems leave that range empty ('1 0'). Then the probe
runs the system's `ping -c 1` instead (setuid or with the capability to). The result's
reason says which way the echo went, so a reader knows what was measured.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import struct

from accord.monitor.probes.result import ProbeResult, ProbeTarget, finish, remaining, started


def ping_socket_allowed() -> bool:
    """Whether this process may open an unprivileged ICMP socket."""
    try:
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_ICMP).close()
    except OSError:
        return False
    return True


async def icmp_probe(target: ProbeTarget, deadline: float) -> ProbeResult:
    timeout = min(target.timeout, remaining(deadline))
    if ping_socket_allowed():
        return await _by_socket(target, timeout)
    return await _by_binary(target, timeout)


async def _by_socket(target: ProbeTarget, timeout: float) -> ProbeResult:
    at, t0 = started()
    loop = asyncio.get_running_loop()
    address = (await loop.getaddrinfo(target.target, None, family=socket.AF_INET))[0][4][0]
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_ICMP)
    sock.setblocking(False)
    try:
        # Echo request: type 8, code 0; the kernel fills in the identifier and checksum.
        await loop.sock_sendto(
            sock, struct.pack("!BBHHH", 8, 0, 0, 0, 1) + os.urandom(8), (address, 0)
        )
        await asyncio.wait_for(loop.sock_recv(sock, 1024), timeout)
    except TimeoutError:
        return finish(at, t0, target, False, f"ping socket: no echo within {timeout:g} s", False)
    except OSError as error:
        return finish(at, t0, target, False, f"ping socket: {error}", False)
    finally:
        sock.close()
    return finish(at, t0, target, True, f"ping socket: echo from {address}")


async def _by_binary(target: ProbeTarget, timeout: float) -> ProbeResult:
    at, t0 = started()
    ping = shutil.which("ping")
    if ping is None:
        return finish(at, t0, target, False, "no ping socket allowed and no ping binary", False)
    wait = str(max(int(timeout), 1))
    process = await asyncio.create_subprocess_exec(
        ping, "-n", "-c", "1", "-W", wait, target.target,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    try:
        code = await asyncio.wait_for(process.wait(), timeout + 1)
    except TimeoutError:
        process.kill()
        await process.wait()
        code = -1
    if code != 0:
        return finish(at, t0, target, False, f"ping binary: no echo (exit {code})", False)
    return finish(at, t0, target, True, "ping binary: echo received")
