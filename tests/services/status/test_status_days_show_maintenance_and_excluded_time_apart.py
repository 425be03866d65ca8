"""A day's bar tells downtime, maintenance, excluded time and no data apart."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from accord.contracts.loader import load_contract
from accord.evidence import read_evidence
from accord.services.status import Day, service_status

EXAMPLES = Path(__file__).parents[3] / "examples"
LAVI = load_contract(EXAMPLES / "contracts" / "lavi-qtrac.yaml")
EVIDENCE = read_evidence(EXAMPLES / "evidence" / "lavi-qtrac.json")
NOW = datetime(2026, 11, 20, 20, tzinfo=UTC)  # noon in Los Angeles
HOUR = 3600


def _days(scope: str) -> dict[date, Day]:
    [found] = [s for s in service_status(LAVI, EVIDENCE, NOW).scopes if s.scope == scope]
    return {d.day: d for d in found.days}


def test_an_announced_window_is_maintenance_not_downtime() -> None:
    # 22:00 to 02:00 local, announced a week before: two hours on each side of midnight.
    days = _days("store-77")
    assert (days[date(2026, 10, 10)].maintenance, days[date(2026, 10, 10)].down) == (2 * HOUR, 0)
    assert (days[date(2026, 10, 11)].maintenance, days[date(2026, 10, 11)].down) == (2 * HOUR, 0)


def test_an_outage_the_customer_caused_is_excluded_not_downtime() -> None:
    day = _days("store-12")[date(2026, 10, 20)]
    assert (day.excluded, day.down) == (4 * HOUR, 0)


def test_downtime_counts_from_the_customer_s_notice_as_the_contract_says() -> None:
    # Down from 08:00, reported at 08:30: the contract counts from the notice.
    day = _days("store-12")[date(2026, 10, 6)]
    assert day.down == 15 * HOUR + 30 * 60


def test_the_day_the_clocks_go_back_has_twenty_five_hours() -> None:
    assert _days("store-12")[date(2026, 11, 1)].seconds == 25 * HOUR


def test_time_before_the_first_month_of_evidence_and_after_now_is_no_data() -> None:
    days = _days("store-12")
    assert days[date(2026, 9, 30)].no_data == 24 * HOUR  # the evidence starts in October
    assert days[date(2026, 10, 1)].no_data == 0
    today = days[date(2026, 11, 20)]
    assert (today.no_data, today.up) == (12 * HOUR, 12 * HOUR)
    assert list(days)[-1] == date(2026, 11, 20) and len(days) == 90
