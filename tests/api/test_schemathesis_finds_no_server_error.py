"""Generated requests from the OpenAPI document (schemathesis), sent to `accord serve` over
loopback on each database: malformed ones get a 4xx problem document, never a 500, and
every answer matches the document."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)

from accord.api.openapi import openapi_document
from cli.runner import accord
from databases import KINDS, database_url
from hypothesis_budget import PROFILE
from service.server import serving

schema = schemathesis.openapi.from_dict(openapi_document())


@schemathesis.serializer("application/x-ndjson", "text/csv")
def _text(context: object, value: object) -> bytes:
    """Batch bodies are text: send what was generated as it is."""
    return value.encode() if isinstance(value, str) else str(value).encode()


# The checks of answers: no server error, and every answer as the document says. Not
# checked: that a request fitting the schema is accepted (it may name a customer '0' that
# does not exist) and that unknown query parameters are refused (they are ignored).
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
    unsupported_method,
]


@pytest.fixture(scope="module", params=KINDS)
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    folder = tmp_path_factory.mktemp("db")
    with database_url(request.param, folder) as url:
        assert accord("db", "upgrade", "--database", url).code == 0
        token = accord("token", "create", "--tenant", "acme", "--user", "fuzz",
                       "--role", "provider_admin", "--database", url).out.strip()  # fmt: skip
        with serving(["serve", "--database", url], folder) as server:
            yield server.url, token


@schema.parametrize()
@settings(
    max_examples=5 if PROFILE == "dev" else 25,
    suppress_health_check=list(HealthCheck),
    deadline=None,
)
def test_no_generated_request_breaks_the_service(
    case: schemathesis.Case, served: tuple[str, str]
) -> None:
    url, token = served
    case.call_and_validate(
        base_url=url,
        headers={"Authorization": f"Bearer {token}"},
        checks=CHECKS,
        excluded_checks=[positive_data_acceptance, negative_data_rejection],
    )
