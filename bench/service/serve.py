"""The service under load, on PostgreSQL: a live statement's latency, read endpoints at
500 requests/s (wrk on loopback), and the memory of `accord serve` with 1,000 customers.

1,000 customers on the Lavi contract (3 locations), each with a month (November 2026) of
one-minute samples from every location, mostly up: stored by the ingest service in one
process before the server starts (raw samples not kept). The server runs with a grace of
60 days so November is still a live month (computed on every request).

    .venv/bin/python -m bench.service.serve [--customers 1000] [--requests 200]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx2 as httpx
import numpy as np

from accord.domain.evidence import Evidence, Fees, Samples
from accord.services.accounts import Principal, create_token, ensure_tenant
from accord.services.contract_versions import upload_version
from accord.services.customers import add_customer, add_subscription
from accord.services.ingest import store_evidence
from accord.store.database import make_engine, make_sessions, upgrade

from .common import database, serving

ROOT = Path(__file__).parents[2]
NOW = datetime(2026, 12, 1, tzinfo=UTC)
START = int(datetime(2026, 11, 1, 7, tzinfo=UTC).timestamp())


def month_of_samples(seed: int) -> Samples:
    minutes = 30 * 24 * 60
    rng = np.random.default_rng(seed)
    at = np.tile(START + 60 * np.arange(minutes, dtype=np.int64), 3)
    scope = np.repeat(np.arange(1, 4, dtype=np.int32), minutes)
    ok = np.ones(3 * minutes, np.bool_)
    for _ in range(3):  # a few outages of up to an hour
        s = int(rng.integers(0, 3 * minutes - 60))
        ok[s : s + int(rng.integers(5, 60))] = False
    return Samples(
        at=at,
        ok=ok,
        scope=scope,
        location=np.zeros_like(scope),
        monitor=np.zeros_like(scope),
        response_ms=np.full(at.shape, np.nan),
        scopes=("", "store-12", "store-40", "store-77"),
    )


def load(url: str, customers: int) -> str:
    engine = make_engine(url)
    upgrade(engine)
    source = (ROOT / "examples/contracts/lavi-qtrac.yaml").read_text()
    with make_sessions(engine)() as session:
        ensure_tenant(session, "bench", "Bench", NOW)
        version = upload_version(session, "bench", source, "bench", NOW).version
        for n in range(customers):
            key = f"c{n:04d}"
            add_customer(session, "bench", key, key, "bench", NOW)
            add_subscription(
                session,
                "bench",
                key,
                {
                    "contract": "lavi-qtrac",
                    "version": version.version,
                    "currency": "USD",
                    "fees_by_scope": {"store-12": 400, "store-40": 250, "store-77": 300},
                    "starts_at": datetime(2026, 1, 1, tzinfo=UTC),
                },
                "bench",
                NOW,
            )
            evidence = Evidence(fees=Fees("USD", None, {}), samples=month_of_samples(n))
            store_evidence(
                session,
                "bench",
                key,
                "samples",
                "month",
                "x",
                evidence,
                "bench",
                NOW,
                keep_raw=False,
            )
        root = Principal("bench", "bench", "provider_admin", None, None)
        _, token = create_token(session, root, "bench", "provider_admin", None, None, NOW)
        session.commit()
    engine.dispose()
    return token


def rss(pid: int) -> tuple[int, int]:
    """Resident and peak resident memory of a process, in MB."""
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    return int(fields["VmRSS"].split()[0]) // 1024, int(fields["VmHWM"].split()[0]) // 1024


def wrk(base: str, path: str, token: str, folder: Path) -> str:
    """wrk at about 500 requests/s: 4 connections, each pausing 8 ms between requests."""
    script = folder / "pace.lua"
    script.write_text("function delay()\n  return 8\nend\n")
    done = subprocess.run(
        [
            "wrk",
            "-t",
            "2",
            "-c",
            "4",
            "-d",
            "10s",
            "--latency",
            "-s",
            str(script),
            "-H",
            f"Authorization: Bearer {token}",
            base + path,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    print(f"load average at the start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    with database() as url, tempfile.TemporaryDirectory() as tmp:
        began = time.perf_counter()
        token = load(url, args.customers)
        print(
            f"loaded {args.customers} customers x 3 locations x a month of 1-minute samples "
            f"in {time.perf_counter() - began:.0f} s"
        )
        os.environ["ACCORD_STATEMENT_GRACE_DAYS"] = "60"
        with serving(url, Path(tmp)) as base:
            pid = serving.pid  # type: ignore[attr-defined]
            print(f"serve at start: RSS {rss(pid)[0]} MB")
            headers = {"Authorization": f"Bearer {token}"}
            with httpx.Client(headers=headers, timeout=60) as client:
                times = []
                for i in range(args.requests):
                    t = time.perf_counter()
                    r = client.get(f"{base}/customers/c{i % 3:04d}/statements/2026-11")
                    times.append((time.perf_counter() - t) * 1000)
                    assert r.status_code == 200 and r.json()["status"] == "live", r.text
                times.sort()
                p99 = times[int(len(times) * 0.99) - 1]
                print(
                    f"live statement (3 locations, 1-minute samples, a month): "
                    f"p50 {statistics.median(times):.1f} ms, p99 {p99:.1f} ms "
                    f"over {args.requests} requests"
                )
                for n in range(args.customers):  # every customer's statement, once
                    assert client.get(f"{base}/customers/c{n:04d}/statements/2026-11").is_success
            now, peak = rss(pid)
            print(
                f"serve after a statement of each of {args.customers} customers: "
                f"RSS {now} MB, peak {peak} MB"
            )
            for path in (
                "/customers?limit=50",
                "/customers/c0001/subscriptions",
                "/customers/c0001/evidence/samples?limit=50",
            ):
                out = wrk(base, path, token, Path(tmp))
                lines = [
                    x.strip()
                    for x in out.splitlines()
                    if x.strip().startswith(("50%", "99%", "Requests/sec", "Non-2xx"))
                ]
                print(f"wrk GET {path}: " + "; ".join(lines))


if __name__ == "__main__":
    main()
