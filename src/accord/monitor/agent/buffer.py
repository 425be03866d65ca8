"""The agent's durable buffer: a local SQLite file between the probes and the server.

Checks are written as rows of the evidence sample CSV (`accord.monitor.export.row`) and
committed before anything is sent. Sealing gathers the rows not yet in a batch into
batches of at most `size` rows per customer, each vantage point's checks together (the
server extends a vantage point's runs once a batch, not once a check); a batch's key
(the buffer's own id and a sequence number) and its body are fixed in the same
transaction, so every later attempt sends the same key with the same bytes and the server
stores it once, however often the agent is killed or the server is away. A batch leaves
the backlog when the server acknowledges it (stored now or already) or refuses it for
good (kept, with the answer).

One vantage point gives at most one sample a second (the evaluation's resolution): a
second check of a vantage point in the same second is not kept, so that no batch holds two
samples of one instant that the server would refuse as conflicting.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from accord.monitor.export import COLUMNS

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS results (
    id INTEGER PRIMARY KEY,
    customer TEXT NOT NULL,
    second INTEGER NOT NULL,  -- epoch second of the check: one a vantage point
    at TEXT NOT NULL, ok TEXT NOT NULL, scope TEXT NOT NULL, location TEXT NOT NULL,
    monitor TEXT NOT NULL, response_ms TEXT NOT NULL,
    batch INTEGER,  -- NULL until sealed into a batch
    UNIQUE (customer, monitor, scope, location, second)
);
-- The checks to seal, each vantage point's together, in the order they came.
CREATE INDEX IF NOT EXISTS results_to_seal ON results (customer, batch, scope, location, monitor);
CREATE TABLE IF NOT EXISTS batches (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    customer TEXT NOT NULL,
    body BLOB NOT NULL,
    count INTEGER NOT NULL,
    state TEXT NOT NULL,  -- pending, stored, refused
    answer TEXT NOT NULL DEFAULT '',  -- the server's word on a refused batch
    settled_at INTEGER  -- epoch second of the server's final answer
);
CREATE INDEX IF NOT EXISTS batches_state ON batches (state, id);
"""

P = ParamSpec("P")
T = TypeVar("T")
Row = tuple[str, str, str, str, str, str]  # at, ok, scope, location, monitor, response_ms


@dataclass(frozen=True)
class Result:
    """One check to keep: whose it is, its epoch second, and its sample row."""

    customer: str
    second: int
    row: Row


@dataclass(frozen=True)
class Sealed:
    """A batch ready to send."""

    id: int
    key: str
    customer: str
    body: bytes
    count: int


def _locked(method: Callable[Concatenate[Buffer, P], T]) -> Callable[Concatenate[Buffer, P], T]:
    def call(self: Buffer, /, *args: P.args, **kwargs: P.kwargs) -> T:
        with self.lock:
            return method(self, *args, **kwargs)

    return call


class Buffer:
    def __init__(self, path: Path) -> None:
        # Transactions begun by hand (isolation_level None). The agent calls from several
        # threads: the lock keeps to one call at a time.
        self.lock = threading.Lock()
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")  # a commit survives a power cut too
        self.db.executescript(SCHEMA)
        self.id = self._meta("id", uuid.uuid4().hex[:12])

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Buffer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _meta(self, key: str, default: str) -> str:
        self.db.execute("INSERT OR IGNORE INTO meta VALUES (?, ?)", (key, default))
        found = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(found[0])

    @_locked
    def remember(self, assigned: list[dict[str, Any]]) -> None:
        """Keep the monitors last assigned, to probe on after a restart without the server."""
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('monitors', ?)",
                            (json.dumps(assigned),))  # fmt: skip

    @_locked
    def recall(self) -> list[dict[str, Any]]:
        found = self.db.execute("SELECT value FROM meta WHERE key = 'monitors'").fetchone()
        return [] if found is None else list(json.loads(found[0]))

    @_locked
    def record(self, results: Iterable[Result]) -> int:
        """Keep checks (durably, on return); the number kept."""
        rows = [(r.customer, r.second, *r.row) for r in results]
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            before = self.db.total_changes
            self.db.executemany(
                "INSERT OR IGNORE INTO results (customer, second, at, ok, scope, location,"
                " monitor, response_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            return self.db.total_changes - before

    @_locked
    def seal(self, size: int) -> int:
        """Gather unsealed checks into batches of at most `size` per customer; the number
        of batches made."""
        made = 0
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            customers = [c for (c,) in self.db.execute(
                "SELECT DISTINCT customer FROM results WHERE batch IS NULL ORDER BY customer"
            )]  # fmt: skip
            for customer in customers:
                while self._seal_one(customer, size):
                    made += 1
        return made

    def _seal_one(self, customer: str, size: int) -> bool:
        rows = self.db.execute(
            "SELECT id, at, ok, scope, location, monitor, response_ms FROM results"
            " WHERE batch IS NULL AND customer = ?"
            " ORDER BY scope, location, monitor, id LIMIT ?",
            (customer, size),
        ).fetchall()
        if not rows:
            return False
        seq = int(self._meta("next", "1"))
        self.db.execute("UPDATE meta SET value = ? WHERE key = 'next'", (str(seq + 1),))
        key = f"agent-{self.id}-{seq}"
        self.db.execute(
            "INSERT INTO batches (id, key, customer, body, count, state) VALUES (?, ?, ?, ?, ?, ?)",
            (seq, key, customer, body([r[1:] for r in rows]), len(rows), "pending"),
        )
        self.db.executemany(
            "UPDATE results SET batch = ? WHERE id = ?", [(seq, r[0]) for r in rows]
        )
        return True

    @_locked
    def pending(self, limit: int) -> list[Sealed]:
        """The oldest batches the server has not answered for good."""
        found = self.db.execute(
            "SELECT id, key, customer, body, count FROM batches WHERE state = 'pending'"
            " ORDER BY id LIMIT ?",
            (limit,),
        )
        return [Sealed(*row) for row in found]

    @_locked
    def settle(self, batch: int, state: str, now: int, answer: str = "") -> None:
        """Record the server's final answer on a batch: 'stored' or 'refused'."""
        with self.db:
            self.db.execute(
                "UPDATE batches SET state = ?, answer = ?, settled_at = ? WHERE id = ?",
                (state, answer, now, batch),
            )

    @_locked
    def backlog(self) -> int:
        """Checks kept that the server has not acknowledged (sealed or not)."""
        (count,) = self.db.execute(
            "SELECT count(*) FROM results LEFT JOIN batches ON batches.id = results.batch"
            " WHERE batches.id IS NULL OR batches.state = 'pending'"
        ).fetchone()
        return int(count)

    @_locked
    def prune(self, before: int) -> None:
        """Drop the batches stored before `before` (epoch seconds), and their checks:
        refused ones stay for a person to read."""
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            old = "SELECT id FROM batches WHERE state = 'stored' AND settled_at < ?"
            self.db.execute(f"DELETE FROM results WHERE batch IN ({old})", (before,))
            self.db.execute(f"DELETE FROM batches WHERE id IN ({old})", (before,))


def body(rows: Iterable[Sequence[str]]) -> bytes:
    """Sample CSV of `rows` under the evidence format's header."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")
