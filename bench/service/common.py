"""What the service benchmarks share: a fresh PostgreSQL database, `accord serve` on it."""

from __future__ import annotations

import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2 as httpx
import psycopg

SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/"
ADMIN_URL = "host=127.0.0.1 port=5432 user=postgres dbname=postgres"
PORT = 8790
ACCORD = [sys.executable, "-c", "from accord.cli import main; main()"]


@contextmanager
def database() -> Iterator[str]:
    name = f"accord_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield SERVER + name
    finally:
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def accord(*args: str, upgrade: bool = False) -> str:
    if upgrade:
        database_at = args[args.index("--database") + 1]
        subprocess.run(
            [*ACCORD, "db", "upgrade", "--database", database_at], check=True, capture_output=True
        )
    done = subprocess.run([*ACCORD, *args], check=True, capture_output=True, text=True)
    return done.stdout.strip()


@contextmanager
def serving(url: str, folder: Path, port: int = PORT) -> Iterator[str]:
    """`accord serve` on `url`; yields the API's base URL. Its pid is in `serving.pid`."""
    process = subprocess.Popen(
        [*ACCORD, "serve", "--database", url, "--port", str(port)],
        cwd=folder,
        stdout=subprocess.DEVNULL,
    )
    serving.pid = process.pid  # type: ignore[attr-defined]
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/openapi.json", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(30)
