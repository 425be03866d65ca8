"""Writing and reading samples: runs (merged with the vantage point's last run when a new
batch continues it) and raw samples (COPY on PostgreSQL, many-row inserts on SQLite).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
from sqlalchemy import and_, delete, insert, select, update
from sqlalchemy.orm import Session

from accord.domain.evidence import Samples
from accord.store.models import RawSample, SampleRun
from accord.store.sample_runs import Runs, runs_of, samples_of

__all__ = ["purge_raw_samples", "read_samples", "write_samples"]

_RAW_COLUMNS = (
    "tenant_id",
    "batch_id",
    "row",
    "customer_key",
    "at",
    "ok",
    "scope",
    "location",
    "monitor",
    "response_ms",
)
_ROWS = 5_000  # rows per INSERT on SQLite


def write_samples(
    session: Session,
    tenant: str,
    customer: str,
    batch: uuid.UUID,
    samples: Samples,
    keep_raw: bool,
) -> None:
    """Store `samples` as runs (and raw rows when `keep_raw`), in the session's transaction."""
    runs = runs_of(samples)
    rows = [_run_row(tenant, customer, runs, i) for i in range(len(runs))]
    rows = _merge_with_last_runs(session, tenant, customer, rows)
    if rows:
        session.execute(insert(SampleRun), rows)
    if keep_raw and len(samples):
        _write_raw(session, tenant, customer, batch, samples)


def _run_row(tenant: str, customer: str, runs: Runs, i: int) -> dict[str, Any]:
    return {
        "tenant_id": tenant,
        "id": uuid.uuid4(),
        "customer_key": customer,
        "scope": runs.scope[i],
        "location": runs.location[i],
        "monitor": runs.monitor[i],
        "ok": bool(runs.ok[i]),
        "first_at": int(runs.first_at[i]),
        "last_at": int(runs.last_at[i]),
        "count": int(runs.count[i]),
        "interval": int(runs.interval[i]),
    }


def _merge_with_last_runs(
    session: Session, tenant: str, customer: str, rows: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Extend a vantage point's latest stored run with the batch's first run of it when
    that run continues it (same state, next sample one interval on); the rest is new."""
    firsts: dict[tuple[str, str, str], int] = {}
    for i, row in enumerate(rows):
        firsts.setdefault((row["scope"], row["location"], row["monitor"]), i)
    merged: set[int] = set()
    for (scope, location, monitor), i in firsts.items():
        row = rows[i]
        last = session.execute(
            select(SampleRun)
            .where(
                SampleRun.tenant_id == tenant,
                SampleRun.customer_key == customer,
                SampleRun.scope == scope,
                SampleRun.location == location,
                SampleRun.monitor == monitor,
            )
            .order_by(SampleRun.last_at.desc())
            .limit(1)
            .with_for_update()
        ).scalar_one_or_none()
        if last is None or not _continues(last, row):
            continue
        session.execute(
            update(SampleRun)
            .where(SampleRun.tenant_id == tenant, SampleRun.id == last.id)
            .values(
                last_at=row["last_at"],
                count=last.count + row["count"],
                interval=row["first_at"] - last.last_at,
            )
        )
        merged.add(i)
    return [row for i, row in enumerate(rows) if i not in merged]


def _continues(last: SampleRun, row: dict[str, Any]) -> bool:
    step = row["first_at"] - last.last_at
    return bool(
        last.ok == row["ok"]
        and step > 0
        and (last.count == 1 or last.interval == step)
        and (row["count"] == 1 or row["interval"] == step)
    )


def _write_raw(session: Session, tenant: str, customer: str, batch: uuid.UUID, s: Samples) -> None:
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        names = ", ".join(f'"{c}"' for c in _RAW_COLUMNS)
        with cursor.copy(f"COPY raw_samples ({names}) FROM STDIN") as copy:
            copy.write(_copy_text(tenant, customer, batch, s))
        return
    response = [None if np.isnan(v) else float(v) for v in s.response_ms.tolist()]
    rows = zip(
        range(len(s)),
        s.at.tolist(),
        s.ok.tolist(),
        (s.scopes[i] for i in s.scope.tolist()),
        (s.locations[i] for i in s.location.tolist()),
        (s.monitors[i] for i in s.monitor.tolist()),
        response,
        strict=False,
    )
    full = ((tenant, batch, *row[:1], customer, *row[1:]) for row in rows)
    for chunk in _chunks(full, _ROWS):
        session.execute(insert(RawSample), [dict(zip(_RAW_COLUMNS, r, strict=True)) for r in chunk])


def _copy_text(tenant: str, customer: str, batch: uuid.UUID, s: Samples) -> bytes:
    """The rows in COPY's text format, built a column at a time: a row is a few string
    joins, where psycopg's write_row would cost microseconds of Python each."""
    scopes = [_escaped(n) for n in s.scopes]
    locations = [_escaped(n) for n in s.locations]
    monitors = [_escaped(n) for n in s.monitors]
    lead = f"{_escaped(tenant)}\t{batch}\t"
    mid = f"\t{_escaped(customer)}\t"
    ms = np.where(np.isnan(s.response_ms), "\\N", s.response_ms.astype(str)).tolist()
    ok = np.where(s.ok, "t", "f").tolist()
    lines = [
        f"{lead}{i}{mid}{at}\t{o}\t{scopes[a]}\t{locations[b]}\t{monitors[c]}\t{m}\n"
        for i, at, o, a, b, c, m in zip(
            range(len(s)),
            s.at.tolist(),
            ok,
            s.scope.tolist(),
            s.location.tolist(),
            s.monitor.tolist(),
            ms,
            strict=True,
        )
    ]
    return "".join(lines).encode()


def _escaped(text: str) -> str:
    """A value for COPY's text format: backslash, tab, newline and return escaped."""
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _chunks(rows: Iterator[tuple[Any, ...]], size: int) -> Iterator[list[tuple[Any, ...]]]:
    chunk: list[tuple[Any, ...]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def read_samples(session: Session, tenant: str, customer: str, start: int, end: int) -> Samples:
    """The customer's samples of runs that reach into [start, end), with the response times
    of the raw samples still kept."""
    found = session.execute(
        select(
            SampleRun.scope,
            SampleRun.location,
            SampleRun.monitor,
            SampleRun.ok,
            SampleRun.first_at,
            SampleRun.last_at,
            SampleRun.count,
            SampleRun.interval,
        ).where(
            SampleRun.tenant_id == tenant,
            SampleRun.customer_key == customer,
            SampleRun.last_at >= start,
            SampleRun.first_at < end,
        )
    ).all()
    samples = samples_of(_runs(found))
    raw = session.execute(
        select(
            RawSample.scope,
            RawSample.location,
            RawSample.monitor,
            RawSample.at,
            RawSample.response_ms,
        ).where(
            RawSample.tenant_id == tenant,
            RawSample.customer_key == customer,
            RawSample.at >= start,
            RawSample.at < end,
            RawSample.response_ms.is_not(None),
        )
    ).all()
    return _with_response_times(samples, raw)


def _runs(rows: Sequence[Any]) -> Runs:
    def ints(i: int) -> np.ndarray[Any, np.dtype[np.int64]]:
        return np.array([r[i] for r in rows], np.int64)

    return Runs(
        scope=tuple(r[0] for r in rows),
        location=tuple(r[1] for r in rows),
        monitor=tuple(r[2] for r in rows),
        ok=np.array([r[3] for r in rows], np.bool_),
        first_at=ints(4),
        last_at=ints(5),
        count=ints(6),
        interval=ints(7),
    )


def _with_response_times(samples: Samples, raw: Sequence[Any]) -> Samples:
    """Samples with the response time of the raw sample at the same vantage point and
    instant (the runs keep states only)."""
    if not raw or not len(samples):
        return samples
    codes = [
        {name: i for i, name in enumerate(table)}
        for table in (samples.scopes, samples.locations, samples.monitors)
    ]
    width = np.int64(1 << 33)  # epoch seconds fit below 2**33 until the year 2242
    vp = (samples.scope.astype(np.int64) * len(codes[1]) + samples.location) * len(
        codes[2]
    ) + samples.monitor
    keys = vp * width + samples.at
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    response = samples.response_ms.copy()
    for scope, location, monitor, at, ms in raw:
        s, loc, mon = codes[0].get(scope), codes[1].get(location), codes[2].get(monitor)
        if s is None or loc is None or mon is None:
            continue
        key = ((s * len(codes[1]) + loc) * len(codes[2]) + mon) * width + at
        i = int(np.searchsorted(ordered, key))
        if i < len(ordered) and ordered[i] == key:
            response[order[i]] = ms
    return Samples(
        at=samples.at,
        ok=samples.ok,
        scope=samples.scope,
        location=samples.location,
        monitor=samples.monitor,
        response_ms=response,
        scopes=samples.scopes,
        locations=samples.locations,
        monitors=samples.monitors,
    )


def purge_raw_samples(session: Session, tenant: str, before: int) -> int:
    """Delete the tenant's raw samples taken before `before` (epoch seconds); the runs stay."""
    result = session.execute(
        delete(RawSample).where(and_(RawSample.tenant_id == tenant, RawSample.at < before))
    )
    return int(result.rowcount)  # type: ignore[attr-defined]
