"""A204: a minimum outage that the sampling interval cannot resolve."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from accord.problems import Problem


@pytest.mark.parametrize(
    ("measurement", "finding"),
    [
        ("{probe: http_headers, interval: 5m, minimum_outage: 5m}", True),  # Letsignit L5
        ("{probe: http, interval: 10m, minimum_outage: 5m}", True),
        ("{probe: http, interval: 1m, minimum_outage: 5m}", False),
        ("{probe: http, interval: 5m, minimum_outage: 5m, confirmations: 2}", False),
        ("{probe: http, interval: 5m}", False),
    ],
)
def test_it_asks_whether_one_failed_check_is_an_outage(
    lint: Callable[..., list[Problem]], measurement: str, finding: bool
) -> None:
    body = f"availability:\n  - id: up\n    target: 99\n    measurement: {measurement}\n"
    found = lint(body, "A204")
    assert len(found) == finding
    if finding:
        assert found[0].path == "availability.0.measurement.minimum_outage"
        assert "is one failed check an outage to record or not?" in found[0].message
