"""Hypothesis strategies for whole evidence values, and equality that reads sample names."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
from hypothesis import strategies as st

from accord.domain.evidence import (
    CAUSES,
    EVENT_TYPES,
    Evidence,
    Fees,
    MaintenanceWindow,
    MetricPoint,
    Outage,
    Samples,
    Ticket,
    TicketEvent,
)

_BASE = datetime(2026, 10, 1, tzinfo=UTC)
names = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=12)
name_or_none = st.none() | names.filter(lambda n: n.strip() == n and bool(n.strip()))
instants = st.builds(lambda s, us: _BASE + timedelta(seconds=s, microseconds=us),
                     st.integers(-10**8, 10**8), st.sampled_from((0, 0, 1, 999_999)))  # fmt: skip
numbers = st.floats(min_value=0, max_value=1e12, allow_nan=False, allow_infinity=False)


@st.composite
def samples(draw: st.DrawFn, max_size: int = 60) -> Samples:
    n = draw(st.integers(0, max_size))
    tables = [("", *draw(st.lists(names, max_size=3, unique=True).map(
        lambda xs: [x for x in xs if x]))) for _ in range(3)]  # fmt: skip
    tables = [tuple(dict.fromkeys(t)) for t in tables]
    codes = [np.array(draw(st.lists(st.integers(0, len(t) - 1), min_size=n, max_size=n)),
                      np.int32) for t in tables]  # fmt: skip
    # Distinct seconds: two samples of one vantage point at one second are one (or refused)
    at = np.array(draw(st.lists(st.integers(0, 4 * 10**9), min_size=n, max_size=n,
                                unique=True)), np.int64)  # fmt: skip
    response = draw(st.lists(st.none() | numbers, min_size=n, max_size=n))
    return Samples(
        at=at, ok=np.array(draw(st.lists(st.booleans(), min_size=n, max_size=n)), np.bool_),
        scope=codes[0], location=codes[1], monitor=codes[2],
        response_ms=np.array([np.nan if r is None else r for r in response], np.float64),
        scopes=tables[0], locations=tables[1], monitors=tables[2],
    )  # fmt: skip


@st.composite
def spans(draw: st.DrawFn) -> tuple[datetime, datetime]:
    start = draw(instants)
    return start, start + timedelta(seconds=draw(st.integers(1, 10**6)))


@st.composite
def tickets(draw: st.DrawFn) -> Ticket:
    opened = draw(instants)
    gaps = draw(st.lists(st.integers(0, 10**6), max_size=4))
    events = []
    at = opened
    for gap in gaps:
        at += timedelta(seconds=gap)
        kind = draw(st.sampled_from(EVENT_TYPES))
        severity = draw(names.filter(str.strip)) if kind == "reclassified" else draw(name_or_none)
        events.append(TicketEvent(at, kind, severity))
    return Ticket(draw(names.filter(str.strip)), draw(names.filter(str.strip)), opened,
                  draw(name_or_none), tuple(events), draw(name_or_none))  # fmt: skip


@st.composite
def evidence(draw: st.DrawFn, max_samples: int = 60) -> Evidence:
    def outage(span: tuple[datetime, datetime]) -> Outage:
        return Outage(*span, draw(name_or_none), draw(st.sampled_from(CAUSES)),
                      draw(st.none() | instants))  # fmt: skip

    fees = draw(st.none() | st.builds(
        Fees, st.sampled_from(("USD", "EUR")), st.none() | numbers,
        st.dictionaries(names, numbers, max_size=3)))  # fmt: skip
    return Evidence(
        plan=draw(name_or_none),
        fees=fees,
        samples=draw(samples(max_samples)),
        outages=tuple(outage(s) for s in draw(st.lists(spans(), max_size=3))),
        maintenance=tuple(MaintenanceWindow(*s, draw(name_or_none), draw(st.none() | instants))
                          for s in draw(st.lists(spans(), max_size=3))),
        tickets=tuple(draw(st.lists(tickets(), max_size=3, unique_by=lambda t: t.id))),
        metrics=tuple(MetricPoint(draw(names.filter(str.strip)), draw(instants),
                                  draw(st.floats(allow_nan=False, allow_infinity=False)),
                                  draw(name_or_none))
                      for _ in range(draw(st.integers(0, 3)))),
        first_order_at=draw(st.none() | instants),
    )  # fmt: skip


def sample_rows(s: Samples) -> list[tuple[object, ...]]:
    """Samples as plain rows with names, so two code tables compare by meaning."""
    return [(int(s.at[i]), bool(s.ok[i]), s.scopes[s.scope[i]], s.locations[s.location[i]],
             s.monitors[s.monitor[i]], None if np.isnan(s.response_ms[i]) else
             float(s.response_ms[i])) for i in range(len(s))]  # fmt: skip


def same(a: Evidence, b: Evidence) -> bool:
    """Equal evidence; instants are compared to the second for samples (they hold seconds)."""
    rest = ("plan", "fees", "outages", "maintenance", "tickets", "metrics", "first_order_at")
    return sample_rows(a.samples) == sample_rows(b.samples) and all(
        getattr(a, f) == getattr(b, f) for f in rest
    )
