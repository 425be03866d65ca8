"""Ingest through the API into PostgreSQL, against psql COPY of the same rows, in one run.

A fresh PostgreSQL database, `accord serve` on it, one customer; batches of CSV samples
(3 locations, one-minute samples, some failures) are PUT one after the other by one
client, then by two at once. The peer: psql `\\copy` of the same rows, as the raw-sample
table holds them, into a table of the same shape.

    .venv/bin/python -m bench.service.ingest [--batches 20] [--rows 50000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx2 as httpx

from .common import accord, database, serving


def batch(n: int, rows: int) -> str:
    start = datetime(2026, 10, 1, tzinfo=UTC) + timedelta(minutes=n * rows // 3)
    lines = ["at,ok,scope,response_ms"]
    for i in range(rows):
        at = start + timedelta(minutes=i // 3)
        ok = "false" if (i // 3) % 500 < 3 else "true"
        lines.append(f"{at:%Y-%m-%dT%H:%M:%SZ},{ok},store-{i % 3},{100 + i % 50}")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batches", type=int, default=20)
    parser.add_argument("--rows", type=int, default=50_000)
    args = parser.parse_args()
    bodies = [batch(n, args.rows) for n in range(args.batches)]
    total = args.batches * args.rows
    print(
        f"{args.batches} batches of {args.rows:,} samples; load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    with database() as url, tempfile.TemporaryDirectory() as tmp:
        token = accord(
            "token",
            "create",
            "--tenant",
            "bench",
            "--user",
            "b",
            "--role",
            "provider_admin",
            "--database",
            url,
            upgrade=True,
        )
        with serving(url, Path(tmp)) as base:
            headers = {"Authorization": f"Bearer {token}"}
            httpx.post(f"{base}/customers", json={"key": "c", "name": "C"}, headers=headers)

            def send(keys: list[int], prefix: str) -> None:
                with httpx.Client(
                    headers={**headers, "content-type": "text/csv"}, timeout=300
                ) as client:
                    for n in keys:
                        r = client.put(
                            f"{base}/customers/c/evidence/samples/batches/{prefix}{n}",
                            content=bodies[n],
                        )
                        assert r.status_code == 201, r.text

            began = time.perf_counter()
            send(list(range(args.batches)), "a-")
            one = total / (time.perf_counter() - began)
            httpx.post(f"{base}/customers", json={"key": "d", "name": "D"}, headers=headers)
            half = args.batches // 2
            began = time.perf_counter()
            threads = [
                threading.Thread(target=send, args=(list(range(half)), "b-")),
                threading.Thread(target=send, args=(list(range(half, args.batches)), "c-")),
            ]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            two = total / (time.perf_counter() - began)
        copy = _copy_rate(url, bodies, Path(tmp))
    print(f"accord ingest, 1 client:  {one:12,.0f} samples/s")
    print(f"accord ingest, 2 clients: {two:12,.0f} samples/s")
    print(f"psql \\copy of the rows:   {copy:12,.0f} rows/s")
    print(f"accord / COPY: {one / copy:.2f} (1 client), {two / copy:.2f} (2 clients)")


def _copy_rate(url: str, bodies: list[str], folder: Path) -> float:
    """psql \\copy of the same rows, as raw_samples rows, into a table of that shape."""
    batch_id = uuid.uuid4()
    path = folder / "rows.csv"
    rows = 0
    with path.open("w") as out:
        for body in bodies:
            for i, line in enumerate(body.splitlines()[1:]):
                at, ok, scope, ms = line.split(",")
                epoch = int(datetime.fromisoformat(at.replace("Z", "+00:00")).timestamp())
                out.write(f'bench,{batch_id},{rows + i},c,{epoch},{ok},{scope},"","",{ms}\n')
            rows += len(body.splitlines()) - 1
    name = url.rsplit("/", 1)[1]
    psql = ["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-d", name, "-v", "ON_ERROR_STOP=1"]
    subprocess.run(
        [*psql, "-c", "CREATE TABLE copy_peer (LIKE raw_samples INCLUDING ALL)"], check=True
    )
    began = time.perf_counter()
    subprocess.run([*psql, "-c", f"\\copy copy_peer FROM '{path}' WITH (FORMAT csv)"], check=True)
    return rows / (time.perf_counter() - began)


if __name__ == "__main__":
    sys.exit(main())
