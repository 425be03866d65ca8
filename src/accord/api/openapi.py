"""Print the API's OpenAPI document, as checked in at docs/openapi.json:
`python -m accord.api.openapi > docs/openapi.json`."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import sessionmaker

from accord.api.app import create_app
from accord.settings import Settings

__all__ = ["openapi_document", "openapi_text"]


def openapi_document() -> dict[str, Any]:
    """The document the app serves; it needs no database to be built."""
    return create_app(Settings(), sessionmaker()).openapi()


def openapi_text() -> str:
    return json.dumps(openapi_document(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


if __name__ == "__main__":
    print(openapi_text(), end="")
