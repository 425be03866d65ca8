"""Lavi's holidays (V1) are the days its SLA names, not the US holidays they are named after.

"Last Thursday in November" is US Thanksgiving only when November has four Thursdays; in
2029 it is the 29th, a week after Thanksgiving (the 22nd). The example follows the words.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from accord.cli import app

from .seed_examples import EXAMPLES

LAVI = EXAMPLES / "lavi-qtrac.yaml"


def holidays(year: int, calendar: str = "business") -> dict[date, str]:
    args = ["calendar", "holidays", str(LAVI), "--year", str(year), "--calendar", calendar,
            "--format", "json"]  # fmt: skip
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    return {date.fromisoformat(row["date"]): row["name"] for row in json.loads(result.stdout)}


def test_the_2029_list_closes_the_last_thursday_and_friday_of_november() -> None:
    days = holidays(2029)
    assert days[date(2029, 11, 29)] == "Thanksgiving Day"
    assert days[date(2029, 11, 30)] == "Day after Thanksgiving"


def test_the_2029_list_keeps_open_us_thanksgiving_and_the_day_after() -> None:
    days = holidays(2029)
    assert date(2029, 11, 22) not in days
    assert date(2029, 11, 23) not in days


def test_the_2029_list_is_the_seven_holidays_of_the_sla() -> None:
    assert list(holidays(2029)) == [
        date(2029, 1, 1),
        date(2029, 5, 28),
        date(2029, 7, 4),
        date(2029, 9, 3),
        date(2029, 11, 29),
        date(2029, 11, 30),
        date(2029, 12, 25),
    ]


def test_in_2023_the_last_friday_comes_before_the_last_thursday() -> None:
    november = {d: n for d, n in holidays(2023).items() if d.month == 11}
    assert november == {
        date(2023, 11, 24): "Day after Thanksgiving",
        date(2023, 11, 30): "Thanksgiving Day",
    }


@pytest.mark.parametrize("year", [2026, 2029])
def test_the_phone_line_closes_on_the_same_holidays(year: int) -> None:
    assert holidays(year, "phone") == holidays(year)
