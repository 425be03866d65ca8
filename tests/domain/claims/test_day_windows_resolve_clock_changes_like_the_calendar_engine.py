"""Day windows across a clock change: the same rule as `add_business_days`."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from accord.domain.calendars import BusinessCalendar, add_business_days, always_open
from accord.domain.remedies import ClaimWindow, add_window

NEW_YORK = "America/New_York"
# New York in 2026: clocks spring forward at 2026-03-08 07:00 UTC (02:00 EST -> 03:00 EDT)
# and fall back at 2026-11-01 06:00 UTC (02:00 EDT -> 01:00 EST).
CASES = [
    # 02:30 EST on 1 March (07:30 UTC) + 7 days is 02:30 on 8 March, which never occurs:
    # the deadline is the jump itself, 03:00 EDT = 07:00 UTC (not 03:30 EDT = 07:30 UTC).
    (datetime(2026, 3, 1, 7, 30, tzinfo=UTC), 7, datetime(2026, 3, 8, 7, tzinfo=UTC)),
    # 01:30 EDT on 25 October (05:30 UTC) + 7 days is 01:30 on 1 November, which occurs
    # twice: the first occurrence, 01:30 EDT = 05:30 UTC.
    (datetime(2026, 10, 25, 5, 30, tzinfo=UTC), 7, datetime(2026, 11, 1, 5, 30, tzinfo=UTC)),
    # The second 01:30 on 1 November (EST, 06:30 UTC) + 7 days is 01:30 EST on 8 November,
    # 06:30 UTC: the local time is kept, whichever occurrence it started from.
    (datetime(2026, 11, 1, 6, 30, tzinfo=UTC), 7, datetime(2026, 11, 8, 6, 30, tzinfo=UTC)),
]


@pytest.mark.parametrize(("start", "days", "expected"), CASES)
def test_a_day_window_maps_a_missing_time_to_the_jump_and_a_repeated_one_to_its_first(
    start: datetime, days: int, expected: datetime
) -> None:
    assert add_window(start, ClaimWindow("failure", days=days), NEW_YORK) == expected


def test_a_day_window_across_the_gap_agrees_with_the_business_day_engine() -> None:
    calendar = BusinessCalendar("always", NEW_YORK, always_open())
    start = datetime(2026, 3, 1, 7, 30, tzinfo=UTC)
    window = add_window(start, ClaimWindow("failure", days=7), NEW_YORK)
    assert window == add_business_days(calendar, start, 7)
