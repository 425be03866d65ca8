"""Small batches of deadlines: the fixed cost of one call of the calendar array path.

A support desk asks for one ticket's deadlines at a time; what each call costs beyond its
rows then matters more than the cost per row. On the Lavi example's business calendar:
the first call in a process (which also lays out the open periods), then the median of
1,000 calls of 1 and of 10 deadlines, starts spread over a month.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

import numpy as np

from accord.contracts.calendars import contract_calendars
from accord.contracts.check import check_contract
from accord.domain.calendars import add_business_time_many


@dataclass(frozen=True)
class Small:
    first_s: float  # the first call in the process
    per_call_us: dict[int, float]  # batch size -> median microseconds per call


def measure(calls: int = 1000) -> Small:
    calendar = contract_calendars(check_contract("examples/contracts/lavi-qtrac.yaml"))["business"]
    rng = np.random.default_rng(8)
    month = 1_790_812_800 + rng.integers(0, 30 * 86_400, (calls, 10))
    hours = rng.integers(1, 40, (calls, 10)) * 3600
    started = time.perf_counter()
    add_business_time_many(calendar, month[0, :1], hours[0, :1])
    first = time.perf_counter() - started
    found = {}
    for size in (1, 10):
        times = []
        for k in range(calls):
            started = time.perf_counter()
            add_business_time_many(calendar, month[k, :size], hours[k, :size])
            times.append(time.perf_counter() - started)
        found[size] = statistics.median(times) * 1e6
    return Small(first, found)
