"""Deadlines for a million tickets on the Lavi calendar, against pandas and businesstimedelta.

    .venv/bin/python -m bench.calendars        (or .venv/bin/python bench/calendars/run.py)

Lavi: starts are random whole minutes over two years (2026-2027), durations random whole
business hours from 0 to 40. accord computes all of them with add_business_time_many;
its scalar reference, pandas' CustomBusinessHour and businesstimedelta compute the first
few thousand. A second, small set puts a night desk (00:00-04:00 every day) next to the
clock changes, where peers that count wall-clock hours go wrong. Every answer is checked
against a minute-by-minute oracle; the figures go to "## Calendars" in BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
if not __package__:  # run as a script: make `bench` importable
    sys.path.insert(0, str(ROOT))

from accord.contracts.calendars import contract_calendars  # noqa: E402
from accord.contracts.loader import load_contract  # noqa: E402
from accord.domain.calendars import (  # noqa: E402
    BusinessCalendar,
    ExplicitDates,
    Interval,
    add_business_time,
    add_business_time_many,
    same_hours,
)
from bench.calendars.oracle import LAVI_HOLIDAYS, MinuteOracle, minute_oracle  # noqa: E402
from bench.calendars.peers import (  # noqa: E402
    Hours,
    Ints,
    Mask,
    businesstimedelta_deadlines,
    pandas_deadlines,
)
from bench.calendars.report import Row, Scenario, write_section  # noqa: E402

COMMAND = ".venv/bin/python -m bench.calendars"
ZONE = "America/Los_Angeles"

# Lavi's support desk, read from the seed contract: 06:00-18:00 Monday to Friday.
LAVI_CONTRACT = ROOT / "examples" / "contracts" / "lavi-qtrac.yaml"
LAVI = contract_calendars(load_contract(LAVI_CONTRACT))["business"]
LAVI_HOURS = Hours(ZONE, clock_time(6), clock_time(18), range(5), LAVI_HOLIDAYS)

# businesstimedelta needs a holiday within five years of every date, so the night desk
# closes on Christmas Day (for everyone).
CHRISTMAS = [date(year, 12, 25) for year in (2026, 2027, 2028)]
NIGHT = BusinessCalendar(
    name="night desk",
    zone=ZONE,
    week=same_hours(range(7), Interval(0, 4 * 60)),
    holidays=(ExplicitDates("Christmas Day", tuple(CHRISTMAS)),),
)
NIGHT_HOURS = Hours(ZONE, clock_time(0), clock_time(4), range(7), CHRISTMAS)
CLOCK_CHANGES = ["2026-03-08", "2026-11-01", "2027-03-14", "2027-11-07"]  # Los Angeles


def _utc(day: str) -> int:
    return int(datetime.fromisoformat(day).replace(tzinfo=UTC).timestamp())


Compute = Callable[[Ints, Ints], tuple[Ints, Mask]]


def _timed(
    compute: Compute, starts: Ints, added: Ints, repeat: int
) -> tuple[Ints, Mask, list[float]]:
    """The answers, and the time of each of `repeat` runs."""
    times: list[float] = []
    for _ in range(repeat):
        began = time.perf_counter()
        found, raised = compute(starts, added)
        times.append(time.perf_counter() - began)
    return found, raised, times


def _accord_many(cal: BusinessCalendar, starts: Ints, added: Ints) -> tuple[Ints, Mask]:
    return add_business_time_many(cal, starts, added * 3600), np.zeros(len(starts), dtype=bool)


def _accord_scalar(cal: BusinessCalendar, starts: Ints, added: Ints) -> tuple[Ints, Mask]:
    found = [
        add_business_time(cal, datetime.fromtimestamp(s, UTC), timedelta(hours=h)).timestamp()
        for s, h in zip(starts.tolist(), added.tolist(), strict=True)
    ]
    return np.array(found, dtype=np.int64), np.zeros(len(starts), dtype=bool)


def run_scenario(
    title: str,
    cal: BusinessCalendar,
    hours: Hours,
    starts: Ints,
    added: Ints,
    oracle: MinuteOracle,
    counts: dict[str, int],
) -> Scenario:
    expected = oracle.deadlines(starts, added)
    contenders: list[tuple[str, Compute, int]] = [
        ("accord add_business_time_many", lambda s, a: _accord_many(cal, s, a), 5),
        ("accord add_business_time (scalar)", lambda s, a: _accord_scalar(cal, s, a), 1),
        ("pandas CustomBusinessHour", lambda s, a: pandas_deadlines(hours, s, a), 3),
        ("businesstimedelta", lambda s, a: businesstimedelta_deadlines(hours, s, a), 3),
    ]
    rows = []
    for name, compute, repeat in contenders:
        n = counts[name]
        found, raised, times = _timed(compute, starts[:n], added[:n], repeat)
        rows.append(Row.judge(name, times, found, raised, expected[:n], starts, added, oracle))
        print(rows[-1].line())
    return Scenario(title, rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="Lavi deadlines for accord")
    parser.add_argument("--peers", type=int, default=2_000, help="deadlines for each peer")
    parser.add_argument("--scalar", type=int, default=20_000, help="for the scalar reference")
    parser.add_argument("--no-write", action="store_true", help="print, leave BENCHMARKS.md")
    args = parser.parse_args(argv)
    rng = np.random.default_rng(20261125)

    first, last = _utc("2026-01-01"), _utc("2028-01-01")
    starts = first + 60 * rng.integers(0, (last - first) // 60, args.n, dtype=np.int64)
    added = rng.integers(0, 41, args.n, dtype=np.int64)
    oracle = minute_oracle(ZONE, range(5), (360, 1080), LAVI_HOLIDAYS, first, last + 31 * 86_400)
    counts = {
        "accord add_business_time_many": args.n,
        "accord add_business_time (scalar)": min(args.scalar, args.n),
        "pandas CustomBusinessHour": min(args.peers, args.n),
        "businesstimedelta": min(args.peers, args.n),
    }
    lavi = run_scenario("Lavi", LAVI, LAVI_HOURS, starts, added, oracle, counts)

    size = min(args.peers, args.n)
    around = np.array([_utc(day) for day in CLOCK_CHANGES], dtype=np.int64)
    near = around[rng.integers(0, len(around), size)] + 60 * rng.integers(-4320, 4320, size)
    night_added = rng.integers(0, 13, size, dtype=np.int64)
    low, high = int(around.min()) - 4 * 86_400, int(around.max()) + 9 * 86_400
    night_oracle = minute_oracle(ZONE, range(7), (0, 240), CHRISTMAS, low, high)
    night = run_scenario(
        "Night desk at the clock changes",
        NIGHT,
        NIGHT_HOURS,
        near,
        night_added,
        night_oracle,
        dict.fromkeys(counts, size),
    )
    if not args.no_write:
        path = ROOT / "BENCHMARKS.md"
        write_section(path, lavi, night, COMMAND)
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
