"""`accord serve` as a real process on a free loopback port, for the tests that need one."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx2 as httpx

ACCORD = [sys.executable, "-c", "from accord.cli import main; main()"]


@dataclass
class Server:
    process: subprocess.Popen[str]
    url: str  # http://127.0.0.1:PORT
    output: list[str]  # what it printed before it was ready

    def line(self, start: str) -> str:
        return next(x for x in self.output if x.startswith(start))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start(
    args: list[str], folder: Path, env: dict[str, str] | None = None, port: int | None = None
) -> Server:
    port = port or free_port()
    process = subprocess.Popen(
        [*ACCORD, *args, "--port", str(port)],
        cwd=folder,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, **(env or {})},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"accord serve stopped: {process.stdout.read()}")  # type: ignore[union-attr]
        try:
            httpx.get(url + "/api/v1/openapi.json", timeout=1)
            break
        except httpx.TransportError:
            time.sleep(0.2)
    else:
        process.kill()
        raise AssertionError("accord serve did not answer within 60 s")
    os.set_blocking(process.stdout.fileno(), False)  # type: ignore[union-attr]
    output = (process.stdout.read() or "").splitlines()  # type: ignore[union-attr]
    return Server(process, url, output)


@contextmanager
def serving(
    args: list[str], folder: Path, env: dict[str, str] | None = None, port: int | None = None
) -> Iterator[Server]:
    server = start(args, folder, env, port)
    try:
        yield server
    finally:
        server.process.terminate()
        try:
            server.process.wait(10)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()
        server.process.stdout.close()  # type: ignore[union-attr]
