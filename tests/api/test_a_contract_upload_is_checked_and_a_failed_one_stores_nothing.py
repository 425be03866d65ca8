"""Uploading a contract checks it, lints it, keeps it verbatim; a failed check stores nothing."""

from __future__ import annotations

from api.service import Service, contract_source

YAML = {"content-type": "application/yaml"}


def test_an_upload_answers_the_check_and_the_lint_and_keeps_the_text(service: Service) -> None:
    admin = service.token("acme", "provider_admin")
    source = contract_source("lavi-qtrac")
    answer = service.call("POST", "/contracts", admin, content=source, headers=YAML)
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert (body["contract"], body["check"], body["created"]) == ("lavi-qtrac", "ok", True)
    assert any(f["code"] == "A401" for f in body["lint"])  # 'last Thursday' is not Thanksgiving
    kept = service.call("GET", f"/contracts/lavi-qtrac/versions/{body['version']}", admin)
    assert kept.json()["source"] == source
    again = service.call("POST", "/contracts", admin, content=source, headers=YAML)
    assert again.status_code == 200 and again.json()["created"] is False


def test_a_contract_that_fails_its_check_is_refused_and_leaves_nothing(service: Service) -> None:
    admin = service.token("acme", "provider_admin")
    broken = contract_source("ethnio").replace("zone: America/Los_Angeles", "zone: Mars/Olympus")
    assert broken != contract_source("ethnio")
    answer = service.call("POST", "/contracts", admin, content=broken, headers=YAML)
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"
    problem = answer.json()
    assert problem["field"] == "zone" and problem["errors"][0]["line"] > 1
    assert service.call("GET", "/contracts", admin).json()["items"] == []
    log = service.call("GET", "/audit", admin).json()["items"]
    assert [e for e in log if e["resource"].startswith("contracts")] == []


def test_another_text_under_a_stored_version_is_a_conflict(service: Service) -> None:
    admin = service.token("acme", "provider_admin")
    source = contract_source("ethnio")
    assert (
        service.call("POST", "/contracts", admin, content=source, headers=YAML).status_code == 201
    )
    changed = source.replace("title: Ethnio Service Level Agreement", "title: Ethnio SLA")
    answer = service.call("POST", "/contracts", admin, content=changed, headers=YAML)
    assert answer.status_code == 409 and answer.json()["field"] == "version"


def test_the_explanation_says_the_contract_in_words(service: Service) -> None:
    admin = service.token("acme", "provider_admin")
    service.call("POST", "/contracts", admin, content=contract_source("ethnio"), headers=YAML)
    text = service.call("GET", "/contracts/ethnio/versions/1/explanation", admin).text
    assert text.startswith("Ethnio Service Level Agreement")
