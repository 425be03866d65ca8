"""Checks stored as sample evidence read back as the same samples; a retry stores nothing."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
from sqlalchemy.orm import Session

from accord.domain.availability import MeasurementRule
from accord.domain.evidence import Samples
from accord.monitor.monitors import Monitor
from accord.monitor.probes import ProbeResult, ProbeTarget
from accord.monitor.samples import to_samples
from accord.monitor.stored import store_checks
from accord.store.evidence_rows import read_samples
from monitor.store.conftest import NOW


def checks() -> list[tuple[Monitor, ProbeResult]]:
    rule = MeasurementRule(interval=60)
    found = []
    for loc in ("paris", "dublin"):
        m = Monitor("app", ProbeTarget("http", "https://a.test/"), 60, rule, "fr", loc)
        for k in range(30):
            at = NOW + timedelta(seconds=60 * k + 0.25)
            found.append((m, ProbeResult(at, k % 7 != 3, 12.5, "")))
    return found


def rows(samples: Samples) -> list[tuple[int, bool, str]]:
    names = [samples.locations[i] for i in samples.location]
    return sorted(zip(samples.at.tolist(), samples.ok.tolist(), names, strict=True))


def test_stored_checks_read_back_as_the_samples_they_are(session: Session) -> None:
    given = checks()
    receipt = store_checks(session, "acme-sla", "globex", given, "w1-1", "worker w1", NOW)
    assert receipt.count == 60
    first = int(NOW.timestamp()) - 60
    back = read_samples(session, "acme-sla", "globex", first, first + 4000)
    want = to_samples(given)
    assert rows(back) == rows(want)
    assert np.all(back.response_ms[~np.isnan(back.response_ms)] == 12.5)


def test_a_batch_sent_twice_is_stored_once(session: Session) -> None:
    given = checks()
    first = store_checks(session, "acme-sla", "globex", given, "w1-7", "worker w1", NOW)
    again = store_checks(session, "acme-sla", "globex", given, "w1-7", "worker w1", NOW)
    assert first.created and not again.created
    start = int(NOW.timestamp()) - 60
    assert len(read_samples(session, "acme-sla", "globex", start, start + 4000)) == 60
