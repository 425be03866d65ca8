"""Workers claim monitors through leases: disjoint at once, taken over when one dies."""

from __future__ import annotations

import threading

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from accord.domain.availability import MeasurementRule
from accord.monitor.monitors import Monitor
from accord.monitor.probes import ProbeTarget
from accord.monitor.stored import claim, release, save_monitors
from accord.store.database import make_sessions

T = 1_790_000_000  # epoch seconds


def monitors(count: int, location: str = "") -> list[Monitor]:
    rule = MeasurementRule(interval=60, confirmations=2, quorum=1)
    return [Monitor(f"api-{i}", ProbeTarget("http", f"https://{i}.test/", timeout=5,
                                            expect_status=(200,)), 60, rule, location=location)
            for i in range(count)]  # fmt: skip


def test_a_monitor_reads_back_as_it_was_declared(session: Session) -> None:
    declared = monitors(1)
    save_monitors(session, "acme-sla", "globex", declared)
    (found,) = claim(session, "w1", T, lease=90)
    assert (found.tenant, found.customer, found.monitor) == ("acme-sla", "globex", declared[0])


def test_two_workers_claiming_at_once_take_different_monitors(
    session: Session, engine: Engine
) -> None:
    save_monitors(session, "acme-sla", "globex", monitors(40))
    sessions = make_sessions(engine)
    taken: dict[str, list[str]] = {}
    start = threading.Barrier(2)

    def work(name: str) -> None:
        with sessions() as s:
            start.wait()
            taken[name] = []
            for _ in range(3):  # a worker that lost a race claims again (SQLite)
                taken[name] += [c.monitor.key for c in claim(s, name, T, lease=90, limit=25)]
                taken[name] = list(dict.fromkeys(taken[name]))

    threads = [threading.Thread(target=work, args=(n,)) for n in ("w1", "w2")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not set(taken["w1"]) & set(taken["w2"])
    assert len(taken["w1"]) + len(taken["w2"]) == 40
    if engine.dialect.name == "postgresql":  # SKIP LOCKED: neither waits, both get work
        assert taken["w1"] and taken["w2"]


def test_a_lease_is_renewed_by_its_owner_and_taken_over_once_it_runs_out(
    session: Session,
) -> None:
    save_monitors(session, "acme-sla", "globex", monitors(3))
    assert len(claim(session, "w1", T, lease=90)) == 3
    assert claim(session, "w2", T + 30, lease=90) == []  # held by w1
    assert len(claim(session, "w1", T + 60, lease=90)) == 3  # renewed until T + 150
    assert claim(session, "w2", T + 120, lease=90) == []
    assert len(claim(session, "w2", T + 150, lease=90)) == 3  # w1 stopped renewing


def test_a_clean_stop_frees_the_leases_at_once(session: Session) -> None:
    save_monitors(session, "acme-sla", "globex", monitors(2))
    claim(session, "w1", T, lease=90)
    release(session, "w1")
    assert len(claim(session, "w2", T + 1, lease=90)) == 2


def test_a_worker_claims_only_the_monitors_of_its_location(session: Session) -> None:
    save_monitors(session, "acme-sla", "globex", monitors(2) + monitors(3, "paris"))
    assert len(claim(session, "agent-paris", T, lease=90, location="paris")) == 3
    assert len(claim(session, "server", T, lease=90)) == 2
