"""docs/openapi.json is the document the service serves: regenerate it with
`.venv/bin/python -m accord.api.openapi > docs/openapi.json` when the API changes."""

from __future__ import annotations

import json
from pathlib import Path

from accord.api.openapi import openapi_text
from api.service import Service

CHECKED_IN = Path(__file__).parents[2] / "docs" / "openapi.json"


def test_the_checked_in_document_is_the_generated_one() -> None:
    assert CHECKED_IN.read_text(encoding="utf-8") == openapi_text()


def test_the_served_document_is_the_checked_in_one(service: Service) -> None:
    served = service.client.get("/api/v1/openapi.json").json()
    assert served == json.loads(CHECKED_IN.read_text(encoding="utf-8"))
