"""The status page served by `accord serve --demo`, under wrk: requests/s and p99.

The service runs as a real process on SQLite on a loopback port; one request warms the
page (its first request builds it), then wrk (Debian's) runs for a bounded time with few
connections, and its latency distribution is read. The goal: at least 500 requests/s
with p99 under 15 ms.

    .venv/bin/python -m bench.web.serve [--seconds 10] [--connections 4]
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).parents[2]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, nargs="+", default=[4, 16])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-c", "from accord.cli import main; main()", "serve", "--demo",
             "--port", str(port), "--database", f"sqlite:///{folder}/bench.db"],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            url = f"http://127.0.0.1:{port}/status/demo"
            size = _warm(url)
            print(f"load average at the start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
            print(f"GET {url}: {size:,} bytes")
            for connections in args.connections:
                rate, p50, p99 = _wrk(url, args.seconds, connections)
                print(f"wrk -t1 -c{connections} -d{args.seconds}s: {rate:,.0f} requests/s, "
                      f"p50 {p50:.2f} ms, p99 {p99:.2f} ms")  # fmt: skip
        finally:
            server.terminate()
            server.wait(10)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _warm(url: str) -> int:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url, timeout=30) as answer:
                return len(answer.read())
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def _wrk(url: str, seconds: int, connections: int) -> tuple[float, float, float]:
    out = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True, text=True, check=True, timeout=seconds + 30,
    ).stdout  # fmt: skip
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    return rate, _ms(out, "50%"), _ms(out, "99%")


def _ms(out: str, share: str) -> float:
    value, unit = re.search(rf"{share}\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


if __name__ == "__main__":
    main()
