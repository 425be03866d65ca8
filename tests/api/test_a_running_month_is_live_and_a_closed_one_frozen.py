"""The running month's statement is live as of now; a closed month's is frozen with the
digest of its evidence and never recomputed."""

from __future__ import annotations

from datetime import UTC, datetime

from api.service import Service, provider_with_customer

JSONL = {"content-type": "application/x-ndjson"}
OUTAGE = '{"start": "2026-11-03T10:00:00Z", "end": "2026-11-03T14:00:00Z", "scope": "store-12"}\n'


def test_the_running_month_is_live_and_follows_new_evidence(service: Service) -> None:
    admin = provider_with_customer(service, "acme", "bayside")
    before = service.call("GET", "/customers/bayside/statements/2026-11", admin).json()
    assert before["status"] == "live" and before["as_of"] == "2026-11-20T09:00:00Z"
    assert before["evidence_sha256"] is None
    path = "/customers/bayside/evidence/outages/batches/o-1"
    service.call("PUT", path, admin, content=OUTAGE, headers=JSONL)
    after = service.call("GET", "/customers/bayside/statements/2026-11", admin).json()
    [line] = [a for a in after["statements"][0]["availability"] if a["scope"] == "store-12"]
    assert line["downtime_minutes"] == 240


def test_a_closed_month_is_frozen_once_with_its_evidence_digest(service: Service) -> None:
    admin = provider_with_customer(service, "acme", "bayside")
    service.call(
        "PUT",
        "/customers/bayside/evidence/outages/batches/o-1",
        admin,
        content=OUTAGE,
        headers=JSONL,
    )
    service.now[0] = datetime(2026, 12, 2, tzinfo=UTC)
    frozen = service.call("GET", "/customers/bayside/statements/2026-11", admin).json()
    assert frozen["status"] == "frozen" and len(frozen["evidence_sha256"]) == 64
    late = OUTAGE.replace("2026-11-03", "2026-11-04")
    service.call(
        "PUT", "/customers/bayside/evidence/outages/batches/o-2", admin, content=late, headers=JSONL
    )
    service.now[0] = datetime(2026, 12, 5, tzinfo=UTC)
    assert service.call("GET", "/customers/bayside/statements/2026-11", admin).json() == frozen


def test_a_month_that_is_not_a_month_is_refused_naming_it(service: Service) -> None:
    admin = provider_with_customer(service, "acme", "bayside")
    answer = service.call("GET", "/customers/bayside/statements/2026-13", admin)
    assert answer.status_code == 422 and answer.json()["field"] == "path.month"
