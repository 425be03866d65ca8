"""Suite-wide settings."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

# CI runs each property a fixed number of times with no deadline: a slow shared machine
# must not turn a correct property into a flaky one.
settings.register_profile(
    "default", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile("default")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    # An empty run is a broken run: never let "no tests collected" pass quietly.
    if session.testscollected == 0 and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.NO_TESTS_COLLECTED
