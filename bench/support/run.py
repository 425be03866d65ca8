"""Support clocks and monthly compliance for 100,000 tickets with five events each.

    .venv/bin/python -m bench.support        (or .venv/bin/python bench/support/run.py)

The contract is the Lavi example (examples/contracts/lavi-qtrac.yaml) as evaluate_support
reads it: three severities whose clocks start at 06:00 the next business day after
hours, hourly to two-daily updates, a resolution in 5 business days for Severity 3,
pauses while awaiting the customer and reclassification after the first reply. Tickets
open at random seconds over November 2029 (the last Thursday and Friday are holidays);
each has five events: a first reply, an update (one in ten a reclassification), a wait
for the customer, the customer's answer and the resolution, at random delays.

It times the array path (evaluate_many + compliance_many) from columns and from Ticket
objects, and the TicketResult objects built from the columns; then it runs the
reference (evaluate_tickets + compliance) on every ticket and checks that both give the
same results and the same compliance rows. The "## Support" section for BENCHMARKS.md
is printed at the end.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TypeVar

import numpy as np

if not __package__:  # run as a script: make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from accord.contracts.calendars import contract_calendars  # noqa: E402
from accord.contracts.loader import load_contract  # noqa: E402
from accord.domain.evidence import EventType, Ticket, TicketEvent  # noqa: E402
from accord.domain.period import month  # noqa: E402
from accord.domain.support.columns import columns_from_tickets, results  # noqa: E402
from accord.domain.support.compliance import compliance, compliance_many  # noqa: E402
from accord.domain.support.engine import evaluate_many  # noqa: E402
from accord.domain.support.reference import evaluate_tickets  # noqa: E402
from accord.domain.support.terms import SupportTerms  # noqa: E402
from accord.services.terms.support import support_terms  # noqa: E402

COMMAND = ".venv/bin/python -m bench.support"
ROOT = Path(__file__).resolve().parents[2]
ZONE = "America/Los_Angeles"
NOVEMBER = month(2029, 11, ZONE)
NOW = datetime(2030, 1, 1, tzinfo=UTC)
T = TypeVar("T")


def lavi_terms() -> SupportTerms:
    loaded = load_contract(ROOT / "examples" / "contracts" / "lavi-qtrac.yaml")
    assert loaded.contract.support is not None
    return support_terms(loaded.contract.support, contract_calendars(loaded))


def tickets(count: int, seed: int) -> list[Ticket]:
    rnd = random.Random(seed)
    span = int((NOVEMBER.end - NOVEMBER.start).total_seconds())
    made = []
    for i in range(count):
        opened = NOVEMBER.start + timedelta(seconds=rnd.randrange(span))
        severity = rnd.choices(("1", "2", "3"), weights=(15, 35, 50))[0]
        at = opened + timedelta(minutes=rnd.randrange(1, 120))
        events = [TicketEvent(at, "first_response")]
        kinds: tuple[EventType, ...] = ("update", "awaiting_customer", "customer_replied",
                                        "resolved")  # fmt: skip
        for kind in kinds:
            at += timedelta(minutes=rnd.randrange(5, 600))
            if kind == "update" and rnd.random() < 0.1:
                events.append(TicketEvent(at, "reclassified", rnd.choice(("1", "2", "3"))))
            else:
                events.append(TicketEvent(at, kind))
        made.append(Ticket(f"L{i:06d}", severity, opened, None, tuple(events)))
    return made


def best_of(repeat: int, work: Callable[[], T]) -> tuple[T, float]:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        found = work()
        times.append(time.perf_counter() - began)
    return found, min(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="tickets")
    parser.add_argument("--check", type=int, default=None,
                        help="tickets checked against the reference (default: all)")  # fmt: skip
    args = parser.parse_args(argv)
    load = os.getloadavg()[0]  # the machine may be shared: say how busy it was
    terms = lavi_terms()
    drawn = tickets(args.n, seed=20291101)
    events = sum(len(t.events) for t in drawn)

    columns = columns_from_tickets(drawn)
    evaluate_many(terms, columns, NOW)  # warm: zone transitions, holidays, open periods

    def from_columns() -> object:
        evaluated = evaluate_many(terms, columns, NOW)
        return evaluated, compliance_many(terms, evaluated, NOVEMBER)

    def from_tickets() -> object:
        evaluated = evaluate_many(terms, columns_from_tickets(drawn), NOW)
        return compliance_many(terms, evaluated, NOVEMBER)

    (evaluated, rows), columns_s = best_of(5, from_columns)  # type: ignore[misc]
    _, tickets_s = best_of(5, from_tickets)
    built, results_s = best_of(1, lambda: results(terms, evaluated))

    checked = drawn[: args.check] if args.check is not None else drawn
    began = time.perf_counter()
    reference = evaluate_tickets(terms, checked, NOW)
    reference_rows = compliance(terms, reference, NOVEMBER)
    reference_s = time.perf_counter() - began
    differ = sum(a != b for a, b in zip(built, reference, strict=False))
    same_rows = (reference_rows == rows) if len(checked) == len(drawn) else None
    missed = sum(c.met is False for r in built for c in r.clocks)
    clocks = sum(len(r.clocks) for r in built)

    figures = [
        ("array path from columns (evaluate_many + compliance_many)", columns_s, args.n),
        ("array path from Ticket objects (columns_from_tickets first)", tickets_s, args.n),
        ("TicketResult objects from the columns (results)", results_s, args.n),
        ("reference (evaluate_tickets + compliance)", reference_s, len(checked)),
    ]
    lines = [
        "## Support",
        "",
        f"Measured {date.today().isoformat()} on {os.cpu_count()} CPUs (nproc), "
        f"{platform.machine()}, Python {platform.python_version()}, numpy {np.__version__}; "
        f"load average {load:.1f} at the start (a shared machine: figures vary with it).",
        f"Command: `{COMMAND}` (about two minutes, most of it the reference run; "
        "`--check N` compares only the first N tickets).",
        "",
        f"{args.n:,} tickets, {events:,} events, on the Lavi example contract "
        "(`examples/contracts/lavi-qtrac.yaml`): Severity 1/2/3 in proportions 15/35/50, "
        "opened at random seconds over November 2029 (America/Los_Angeles), each with a "
        "first reply, an update (one in ten a reclassification), a wait for the customer, "
        "the answer and the resolution. Clocks start at 06:00 the next business day after "
        "hours, Severity 3 resolves in 5 business days, pauses stop running clocks. "
        f"{clocks:,} clocks, {missed:,} of them missed. Best of five runs (one for the "
        "TicketResult objects and the reference).",
        "",
        "| Path | Tickets | Seconds | Tickets per second |",
        "|---|---:|---:|---:|",
        *[f"| {name} | {n:,} | {s:.3f} | {n / s:,.0f} |" for name, s, n in figures],
        "",
        f"- Agreement: {len(checked) - differ:,} of {len(checked):,} TicketResults equal the "
        "reference's"
        + (
            "; the compliance rows are equal."
            if same_rows
            else "; compliance rows not compared (subset)."
            if same_rows is None
            else "; the compliance rows DIFFER."
        ),  # fmt: skip
        "- The array path computes every due instant with one array call per clock "
        "(add_business_time_many, business_seconds_between_many, and business days on "
        "arrays) and walks reclassifications, downgrades and pauses over the n-th event "
        "of every ticket at once.",
        "- Building Python objects for every ticket is the slow part; statements build "
        "them only for one customer's month.",
        "",
    ]
    print("\n".join(lines))
    if differ or same_rows is False:
        raise SystemExit("the array path and the reference disagree")


if __name__ == "__main__":
    main()
