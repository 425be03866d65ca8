"""An agent catching up after the server was away for an hour.

    .venv/bin/python -m bench.monitor.agent_catchup [--monitors 1000] [--database postgresql]

The agent's buffer holds an hour of one-minute checks of `--monitors` monitors (written
as the agent writes them while the server is away: one row each, sealed on upload), for
one customer. A real `accord serve` (PostgreSQL, or SQLite with `--database sqlite`)
comes back; the agent's upload rounds send everything, oldest batch first, until nothing
is left. Then every batch is sent a second time (as after answers lost on the way back):
the server must add nothing. Reported: time and CPU seconds to catch up, checks lost (in
the buffer, not on the server), checks doubled (on the server more than once).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx2 as httpx
from sqlalchemy import func, select

from accord.monitor.agent import Buffer, Link, Result, upload_round
from accord.store.database import make_engine, make_sessions
from accord.store.models import IngestBatch, RawSample
from bench.monitor.http_checks import cpu_of, free_port, own_cpu
from bench.service.common import accord, database, serving


def fill(buffer: Buffer, monitors: int, end: datetime) -> int:
    """An hour of one-minute checks before `end`, each monitor at its own second."""
    start = end - timedelta(hours=1)
    kept = 0
    for minute in range(60):
        rows = []
        for m in range(monitors):
            at = start + timedelta(minutes=minute, seconds=m % 60, microseconds=m * 7 % 10**6)
            ok = "false" if (minute * monitors + m) % 97 == 0 else "true"
            text = at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
            row = (text, ok, "", "paris", f"svc-{m}", f"{20 + m % 30}.125")
            rows.append(Result("bayside", int(at.timestamp()), row))
        kept += buffer.record(rows)
    return kept


def on_server(url: str) -> tuple[int, int, int]:
    """Raw samples, distinct (monitor, location, instant), batches: as the server holds them."""
    engine = make_engine(url)
    with make_sessions(engine)() as session:
        raw = session.scalar(select(func.count()).select_from(RawSample)) or 0
        distinct = select(RawSample.monitor, RawSample.location, RawSample.at).distinct()
        unique = session.scalar(select(func.count()).select_from(distinct.subquery())) or 0
        batches = session.scalar(select(func.count()).select_from(IngestBatch)) or 0
    engine.dispose()
    return raw, unique, batches


@contextmanager
def fresh(kind: str, folder: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'accord.db'}"
        return
    with database() as url:
        yield url


def drain(buffer: Buffer, link: Link, batch_size: int) -> int:
    rounds = 0
    while upload_round(buffer, link, batch_size, 86_400, int(time.time()), print):
        rounds += 1
    return rounds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--monitors", type=int, default=1000)
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--database", choices=("postgresql", "sqlite"), default="postgresql")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name, fresh(args.database, Path(name)) as db:
        folder = Path(name)
        accord("db", "upgrade", "--database", db)
        token = accord("token", "create", "--tenant", "acme", "--user", "prober",
                       "--role", "provider_admin", "--database", db)  # fmt: skip
        with Buffer(folder / "agent.sqlite") as buffer:
            kept = fill(buffer, args.monitors, datetime.now(UTC).replace(microsecond=0))
            with serving(db, folder, port=free_port()) as api:
                server = serving.pid  # type: ignore[attr-defined]
                httpx.post(api + "/customers", json={"key": "bayside", "name": "Bayside"},
                           headers={"Authorization": f"Bearer {token}"}, timeout=30)  # fmt: skip
                link = Link(api.removesuffix("/api/v1"), token)
                cpu = own_cpu(), cpu_of(server)
                began = time.perf_counter()
                drain(buffer, link, args.batch_size)
                took = time.perf_counter() - began
                agent_cpu, server_cpu = own_cpu() - cpu[0], cpu_of(server) - cpu[1]
                raw, unique, batches = on_server(db)
                buffer.db.execute("UPDATE batches SET state = 'pending'")  # answers lost
                began = time.perf_counter()
                drain(buffer, link, args.batch_size)
                again = time.perf_counter() - began
                raw_after, _, batches_after = on_server(db)
    print(f"{args.monitors} monitors x 60 one-minute checks kept by the agent: {kept:,}; "
          f"{args.database}, batches of {args.batch_size}")  # fmt: skip
    print(f"  caught up in {took:.2f} s ({kept / took:,.0f} checks/s); CPU s: agent "
          f"{agent_cpu:.2f}, server {server_cpu:.2f}; {batches} batches")  # fmt: skip
    print(f"  on the server: {raw:,} samples, {unique:,} distinct; lost {kept - unique}, "
          f"doubled {raw - unique}")  # fmt: skip
    added = (raw_after - raw, batches_after - batches)
    print(f"  every batch sent again: {again:.2f} s; samples {raw_after:,} (+{added[0]}), "
          f"batches {batches_after} (+{added[1]})")  # fmt: skip


if __name__ == "__main__":
    main()
