"""API tests run against the service on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from api.service import Service, running_service
from databases import KINDS


@pytest.fixture(params=KINDS)
def service(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Service]:
    with running_service(request.param, tmp_path) as running:
        yield running
