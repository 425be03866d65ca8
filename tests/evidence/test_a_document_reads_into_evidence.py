from __future__ import annotations

import json
import math
from datetime import UTC, datetime
from pathlib import Path

from accord.evidence import read_evidence

DOCUMENT = {
    "plan": "premium",
    "fees": {"currency": "USD", "monthly": 1000, "by_scope": {"store-12": 400}},
    "samples": [
        {"at": "2026-10-01T00:00:00Z", "ok": True},
        {"at": "2026-10-01T02:01:00+02:00", "ok": False, "scope": "store-12",
         "location": "paris", "monitor": "web", "response_ms": 35.5},
    ],
    "outages": [{"start": "2026-10-03T10:00:00Z", "end": "2026-10-03T11:00:00Z",
                 "scope": "store-12", "cause": "attack", "reported_at": "2026-10-03T10:20:00Z"}],
    "maintenance": [{"start": "2026-10-04T01:00:00Z", "end": "2026-10-04T03:00:00Z",
                     "announced_at": "2026-09-30T09:00:00Z"}],
    "tickets": [{"id": "T-1", "severity": 1, "opened_at": "2026-10-05T09:00:00+02:00",
                 "opened_by_role": "client_admin",
                 "events": [{"at": "2026-10-05T09:10:00+02:00", "type": "first_response"},
                            {"at": "2026-10-05T10:00:00+02:00", "type": "reclassified",
                             "severity": "2"}]}],
    "metrics": [{"name": "connect_ms", "at": "2026-10-01T00:00:00Z", "value": 800}],
    "first_order_at": "2026-09-01T00:00:00Z",
}  # fmt: skip


def test_every_section_is_read_and_instants_come_out_in_utc(tmp_path: Path) -> None:
    path = tmp_path / "evidence.json"
    path.write_text(json.dumps(DOCUMENT, indent=2))
    evidence = read_evidence(path)
    assert evidence.plan == "premium"
    assert evidence.fees is not None and evidence.fees.by_scope == {"store-12": 400.0}
    s = evidence.samples
    assert s.at.tolist() == [1790812800, 1790812860]  # both 00:00 and 00:01 UTC
    assert s.ok.tolist() == [True, False]
    assert [s.scopes[c] for c in s.scope] == ["", "store-12"]
    assert [s.locations[c] for c in s.location] == ["", "paris"]
    assert [s.monitors[c] for c in s.monitor] == ["", "web"]
    assert math.isnan(s.response_ms[0]) and s.response_ms[1] == 35.5
    (outage,) = evidence.outages
    assert (outage.cause, outage.scope) == ("attack", "store-12")
    assert outage.reported_at == datetime(2026, 10, 3, 10, 20, tzinfo=UTC)
    (ticket,) = evidence.tickets
    assert ticket.severity == "1"  # a severity number is the severity of that name
    assert ticket.opened_at == datetime(2026, 10, 5, 7, tzinfo=UTC)
    assert [e.type for e in ticket.events] == ["first_response", "reclassified"]
    assert evidence.maintenance[0].announced_at == datetime(2026, 9, 30, 9, tzinfo=UTC)
    assert evidence.metrics[0].value == 800.0
    assert evidence.first_order_at == datetime(2026, 9, 1, tzinfo=UTC)


def test_an_empty_document_is_no_evidence(tmp_path: Path) -> None:
    path = tmp_path / "evidence.json"
    path.write_text("{}")
    evidence = read_evidence(path)
    assert len(evidence.samples) == 0 and evidence.outages == () and evidence.fees is None
