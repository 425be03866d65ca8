"""Ingest is idempotent by the client's batch key: a retry stores nothing more."""

from __future__ import annotations

from api.service import Service, provider_with_customer

CSV = {"content-type": "text/csv"}
JSONL = {"content-type": "application/x-ndjson"}
SAMPLES = "at,ok,scope\n" + "".join(
    f"2026-11-02T10:{m:02d}:00Z,{'false' if 10 <= m < 40 else 'true'},store-12\n" for m in range(60)
)
OUTAGE = '{"start": "2026-11-03T10:00:00Z", "end": "2026-11-03T11:00:00Z", "scope": "store-12"}\n'


def _statement(service: Service, token: str) -> dict[str, object]:
    body = service.call("GET", "/customers/bayside/statements/2026-11", token).json()
    return {k: v for k, v in body.items() if k != "as_of"}


def test_the_same_batch_twice_is_stored_once(service: Service) -> None:
    admin = provider_with_customer(service, "acme", "bayside")
    path = "/customers/bayside/evidence/samples/batches/probe-0001"
    first = service.call("PUT", path, admin, content=SAMPLES, headers=CSV)
    assert first.status_code == 201 and first.json()["count"] == 60
    before = _statement(service, admin)
    second = service.call("PUT", path, admin, content=SAMPLES, headers=CSV)
    assert second.status_code == 200
    assert second.json() == {**first.json(), "created": False}
    assert _statement(service, admin) == before
    runs = service.call("GET", "/customers/bayside/evidence/samples", admin).json()["items"]
    assert sum(r["count"] for r in runs) == 60


def test_a_used_key_with_another_body_is_a_conflict(service: Service) -> None:
    admin = provider_with_customer(service, "acme", "bayside")
    path = "/customers/bayside/evidence/outages/batches/ops-7"
    assert service.call("PUT", path, admin, content=OUTAGE, headers=JSONL).status_code == 201
    other = OUTAGE.replace("11:00", "12:00")
    answer = service.call("PUT", path, admin, content=other, headers=JSONL)
    assert answer.status_code == 409 and answer.json()["field"] == "path.batch_key"
    outages = service.call("GET", "/customers/bayside/evidence/outages", admin).json()["items"]
    assert [o["end"] for o in outages] == ["2026-11-03T11:00:00Z"]


def test_a_bad_line_refuses_the_whole_batch_naming_line_and_field(service: Service) -> None:
    admin = provider_with_customer(service, "acme", "bayside")
    body = OUTAGE + "\n" + OUTAGE.replace('"end": "2026-11-03T11:00:00Z"', '"end": "soon"')
    path = "/customers/bayside/evidence/outages/batches/ops-8"
    answer = service.call("PUT", path, admin, content=body, headers=JSONL)
    assert answer.status_code == 422
    [error] = answer.json()["errors"]
    assert (error["line"], error["field"]) == (3, "outages[1].end")
    assert service.call("GET", "/customers/bayside/evidence/outages", admin).json()["items"] == []
    again = service.call("PUT", path, admin, content=OUTAGE, headers=JSONL)
    assert again.status_code == 201  # a refused batch does not take its key


def test_a_monitor_sending_one_sample_a_batch_keeps_one_run(service: Service) -> None:
    admin = provider_with_customer(service, "acme", "bayside")
    for m in range(30):
        line = f'{{"at": "2026-11-02T10:{m:02d}:00Z", "ok": true, "scope": "store-12"}}\n'
        path = f"/customers/bayside/evidence/samples/batches/agent-{m}"
        assert service.call("PUT", path, admin, content=line, headers=JSONL).status_code == 201
    runs = service.call("GET", "/customers/bayside/evidence/samples", admin).json()["items"]
    assert [(r["count"], r["interval"]) for r in runs] == [(30, 60)]
