"""End to end at size: `accord evaluate` on 44.6 M samples from CSV and from Parquet, beside
DuckDB and polars reading the same files; the growth of the evaluation with scopes and
months; the CPU each command takes to start. Writes the "## Evidence at size" section of
BENCHMARKS.md (other sections stay as they are).

Every command is a process of its own, timed from outside (wall, user + system CPU, and
the largest resident memory, from `wait4`), best and median of `--repeat` runs after one
not counted. Before anything is written the figures are checked: the statements from CSV
and from Parquet are the same bytes, the statements polars' columns give are the same, and
DuckDB's per-store figures equal the array path's on the same month.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

import numpy as np

from accord.domain.availability import evaluate
from accord.domain.statement import DECIMALS  # minutes as the statement writes them

from ..availability.run import figures, write_section
from ..availability.scenario import build, raw_bytes
from . import growth, small
from .files import write

HEADING = "## Evidence at size"
COMMAND = ".venv/bin/python -m bench.evidence"
ACCORD = str(Path(sys.executable).with_name("accord"))
EXAMPLES = Path("examples")


@dataclass(frozen=True)
class Timing:
    wall: list[float]
    cpu: list[float]  # user + system
    rss: list[int]  # bytes, the largest resident set of the process
    out: bytes  # what the last run printed

    def best(self, figure: str) -> float:
        return min(getattr(self, figure))

    def median(self, figure: str) -> float:
        return statistics.median(getattr(self, figure))


def timed(command: list[str], repeat: int, warmup: int = 1) -> Timing:
    """Run `command` warmup + repeat times under GNU time (/usr/bin/time)."""
    wall, cpu, rss, out = [], [], [], b""
    report = Path(tempfile.mkstemp(suffix=".time")[1])
    try:
        for i in range(warmup + repeat):
            run = subprocess.run(
                ["/usr/bin/time", "-f", "%e %U %S %M", "-o", str(report), *command],
                capture_output=True,
            )
            if run.returncode != 0:
                raise SystemExit(f"{' '.join(command)} failed: {run.stderr.decode()[-2000:]}")
            elapsed, user, system, kb = report.read_text().split()[-4:]
            if i >= warmup:
                wall.append(float(elapsed))
                cpu.append(float(user) + float(system))
                rss.append(int(kb) * 1024)
            out = run.stdout
    finally:
        report.unlink()
    return Timing(wall, cpu, rss, out)


STARTUP = [
    ("accord --help", ["--help"]),
    ("accord contract check (one file)",
     ["contract", "check", "examples/contracts/lavi-qtrac.yaml"]),
    ("accord calendar due", ["calendar", "due", "examples/contracts/lavi-qtrac.yaml",
                             "--from", "2026-10-01T09:00-07:00", "--add", "4h"]),
    ("accord evaluate (an example month)", ["evaluate", "examples/contracts/lavi-qtrac.yaml",
                                            "--evidence", "examples/evidence/lavi-qtrac.json",
                                            "--period", "2026-10", "--now", "2026-11-20T09:00"]),
]  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.evidence")
    parser.add_argument("--scopes", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3, help="counted runs of each command")
    parser.add_argument("--dir", default="/tmp/accord-bench-evidence", help="where the files go")
    parser.add_argument("--growth", default="100,1000,5000,10000", help="scopes, comma-separated")
    parser.add_argument("--growth-interval", type=int, default=1800, help="seconds")
    parser.add_argument("--no-write", action="store_true", help="print, leave BENCHMARKS.md")
    args = parser.parse_args(argv)
    load = os.getloadavg()[0]
    folder = Path(args.dir)
    scenario = build(args.scopes)
    samples = scenario.evidence.samples
    n, raw = len(samples), raw_bytes(samples)
    expected = figures(evaluate(scenario.objective, scenario.evidence, scenario.period))
    write(folder, scenario)
    del scenario, samples
    print(f"{n:,} samples written to {folder}")
    csv_bytes = (folder / "samples.csv").stat().st_size

    convert = timed([ACCORD, "evidence", "convert", str(folder / "samples.csv"),
                     str(folder / "samples.parquet")], repeat=1, warmup=0)  # fmt: skip
    parquet_bytes = (folder / "samples.parquet").stat().st_size
    document = json.loads((folder / "evidence.json").read_text())
    (folder / "evidence-parquet.json").write_text(
        json.dumps(document | {"samples": "samples.parquet"})
    )
    ours = {}
    for form, name in (("CSV", "evidence.json"), ("Parquet", "evidence-parquet.json")):
        ours[form] = timed([ACCORD, "evaluate", str(folder / "contract.yaml"), "--evidence",
                            str(folder / name), "--period", "2026-10", "--format", "json",
                            "--now", "2027-01-01T00:00Z"], args.repeat)  # fmt: skip
        print(f"accord {form}: best {ours[form].best('wall'):.2f} s")
    if ours["CSV"].out != ours["Parquet"].out:
        raise SystemExit("the statements from CSV and from Parquet differ")
    check_statement(json.loads(ours["CSV"].out), expected)

    peers = {}
    for peer in ("duckdb", "polars"):
        for form in ("csv", "parquet"):
            found = timed([sys.executable, "-m", "bench.evidence.peers", peer, str(folder), form],
                          args.repeat)  # fmt: skip
            if peer == "duckdb":
                got = {k: (v[0], v[1], v[2]) for k, v in json.loads(found.out).items()}
                if got != expected:
                    raise SystemExit(f"DuckDB ({form}) differs from the array path")
            elif json.loads(found.out) != [json.loads(ours["CSV"].out)]:  # one month
                raise SystemExit(f"the statements from polars' columns ({form}) differ")
            peers[(peer, form)] = found
            print(f"{peer} {form}: best {found.best('wall'):.2f} s")

    starts = {label: timed([ACCORD, *command], repeat=10) for label, command in STARTUP}
    bare = timed([sys.executable, "-c", "pass"], repeat=10)
    grown = [
        growth.measure(scopes, months, args.growth_interval, repeat=3)
        for months in (1, 3)
        for scopes in (int(s) for s in args.growth.split(","))
    ]
    batches = small.measure()
    section = report(args, load, n, raw, csv_bytes, parquet_bytes, convert, ours, peers,
                     starts, bare, grown, batches)  # fmt: skip
    print(section)
    if not args.no_write:
        write_section(Path("BENCHMARKS.md"), section, HEADING)


def check_statement(statements: dict[str, object], expected: dict[str, object]) -> None:
    """The command's per-store figures are the array path's, in minutes."""
    rows = statements["availability"]  # type: ignore[index]
    for row in rows:  # type: ignore[attr-defined]
        down, excluded, no_data = expected[row["scope"]]  # type: ignore[misc]
        minutes = {k: round(v / 60, DECIMALS) for k, v in excluded.items()}  # type: ignore[attr-defined]
        got = (row["downtime_minutes"], row["excluded_minutes"], row["no_data_minutes"])
        if got != (round(down / 60, DECIMALS), minutes, round(no_data / 60, DECIMALS)):
            raise SystemExit(f"accord evaluate differs on {row['scope']}: {got}")
    print(f"accord evaluate: the array path's figures for {len(rows):,} stores")  # type: ignore[arg-type]


def _row(name: str, t: Timing, n: int, raw: int) -> str:
    return (
        f"| {name} | {t.best('wall'):.2f} | {t.median('wall'):.2f} | {t.best('cpu'):.2f} | "
        f"{n / t.best('wall') / 1e6:.1f} | {max(t.rss) / 1e9:.2f} | {max(t.rss) / raw:.2f}x |"
    )


def report(
    args,
    load,
    n,
    raw,
    csv_bytes,
    parquet_bytes,
    convert,
    ours,
    peers,
    starts,
    bare,
    grown,
    batches,
) -> str:  # type: ignore[no-untyped-def]  # noqa: ANN001
    when = datetime.now(UTC).strftime("%Y-%m-%d")
    names = {"duckdb": f"DuckDB {version('duckdb')}", "polars": f"polars {version('polars')} "
             "reads, accord evaluates"}  # fmt: skip
    rows = [_row(f"accord evaluate, {form}", t, n, raw) for form, t in ours.items()]
    rows += [_row(f"{names[p]}, {'CSV' if f == 'csv' else 'Parquet'}", t, n, raw)
             for (p, f), t in peers.items()]  # fmt: skip
    start_rows = [f"| `python -c pass` (the interpreter alone) | {bare.median('cpu'):.3f} | "
                  f"{bare.median('wall'):.3f} |"]  # fmt: skip
    start_rows += [f"| `{label}` | {t.median('cpu'):.3f} | {t.median('wall'):.3f} |"
                   for label, t in starts.items()]  # fmt: skip
    first = {g.months: g.ns_per_sample for g in grown if g.scopes == min(x.scopes for x in grown)}
    growth_rows = [f"| {g.scopes:,} | {g.months} | {g.samples:,} | {g.seconds:.3f} | "
                   f"{g.ns_per_sample:.1f} | {g.ns_per_sample / first[g.months]:.2f}x |"
                   for g in grown]  # fmt: skip
    worst = max(g.ns_per_sample / first[g.months] for g in grown)
    csv_t, parquet_t = ours["CSV"], ours["Parquet"]
    goals = [
        ("whole command from CSV under 5 s", csv_t.best("wall") < 5, f"{csv_t.best('wall'):.2f} s"),
        ("from Parquet under 2 s", parquet_t.best("wall") < 2, f"{parquet_t.best('wall'):.2f} s"),
        ("peak memory under 1.5x the arrays", max(csv_t.rss + parquet_t.rss) < 1.5 * raw,
         f"{max(csv_t.rss + parquet_t.rss) / raw:.2f}x"),
        ("cost per sample within 1.5x from the fewest to the most scopes", worst <= 1.5,
         f"{worst:.2f}x"),
        ("fixed cost of a call of the calendar array path under 50 µs",
         batches.per_call_us[1] < 50, f"{batches.per_call_us[1]:,.0f} µs"),
        ("`accord --help` and `contract check` under 0.3 s of CPU",
         max(starts[k].median("cpu") for k in list(starts)[:2]) < 0.3,
         f"{starts['accord --help'].median('cpu'):.3f} and "
         f"{starts['accord contract check (one file)'].median('cpu'):.3f} s"),
    ]  # fmt: skip
    verdicts = "; ".join(f"{g}: {'met' if ok else 'NOT met'} ({f})" for g, ok, f in goals)
    return f"""{HEADING}

Measured {when} on {os.cpu_count()} CPUs (nproc), {platform.machine()}, Python
{platform.python_version()}, numpy {np.__version__}, pyarrow {version("pyarrow")}, duckdb
{version("duckdb")}, polars {version("polars")}; load average {load:.1f} at the start. The
machine was shared with other work running at the same time: wall times vary with it, CPU
times less; read the best runs and the CPU column.
Command: `{COMMAND}` (about ten minutes; `--no-write` prints without writing, `--scopes`,
`--repeat`, `--growth`, `--dir` change the sizes and where the files go).

The month of the availability benchmark above ({args.scopes:,} stores, {n:,} samples) as
files a user gives `accord evaluate`: a contract, an evidence document with
{len(json.loads(Path(args.dir, "evidence.json").read_text())["outages"]):,} outages and
{len(json.loads(Path(args.dir, "evidence.json").read_text())["maintenance"]):,} maintenance
windows, and the samples as CSV ({csv_bytes / 1e9:.2f} GB, `at,ok,scope,location`,
`2026-10-01T00:00:00Z`) or as Parquet ({parquet_bytes / 1e9:.2f} GB, written by `accord
evidence convert` in {convert.best("wall"):.1f} s). Each row is a whole process, timed from
outside by GNU time: start, read, evaluate, print the statement as JSON; best and median
of {args.repeat} runs after one not counted; memory is the largest resident set, beside the
{raw / 1e9:.2f} GB of columns the availability benchmark counts. The command was

    accord evaluate contract.yaml --evidence evidence.json --period 2026-10 --format json

Checked before anything is written: the statements from CSV and from Parquet are the same
bytes and give the array path's figures for every store; DuckDB's per-store figures are
the same (`bench/availability/duck.py`, its SQL after a `CREATE TABLE ... AS SELECT` from
`read_csv` / `read_parquet` with the store and location names as ENUMs, 2 threads); the
statements from polars' columns (read with `read_csv` / `read_parquet`, handed to
accord's evaluation) are the same. Code: `bench/evidence/`.

| Path | Best s | Median s | CPU s (best) | M samples/s | Peak GB | Peak / arrays |
|---|---:|---:|---:|---:|---:|---:|
{chr(10).join(rows)}

### Growth with scopes and months

The statement service in process (`accord.services.evaluate`, what `accord evaluate` calls
once the files are read: availability per store, findings, credits) over 1 and 3 months,
each store checked from two locations every {args.growth_interval // 60} minutes between them,
with the same incidents, outages and maintenance per store. Best of 3.

| Scopes | Months | Samples | Seconds | ns per sample | vs the fewest scopes |
|---:|---:|---:|---:|---:|---:|
{chr(10).join(growth_rows)}

### Start-up

CPU (user + system) and wall seconds of whole commands, median of 10 runs after one not
counted.

| Command | CPU s | Wall s |
|---|---:|---:|
{chr(10).join(start_rows)}

### Small batches of deadlines

`add_business_time_many` on the Lavi example's business calendar, called for 1 and for 10
deadlines at a time (`bench/evidence/small.py`): {batches.per_call_us[1]:,.0f} µs and
{batches.per_call_us[10]:,.0f} µs per call (median of 1,000 calls); the first call in the
process, which also lays out the open periods, {batches.first_s * 1e3:,.0f} ms.

Goals: {verdicts}.
"""


if __name__ == "__main__":
    main()
