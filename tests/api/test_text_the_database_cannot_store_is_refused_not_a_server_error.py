"""A NUL character, which PostgreSQL cannot store in text, is a 4xx problem wherever the
API takes text: never a server error, and nothing is stored."""

from __future__ import annotations

import pytest

from api.service import Service, provider_with_customer

JSONL = {"content-type": "application/x-ndjson"}
CSV = {"content-type": "text/csv"}


def test_a_customer_name_with_a_nul_is_refused(service: Service) -> None:
    admin = provider_with_customer(service, "acme", "bayside")
    answer = service.call("POST", "/customers", admin, json={"key": "x", "name": "a\u0000b"})
    assert answer.status_code == 422 and answer.json()["field"] == "body.name"
    keys = [c["key"] for c in service.call("GET", "/customers", admin).json()["items"]]
    assert "x" not in keys


def test_a_token_name_with_a_nul_is_refused(service: Service) -> None:
    admin = provider_with_customer(service, "acme", "bayside")
    body = {"user": "ci\u0000", "role": "provider_agent"}
    answer = service.call("POST", "/tokens", admin, json=body)
    assert answer.status_code == 422


@pytest.mark.parametrize(
    ("kind", "body", "headers"),
    [
        ("outages", '{"start": "2026-11-03T10:00:00Z", "end": "2026-11-03T11:00:00Z", '
                    '"scope": "store\\u0000-12"}\n', JSONL),
        ("samples", "at,ok,scope\n2026-11-02T10:00:00Z,true,store\u0000-12\n", CSV),
    ],
)  # fmt: skip
def test_evidence_with_a_nul_is_refused_and_stores_nothing(
    service: Service, kind: str, body: str, headers: dict[str, str]
) -> None:
    admin = provider_with_customer(service, "acme", "bayside")
    path = f"/customers/bayside/evidence/{kind}/batches/nul-1"
    answer = service.call("PUT", path, admin, content=body.encode(), headers=headers)
    assert 400 <= answer.status_code < 500, answer.text
    stored = service.call("GET", f"/customers/bayside/evidence/{kind}", admin).json()["items"]
    assert stored == []


def test_a_nul_in_a_path_is_not_found_or_refused(service: Service) -> None:
    admin = provider_with_customer(service, "acme", "bayside")
    for path in ("/customers/bayside/tickets/T%00-1", "/contracts/ethnio/versions/1%00"):
        answer = service.call("GET", path, admin)
        assert 400 <= answer.status_code < 500, (path, answer.text)
