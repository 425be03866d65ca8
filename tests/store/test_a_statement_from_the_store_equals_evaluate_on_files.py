"""Same figures everywhere: a month's statement computed from the store equals the one
`accord evaluate` computes from the same evidence in files, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine

from accord.domain.evidence import (
    CAUSES,
    Evidence,
    Fees,
    MaintenanceWindow,
    MetricPoint,
    Outage,
    Samples,
    Ticket,
    TicketEvent,
)
from accord.domain.period import parse_month
from accord.domain.statement import statement_json
from accord.evidence import read_evidence, write_evidence
from accord.services.accounts import ensure_tenant
from accord.services.contract_versions import loaded_source, upload_version
from accord.services.customers import add_customer, add_subscription
from accord.services.evaluate import evaluate
from accord.services.ingest import store_evidence
from accord.services.statements import customer_month
from accord.store.database import make_sessions
from hypothesis_budget import examples

EXAMPLES = Path(__file__).parents[2] / "examples" / "contracts"
START = datetime(2026, 10, 1, 7, tzinfo=UTC)  # October 1st, midnight in Los Angeles
NOW = datetime(2026, 10, 29, 12, tzinfo=UTC)  # the month is running: a live statement
SCOPES = {"lavi-qtrac": ["store-12", "store-40", "store-77"], "ethnio": [""]}


def _at(minutes: int) -> datetime:
    return START + timedelta(minutes=minutes)


@st.composite
def samples(draw: st.DrawFn, scopes: list[str]) -> Samples:
    columns: dict[str, list[object]] = {k: [] for k in ("at", "ok", "scope", "loc", "ms")}
    for scope_code, _ in enumerate(scopes):
        for location in range(draw(st.integers(0, 2))):
            at = int(_at(draw(st.integers(-3 * 1440, 31 * 1440))).timestamp())
            for _ in range(draw(st.integers(1, 150))):
                at += draw(st.sampled_from([60, 60, 60, 60, 120, 30, 3600]))
                columns["at"].append(at)
                columns["ok"].append(draw(st.booleans() | st.just(True) | st.just(True)))
                columns["scope"].append(scope_code + (1 if scopes != [""] else 0))
                columns["loc"].append(location + 1)
                ms = draw(st.none() | st.floats(1, 5000, allow_nan=False).map(round))
                columns["ms"].append(np.nan if ms is None else ms)
    return Samples(
        at=np.array(columns["at"], np.int64), ok=np.array(columns["ok"], np.bool_),
        scope=np.array(columns["scope"], np.int32), location=np.array(columns["loc"], np.int32),
        monitor=np.zeros(len(columns["at"]), np.int32),
        response_ms=np.array(columns["ms"], np.float64),
        scopes=("", *[s for s in scopes if s]), locations=("", "paris", "oregon"),
    )  # fmt: skip


@st.composite
def spans(draw: st.DrawFn) -> tuple[datetime, datetime]:
    start = _at(draw(st.integers(-2 * 1440, 32 * 1440)))
    return start, start + timedelta(minutes=draw(st.integers(1, 600)))


@st.composite
def tickets(draw: st.DrawFn) -> Ticket:
    opened = _at(draw(st.integers(0, 30 * 1440)))
    at, events = opened, []
    kinds = ["first_response", "update", "awaiting_customer", "customer_replied", "resolved"]
    for kind in draw(st.lists(st.sampled_from(kinds), max_size=4)):
        at += timedelta(minutes=draw(st.integers(0, 3000)))
        events.append(TicketEvent(at, kind))  # type: ignore[arg-type]
    return Ticket(f"T-{draw(st.integers(1, 10**6))}", draw(st.sampled_from("123")), opened,
                  events=tuple(events))  # fmt: skip


@st.composite
def month_of_evidence(draw: st.DrawFn, contract: str) -> Evidence:
    scopes = SCOPES[contract]
    scope = st.sampled_from([s or None for s in scopes] + [None])
    return Evidence(
        fees=Fees("USD", 1000.0, {s: 300.0 for s in scopes if s}),
        samples=draw(samples(scopes)),
        outages=tuple(Outage(*draw(spans()), draw(scope), draw(st.sampled_from(CAUSES)))
                      for _ in range(draw(st.integers(0, 3)))),
        maintenance=tuple(MaintenanceWindow(*draw(spans()), draw(scope), _at(-10 * 1440))
                          for _ in range(draw(st.integers(0, 2)))),
        tickets=tuple(draw(st.lists(tickets(), max_size=4, unique_by=lambda t: t.id))),
        metrics=tuple(MetricPoint("connect_ms", _at(draw(st.integers(0, 30 * 1440))),
                                  draw(st.floats(1, 900)), None)
                      for _ in range(draw(st.integers(0, 5)))),
    )  # fmt: skip


@st.composite
def cases(draw: st.DrawFn) -> tuple[str, Evidence]:
    contract = draw(st.sampled_from(sorted(SCOPES)))
    return contract, draw(month_of_evidence(contract))


@examples(60)
@given(case=cases())
def test_the_store_and_the_files_give_the_same_statement(
    shared_engine: Engine, tmp_path_factory: pytest.TempPathFactory, case: tuple[str, Evidence]
) -> None:
    contract, evidence = case
    source = (EXAMPLES / f"{contract}.yaml").read_text(encoding="utf-8")
    customer = f"c-{uuid.uuid4().hex[:12]}"
    with make_sessions(shared_engine)() as session:
        ensure_tenant(session, "acme", "Acme", NOW)
        version = upload_version(session, "acme", source, "test", NOW).version
        add_customer(session, "acme", customer, customer, "test", NOW)
        fees = evidence.fees
        assert fees is not None
        add_subscription(session, "acme", customer, {
            "contract": contract, "version": version.version, "currency": fees.currency,
            "monthly_fee": fees.monthly, "fees_by_scope": fees.by_scope,
            "starts_at": datetime(2026, 1, 1, tzinfo=UTC)}, "test", NOW)  # fmt: skip
        store_evidence(session, "acme", customer, "document", "b-1", "x", evidence, "test",
                       NOW, keep_raw=True)  # fmt: skip
        stored = customer_month(session, "acme", customer, "2026-10", NOW, timedelta())
    folder = tmp_path_factory.mktemp("files")
    write_evidence(evidence, folder / "evidence.json")
    loaded = loaded_source(source)
    period = parse_month("2026-10", loaded.contract.zone)
    [from_files] = evaluate(loaded, read_evidence(folder / "evidence.json"), [period], NOW)
    [from_store] = stored["statements"]
    assert _figures(from_store) == _figures(statement_json(from_files))


def _figures(statement: dict[str, object]) -> dict[str, object]:
    """The statement without the subscription's id, tickets listed by opening then id (the
    store lists them so; a file in the order it gives them)."""
    figures = {k: v for k, v in statement.items() if k != "subscription"}
    support = dict(figures["support"])  # type: ignore[call-overload]
    support["tickets"] = sorted(support["tickets"], key=lambda t: (t["opened_at"], t["id"]))
    return {**figures, "support": support}
