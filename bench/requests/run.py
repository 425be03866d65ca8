"""Request-based availability of many buckets over a month of 1-minute intervals:
accord's arrays against DuckDB's SQL on the same data, in one run.

Both compute, per bucket, the mean error rate reading (100 % minus the mean of the
intervals' error rates, an interval under the minimum volume at 0 %) and the threshold
reading (minutes above a 5 % error rate), and the run stops if any figure differs. The
"## Request-based availability" section of BENCHMARKS.md is rewritten with the results.
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from collections.abc import Callable
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import TypeVar

import duckdb
import numpy as np

from accord.domain.availability import AvailabilityResult, Objective, evaluate
from accord.domain.availability.requests import RequestRule
from accord.domain.evidence import Evidence, Requests
from accord.domain.period import Period, month
from bench.availability.run import write_section

HEADING = "## Request-based availability"
COMMAND = ".venv/bin/python -m bench.requests"
MINIMUM = 10  # valid requests an interval needs
THRESHOLD = 5.0  # percent
T = TypeVar("T")


def build(buckets: int, period: Period, seed: int = 7) -> Requests:
    """One row per bucket and minute: busy and idle minutes, error bursts."""
    rng = np.random.default_rng(seed)
    p0 = int(period.start.timestamp())
    minutes = period.seconds // 60
    at = np.tile(p0 + 60 * np.arange(minutes, dtype=np.int64), buckets)
    scope = np.repeat(np.arange(1, buckets + 1, dtype=np.int32), minutes)
    total = rng.integers(0, 200, at.size, dtype=np.int64)
    total[rng.random(at.size) < 0.05] = 3  # quiet minutes, under the minimum volume
    errors = rng.binomial(total, 0.001).astype(np.int64)
    burst = rng.random(at.size) < 0.002
    errors[burst] = rng.binomial(total[burst], 0.3)
    names = ("", *(f"bucket-{i:04d}" for i in range(1, buckets + 1)))
    return Requests(at, total, errors, scope, names)


def best_of(repeat: int, work: Callable[[], T]) -> tuple[T, float, float]:
    """(result, best wall seconds, best CPU seconds of this process, every thread)."""
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        result = work()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    assert result is not None
    return result, min(walls), min(cpus)


Figures = dict[str, tuple[float, int]]  # scope -> (achieved percent, downtime seconds)


def ours(requests: Requests, period: Period, reading: str) -> Figures:
    rule = RequestRule(
        interval=60, reading=reading,  # type: ignore[arg-type]
        threshold_percent=THRESHOLD if reading == "error_threshold" else None,
        minimum_requests=MINIMUM,
    )  # fmt: skip
    objective = Objective("storage", 99.9, requests=rule, per_scope=True)
    results: list[AvailabilityResult] = evaluate(objective, Evidence(requests=requests), period)
    return {str(r.scope): (r.achieved_percent or 0.0, r.downtime_seconds) for r in results}


def connect(requests: Requests, threads: int) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(f"SET threads = {threads}")
    names = np.array(requests.scopes, dtype=object)
    con.register("raw", {"at": requests.at, "total": requests.total,
                         "errors": requests.errors, "scope": names[requests.scope]})  # fmt: skip
    con.execute("CREATE TABLE r AS SELECT * FROM raw")
    con.unregister("raw")
    return con


def query(period: Period, reading: str) -> str:
    p0 = int(period.start.timestamp())
    count = -(-period.seconds // 60)
    rate = f"""
        SELECT scope, sum(errors) AS bad, sum(total) AS n FROM r
        WHERE "at" >= {p0} AND "at" < {p0 + period.seconds}
        GROUP BY scope, ("at" - {p0}) // 60"""
    judged = f"CASE WHEN n >= {MINIMUM} THEN bad / n ELSE 0 END"
    if reading == "mean_error_rate":
        return f"""SELECT scope, 100 * (1 - sum({judged}) / {count}),
                   round(sum({judged}) * 60)::BIGINT FROM ({rate}) GROUP BY scope"""
    over = f"CASE WHEN n >= {MINIMUM} AND 100 * bad / n > {THRESHOLD} THEN 60 ELSE 0 END"
    seconds = period.seconds
    return f"""SELECT scope, 100 * ({seconds} - sum({over})) / {seconds}, sum({over})::BIGINT
               FROM ({rate}) GROUP BY scope"""


def theirs(con: duckdb.DuckDBPyConnection, period: Period, reading: str) -> Figures:
    return {row[0]: (row[1], row[2]) for row in con.execute(query(period, reading)).fetchall()}


def check(reading: str, found: Figures, expected: Figures) -> None:
    assert found.keys() == expected.keys(), reading
    for scope, (achieved, down) in expected.items():
        got = found[scope]
        if abs(got[0] - achieved) > 1e-9 or abs(got[1] - down) > 1:
            raise SystemExit(f"{reading}: {scope} differs: {got} against {(achieved, down)}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="bench.requests", description=__doc__)
    parser.add_argument("--buckets", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-write", action="store_true", help="print, leave BENCHMARKS.md")
    args = parser.parse_args(argv)
    load = os.getloadavg()[0]  # the machine may be shared: say how busy it was
    period = month(2026, 10, "Europe/Paris")  # 745 hours: the clocks go back on the 25th
    requests = build(args.buckets, period)
    intervals = args.buckets * (period.seconds // 60)
    rows = []
    for reading in ("mean_error_rate", "error_threshold"):
        mine, wall, cpu = best_of(args.repeat, lambda r=reading: ours(requests, period, r))
        rows.append((f"accord (NumPy arrays), {reading}", wall, cpu))
        for threads in (1, 2):
            con = connect(requests, threads)
            found, wall, cpu = best_of(3, lambda c=con, r=reading: theirs(c, period, r))
            check(reading, found, mine)
            name = f"DuckDB {version('duckdb')} SQL, {threads} thread(s), {reading}"
            rows.append((name, wall, cpu))
    section = report(args.buckets, intervals, rows, load)
    print(section)
    if not args.no_write:
        write_section(Path("BENCHMARKS.md"), section, HEADING)


def report(buckets: int, intervals: int, rows: list[tuple[str, float, float]], load: float) -> str:
    table = "\n".join(
        f"| {name} | {intervals:,} | {wall:.3f} | {cpu:.3f} | {intervals / cpu / 1e6:,.1f} "
        f"| {cpu / intervals * 1e9:.1f} |"
        for name, wall, cpu in rows
    )
    ours_cpu = [intervals / cpu for name, _, cpu in rows if name.startswith("accord")]
    fastest, slowest = max(ours_cpu), min(ours_cpu)
    goal = "met" if slowest >= 50e6 else "NOT met"
    when = datetime.now(UTC).strftime("%Y-%m-%d")
    return f"""{HEADING}

Command: `{COMMAND}` (`--buckets`, `--repeat`, `--no-write`). Measured {when} on
{platform.machine()} with {os.cpu_count()} cores, load average {load:.1f} at the start,
Python {platform.python_version()}, NumPy {np.__version__}.

{buckets:,} buckets x October 2026 in Europe/Paris (745 hours), one row of request counts
per bucket and minute: {intervals:,} intervals (5 % of them under the {MINIMUM}-request
minimum, error bursts now and then). Both readings of a storage SLA per bucket: 100 %
minus the mean error rate, and minutes above a {THRESHOLD:g} % error rate. accord:
`accord.domain.availability.evaluate` of a per-location objective judged on `requests`,
results as `AvailabilityResult`s, best of 5; DuckDB: one `GROUP BY` per reading on a native
table loaded beforehand (not counted), best of 3. Every bucket's figures are checked equal
before anything is written. Rates are per CPU second of the process (all its threads): on a
shared machine wall time also counts the waits for a core.

| Path | Intervals | Wall s | CPU s | M intervals per CPU s | CPU ns per interval |
|---|---:|---:|---:|---:|---:|
{table}

Goal (at least 50 M intervals per CPU second on one core for the array path): {goal}
({slowest / 1e6:,.1f} to {fastest / 1e6:,.1f} M intervals/s).
"""
