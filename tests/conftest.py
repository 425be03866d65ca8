"""Suite-wide settings."""

from __future__ import annotations

import pytest
from hypothesis import settings

from hypothesis_budget import PROFILE

settings.load_profile(PROFILE)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    # An empty run is a broken run: never let "no tests collected" pass quietly.
    if session.testscollected == 0 and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.NO_TESTS_COLLECTED


def pytest_report_header() -> str:
    return f"hypothesis profile: {PROFILE} (ACCORD_TEST_PROFILE=dev for the quick loop)"
