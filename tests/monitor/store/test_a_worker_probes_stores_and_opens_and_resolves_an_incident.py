"""A worker against a real local service that goes down and comes back."""

from __future__ import annotations

import asyncio
import threading
import time

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from accord.domain.availability import MeasurementRule
from accord.monitor.incidents import timeline
from accord.monitor.monitors import Monitor
from accord.monitor.probes import ProbeTarget
from accord.monitor.stored import save_monitors
from accord.monitor.worker import Worker
from accord.store.database import make_sessions
from accord.store.evidence_rows import read_samples
from accord.store.models import StoredIncident, StoredMonitor
from monitor.servers import Handler, http_server


def test_the_outage_becomes_samples_and_an_incident_opened_then_resolved(
    session: Session, engine: Engine
) -> None:
    rule = MeasurementRule(interval=1, confirmations=2)
    with http_server() as base:
        target = ProbeTarget("http", base + "/switch", timeout=1)
        save_monitors(session, "acme-sla", "globex",
                      [Monitor("api", target, 1, rule, opens_incident=True)])  # fmt: skip
        Handler.switch = 200
        down = threading.Timer(2.0, lambda: setattr(Handler, "switch", 503))
        up = threading.Timer(6.0, lambda: setattr(Handler, "switch", 200))
        down.start()
        up.start()
        worker = Worker(make_sessions(engine), "w1", lease=30, flush_every=0.5)
        start = time.time()
        asyncio.run(worker.run(until=start + 9.5))
        down.cancel()
        up.cancel()
    first = int(start) - 5
    samples = read_samples(session, "acme-sla", "globex", first, first + 60)
    assert len(samples) >= 6
    assert (~samples.ok).sum() >= 2
    session.expire_all()
    (incident,) = session.scalars(select(StoredIncident)).all()
    assert incident.source == "monitoring" and incident.status == "resolved"
    assert incident.resolved_at is not None and incident.resolved_at > incident.started_at
    assert [u.status for u in timeline(session, incident)] == ["investigating", "resolved"]
    (row,) = session.scalars(select(StoredMonitor)).all()
    assert row.lease_owner is None  # released on a clean stop
