"""HTTP checks per second per core: accord's HTTP probe against Prometheus'
blackbox_exporter, probing the same local target in one run.

    .venv/bin/python -m bench.monitor.http_checks [--seconds 10] [--concurrency 64]

"Per core" is checks divided by the CPU seconds (user + system) the prober spent: the
accord process (the probe loop and its driver) and the blackbox_exporter process (wrk,
which drives it, is not counted; its own CPU is reported). The target runs in a process
of its own. accord is measured twice: reusing connections (its default, as a browser
would) and with a new connection per check, which is what blackbox_exporter does.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from accord.monitor.probes import ProbeTarget
from accord.monitor.probes.http import HttpProbe

TICK = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpu_of(pid: int) -> float:
    """User + system CPU seconds of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def accord_checks(
    url: str, seconds: float, concurrency: int, keep_alive: bool
) -> tuple[int, int, float, float]:
    probe = HttpProbe(max_connections=concurrency, keep_alive=keep_alive)
    target = ProbeTarget("http", url, timeout=5)
    loop = asyncio.get_running_loop()
    done = failed = 0
    stop = loop.time() + seconds

    async def lane() -> None:
        nonlocal done, failed
        while loop.time() < stop:
            result = await probe(target, loop.time() + 5)
            done += 1
            failed += not result.ok

    cpu0, t0 = own_cpu(), time.perf_counter()
    await asyncio.gather(*(lane() for _ in range(concurrency)))
    wall, cpu = time.perf_counter() - t0, own_cpu() - cpu0
    await probe.aclose()
    return done, failed, wall, cpu


def blackbox_checks(
    url: str, seconds: float, concurrency: int
) -> tuple[int, int, float, float, float]:
    exporter = shutil.which("prometheus-blackbox-exporter") or shutil.which("blackbox_exporter")
    if exporter is None:
        raise SystemExit(
            "blackbox_exporter is not installed (apt-get install prometheus-blackbox-exporter)"
        )
    port = free_port()
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "blackbox.yml"
        config.write_text(
            "modules:\n  http_2xx:\n    prober: http\n    timeout: 5s\n"
            "    http:\n      preferred_ip_protocol: ip4\n"
        )
        process = subprocess.Popen(
            [
                exporter,
                f"--config.file={config}",
                f"--web.listen-address=127.0.0.1:{port}",
                "--log.level=error",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), 0.1).close()
                    break
                except OSError:
                    time.sleep(0.05)
            probe_url = f"http://127.0.0.1:{port}/probe?module=http_2xx&target={url}"
            check = subprocess.run(["curl", "-s", probe_url], capture_output=True, text=True)
            failed_probe = "probe_success 1" not in check.stdout
            cpu0 = cpu_of(process.pid)
            start = time.perf_counter()
            wrk = subprocess.run(
                ["wrk", "-t1", f"-c{concurrency}", f"-d{int(seconds)}s", probe_url],
                capture_output=True,
                text=True,
                check=True,
            )
            wall = time.perf_counter() - start
            cpu = cpu_of(process.pid) - cpu0
        finally:
            process.terminate()
            process.wait()
    requests = int(re.search(r"(\d+) requests in", wrk.stdout).group(1))  # type: ignore[union-attr]
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", wrk.stdout)
    wrk_cpu = 0.0  # reported by wrk only as its own latency; not counted
    return requests, int(non2xx.group(1)) if non2xx else int(failed_probe), wall, cpu, wrk_cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=64)
    args = parser.parse_args()
    port = free_port()
    target = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("target.py")), str(port)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert target.stdout is not None and target.stdout.readline().strip() == "ready"
    url = f"http://127.0.0.1:{port}/"
    print(
        f"target {url}; {args.seconds:g} s each, {args.concurrency} checks in flight; "
        f"{os.cpu_count()} cores (shared)"
    )
    columns = ("checks", 8), ("failed", 7), ("checks/s", 9), ("CPU s", 6), ("checks/s per core", 18)
    print(f"{'prober':44} " + " ".join(f"{name:>{width}}" for name, width in columns))
    try:
        rows = []
        for keep in (True, False):
            done, failed, wall, cpu = asyncio.run(
                accord_checks(url, args.seconds, args.concurrency, keep)
            )
            name = "accord http probe (" + ("keep-alive)" if keep else "new connection per check)")
            rows.append((name, done, failed, wall, cpu))
        done, failed, wall, cpu, _ = blackbox_checks(url, args.seconds, args.concurrency)
        rows.append(("blackbox_exporter http_2xx (driven by wrk)", done, failed, wall, cpu))
        for name, done, failed, wall, cpu in rows:
            print(
                f"{name:44} {done:8d} {failed:7d} {done / wall:9.0f} {cpu:6.1f} {done / cpu:18.0f}"
            )
    finally:
        target.terminate()
        target.wait()


if __name__ == "__main__":
    main()
