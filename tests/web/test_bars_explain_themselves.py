"""Each day's bar: its colour is the day's worst class, its sentence says every class."""

from __future__ import annotations

from datetime import date

from accord.services.status import Day
from accord.web.charts import HEIGHT, MINIMUM, bars

DAY = date(2026, 10, 6)


def test_a_clean_day_is_one_green_bar_up_all_day() -> None:
    [bar] = bars([Day(DAY, 86400, 0, 0, 0, 0)])
    assert bar.kind == "up" and [s.kind for s in bar.segments] == ["up"]
    assert bar.label == "Tue 6 Oct 2026: up all day."


def test_five_minutes_down_is_still_seen_and_said() -> None:
    [bar] = bars([Day(DAY, 86400, 300, 0, 0, 0)])
    assert bar.kind == "down"
    assert bar.segments[0].kind == "down" and bar.segments[0].height == MINIMUM
    assert bar.label == "Tue 6 Oct 2026: down 5 min; up 99.7 % of the known time."


def test_maintenance_and_excluded_time_are_told_apart_from_downtime() -> None:
    [bar] = bars([Day(DAY, 86400, 0, 7200, 3600, 0)])
    assert bar.kind == "maintenance"
    assert [s.kind for s in bar.segments] == ["maintenance", "excluded", "up"]
    assert "maintenance 2 h; excluded 1 h" in bar.label


def test_segments_fill_the_bar_exactly_however_small_the_classes() -> None:
    [bar] = bars([Day(DAY, 86400, 1, 1, 1, 86396)])
    assert sum(s.height for s in bar.segments) == HEIGHT
    assert [s.kind for s in bar.segments] == ["down", "maintenance", "excluded", "no_data"]


def test_a_day_before_any_evidence_says_no_data() -> None:
    [bar] = bars([Day(DAY, 86400, 0, 0, 0, 86400)])
    assert (bar.kind, bar.label) == ("no_data", "Tue 6 Oct 2026: no data.")
