"""A cap per year is counted over the calendar year, earlier windows included."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from accord.contracts.loader import load_contract
from accord.services.maintenance_plan import check_plan, occurrences
from services.maintenance.plans import EXAMPLES, LA, NOW


def test_a_window_past_what_is_left_of_the_year_is_refused_for_the_excess(
    tmp_path: Path,
) -> None:
    text = (EXAMPLES / "ethnio.yaml").read_text(encoding="utf-8")
    path = tmp_path / "ethnio.yaml"
    path.write_text(text.replace("monthly_cap: 24h", "yearly_cap: 10h"), encoding="utf-8")
    contract = load_contract(path)
    # Eight hours on a Friday night in March, announced at the time.
    (march,) = occurrences(datetime(2026, 3, 6, 19, 0), timedelta(hours=8), None, LA)
    earlier = (march.__class__(march.start, march.end, None, march.start - timedelta(days=1)),)
    planned = occurrences(datetime(2026, 10, 9, 20, 0), timedelta(hours=4), None, LA)
    check = check_plan(contract, planned, NOW, existing=earlier)
    (year,) = check.caps
    assert (year.window, year.cap_seconds, year.used_seconds, year.left_seconds) == (
        "2026", 10 * 3600, 10 * 3600, 0,
    )  # fmt: skip
    assert check.downtime_seconds == year.downtime_seconds == 2 * 3600
    assert check.reasons[0] == "2026: beyond the year's cap of 10 h"
