"""When each monitor's checks are due: t0 + offset + k x interval, never drifting.

Due instants are counted from the epoch (t0 = 0), so every worker and agent agrees on
them without talking; each monitor is shifted by an offset derived from its key, stable
across restarts and spread evenly over the interval, so monitors with the same interval
do not all fire in the same second (no thundering herd). A check that starts late does
not move the next one: the next due instant is computed, not added to the last start.
"""

from __future__ import annotations

import hashlib
import math


def offset(key: str, interval: float) -> float:
    """A stable offset in [0, interval) for the monitor named `key`."""
    digest = hashlib.blake2b(key.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2.0**64 * interval


def next_due(after: float, interval: float, shift: float) -> float:
    """The first due instant `shift + k * interval` at or after `after` (epoch seconds)."""
    k = math.ceil((after - shift) / interval)
    due = shift + k * interval
    # Floating error may put `due` a hair before `after`; never schedule in the past.
    return due if due >= after else due + interval
