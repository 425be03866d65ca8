"""`accord contract schema` prints a JSON Schema an editor can use for contract files."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import jsonschema


def _schema(accord: Callable[..., Any]) -> dict[str, Any]:
    run = accord("contract", "schema")
    assert run.code == 0
    schema: dict[str, Any] = json.loads(run.out)
    return schema


def test_it_prints_a_valid_draft_2020_12_schema(accord: Callable[..., Any]) -> None:
    schema = _schema(accord)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "accord contract"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_it_covers_every_section_of_a_contract(accord: Callable[..., Any]) -> None:
    schema = _schema(accord)
    sections = {
        "id", "title", "provider", "version", "effective_from", "effective_until",
        "supersedes", "revision_notice", "source", "zone", "plans", "default_plan",
        "calendars", "availability", "maintenance", "exclusions", "preconditions", "credits",
        "performance",
        "support", "incidents", "notifications", "status_page", "data",
    }  # fmt: skip
    assert set(schema["properties"]) == sections
    assert set(schema["required"]) == {
        "id", "title", "provider", "version", "effective_from", "zone"
    }  # fmt: skip
    assert schema["additionalProperties"] is False


def test_it_explains_keys_with_the_words_of_the_model(accord: Callable[..., Any]) -> None:
    definitions = _schema(accord)["$defs"]
    interval = definitions["Measurement"]["properties"]["interval"]["description"]
    assert interval.startswith("one sample per interval; a duration like '30m'")
    coverage = definitions["Severity"]["properties"]["coverage"]["description"]
    assert "support calendar by default" in coverage
    assert "fmt:" not in json.dumps(definitions)
