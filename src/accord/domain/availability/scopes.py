"""Which scopes an objective covers, and how their downtime rolls up to the whole service.

An objective covers the scopes whose names match one of its patterns (shell-style:
`i-*` matches every instance, `eu-west-1` one region); without patterns it covers every
scope. Evidence of a scope it does not cover never counts for it.

A whole-service objective takes only whole-service evidence (evidence without a scope),
unless it rolls its scopes up: then the service is also down at every second when at
least `k` of its covered scopes are down (`all`: every covered scope). A scope is down
where its own evaluation counts downtime, so a scope's excused maintenance or excluded
causes never roll up.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from fnmatch import fnmatchcase
from typing import Literal

import numpy as np

from accord.domain.availability import intervals as iv
from accord.domain.availability.intervals import epoch_seconds

Rollup = int | Literal["all"] | None  # None: never; k: when k covered scopes are down


def covers(patterns: tuple[str, ...] | None, scope: str) -> bool:
    """Whether a scope named `scope` is covered by `patterns` (None: every scope)."""
    return patterns is None or any(fnmatchcase(scope, p) for p in patterns)


def covered(patterns: tuple[str, ...] | None, names: Sequence[str]) -> list[str]:
    """The names among `names` that `patterns` cover, in their order, each once."""
    return [n for n in dict.fromkeys(names) if n and covers(patterns, n)]


def needed(rollup: Rollup, scopes: int) -> int | None:
    """How many covered scopes must be down at once for the service to be down."""
    if rollup is None or scopes == 0:
        return None
    return scopes if rollup == "all" else rollup


def down_together(
    k: int, downtime: Sequence[tuple[tuple[datetime, datetime], ...]]
) -> list[tuple[int, int]]:
    """Epoch spans where at least `k` of the scopes' downtime (one tuple each) overlap."""
    pieces = [(epoch_seconds(s), epoch_seconds(e)) for spans in downtime for s, e in spans]
    if not pieces:
        return []
    table = np.array(pieces, np.int64)
    both = iv.at_least(k, table[:, 0], table[:, 1])
    return list(zip(both.start.tolist(), both.end.tolist(), strict=True))
