"""A minute-by-minute oracle for the benchmark's deadlines, independent of accord.

Every UTC minute of the horizon is converted to Los Angeles time with zoneinfo and judged
by the definition (an open weekday, not a holiday, wall time within the hours). Starts are
whole minutes and durations whole hours, and the calendar's bounds are whole minutes,
so counting open minutes is exact.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import numpy as np
from numpy.typing import NDArray

# The Lavi holidays from printed calendars: 1 Jan, last Monday of May, 4 Jul, first
# Monday of September, last Thursday and last Friday of November, 25 Dec.
LAVI_HOLIDAYS = [
    date.fromisoformat(f"{year}-{month_day}")
    for year, days in {
        2026: ["01-01", "05-25", "07-04", "09-07", "11-26", "11-27", "12-25"],
        2027: ["01-01", "05-31", "07-04", "09-06", "11-25", "11-26", "12-25"],
        2028: ["01-01", "05-29", "07-04", "09-04", "11-24", "11-30", "12-25"],
    }.items()
    for month_day in days
]


@dataclass(frozen=True, eq=False)
class MinuteOracle:
    start: int  # first minute of the horizon, UTC seconds
    open_before: NDArray[np.int64]  # open_before[k]: open minutes in the first k minutes

    @property
    def end(self) -> int:
        """The first instant after the horizon."""
        return self.start + 60 * (len(self.open_before) - 1)

    def _index(self, at: NDArray[np.int64]) -> NDArray[np.int64]:
        assert (at % 60 == 0).all() and (at >= self.start).all()
        return (at - self.start) // 60

    def deadlines(self, starts: NDArray[np.int64], hours: NDArray[np.int64]) -> NDArray[np.int64]:
        """Zero hours: the first open minute. Otherwise: the end of the (60 h)-th open minute."""
        counted = self.open_before[self._index(starts)]
        target = counted + 60 * hours
        # The first minute k with open_before[k] == target ends that many open minutes...
        end = np.searchsorted(self.open_before, target, side="left")
        # ...and the first open minute is the one after which open_before grows.
        first_open = np.searchsorted(self.open_before, counted + 1, side="left") - 1
        return self.start + 60 * np.where(hours == 0, first_open, end)

    def open_minutes_between(self, a: NDArray[np.int64], b: NDArray[np.int64]) -> NDArray[np.int64]:
        low, high = np.minimum(a, b), np.maximum(a, b)
        return self.open_before[self._index(high)] - self.open_before[self._index(low)]


def minute_oracle(
    zone: str, weekdays: range, hours: tuple[int, int], closed: list[date], start: int, end: int
) -> MinuteOracle:
    """Open on `weekdays` (Monday = 0) from hours[0] to hours[1] (minutes), but not on `closed`."""
    tz, holidays = ZoneInfo(zone), set(closed)
    flags = []
    for minute in range(start, end, 60):
        local = datetime.fromtimestamp(minute, UTC).astimezone(tz)
        wall = local.hour * 60 + local.minute
        flags.append(
            local.weekday() in weekdays
            and local.date() not in holidays
            and hours[0] <= wall < hours[1]
        )
    open_before = np.concatenate(([0], np.cumsum(flags))).astype(np.int64)
    return MinuteOracle(start=start, open_before=open_before)
