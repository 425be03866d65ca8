"""How many examples a property runs: all of them in CI, a tenth in the quick local loop.

`ACCORD_TEST_PROFILE=dev` selects the quick profile (see CONTRIBUTING.md); anything else,
or nothing, runs the full counts that `.ci/run` relies on.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

PROFILE = "dev" if os.environ.get("ACCORD_TEST_PROFILE") == "dev" else "ci"
_SHARE = 10 if PROFILE == "dev" else 1  # the quick profile runs one example in ten

# No deadline: a slow shared machine must not turn a correct property into a flaky one.
settings.register_profile(
    "ci", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.register_profile("dev", settings.get_profile("ci"), max_examples=10)


def examples(count: int) -> settings:
    """Settings for a property that runs `count` examples in CI."""
    return settings(max_examples=max(count // _SHARE, 1))
