from __future__ import annotations

from datetime import UTC, datetime

from accord.domain.availability.evaluate import AvailabilityResult, Objective
from accord.domain.availability.maintenance import MaintenanceRules, Verdict
from accord.domain.calendars import BusinessCalendar, Interval, WeeklyHours
from accord.domain.evidence import Evidence, MaintenanceWindow, Outage
from accord.domain.period import month

from .builders import one

# Letsignit-like: maintenance allowed 18:00-11:00 Paris time, every day.
NIGHTS = WeeklyHours(tuple((Interval(0, 660), Interval(1080, 1440)) for _ in range(7)))
PARIS_NIGHTS = BusinessCalendar("maintenance windows", "Europe/Paris", NIGHTS)
OCTOBER = month(2026, 10, "Europe/Paris")  # 745 hours: the clocks go back on the 25th


def _utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def _result(
    *windows: MaintenanceWindow, outside_windows: Verdict = "downtime"
) -> AvailabilityResult:
    rules = MaintenanceRules(PARIS_NIGHTS, outside_windows=outside_windows)
    return one(Objective("web", 99.0, maintenance=rules), Evidence(maintenance=windows), OCTOBER)


def test_the_month_is_745_hours_long() -> None:
    assert OCTOBER.seconds == 745 * 3600


def test_maintenance_inside_the_window_is_excluded() -> None:
    # 20:00-23:00 Paris on 1 October (UTC+2).
    result = _result(MaintenanceWindow(_utc(2026, 10, 1, 18), _utc(2026, 10, 1, 21)))
    assert dict(result.excluded_seconds) == {"maintenance": 3 * 3600}
    assert result.downtime_seconds == 0


def test_the_part_outside_the_window_is_downtime() -> None:
    # 10:00-12:00 Paris: the window closes at 11:00.
    result = _result(MaintenanceWindow(_utc(2026, 10, 2, 8), _utc(2026, 10, 2, 10)))
    assert dict(result.excluded_seconds) == {"maintenance": 3600}
    assert [(s.hour, e.hour) for s, e in result.downtime] == [(9, 10)]


def test_the_window_follows_the_clock_change() -> None:
    # On the 26th Paris is UTC+1: the window closes at 10:00 UTC, not 09:00.
    result = _result(MaintenanceWindow(_utc(2026, 10, 26, 8), _utc(2026, 10, 26, 11)))
    assert dict(result.excluded_seconds) == {"maintenance": 2 * 3600}
    assert result.downtime_seconds == 3600


def test_the_night_of_the_clock_change_is_an_hour_longer() -> None:
    # 18:00 on the 24th to 11:00 on the 25th, Paris time: 18 real hours.
    result = _result(MaintenanceWindow(_utc(2026, 10, 24, 16), _utc(2026, 10, 25, 10)))
    assert dict(result.excluded_seconds) == {"maintenance": 18 * 3600}


def test_outside_windows_may_be_excluded_anyway() -> None:
    result = _result(
        MaintenanceWindow(_utc(2026, 10, 2, 8), _utc(2026, 10, 2, 10)), outside_windows="excluded"
    )
    assert dict(result.excluded_seconds) == {"maintenance": 2 * 3600}


def test_without_a_maintenance_policy_maintenance_is_downtime() -> None:
    evidence = Evidence(
        maintenance=(MaintenanceWindow(_utc(2026, 10, 1, 18), _utc(2026, 10, 1, 21)),)
    )
    assert one(Objective("web", 99.0), evidence, OCTOBER).downtime_seconds == 3 * 3600


def test_an_outage_during_excused_maintenance_is_maintenance() -> None:
    window = MaintenanceWindow(_utc(2026, 10, 1, 18), _utc(2026, 10, 1, 21))
    outage = Outage(_utc(2026, 10, 1, 20), _utc(2026, 10, 1, 22))
    result = one(Objective("web", 99.0, maintenance=MaintenanceRules(PARIS_NIGHTS)),
                 Evidence(outages=(outage,), maintenance=(window,)), OCTOBER)  # fmt: skip
    assert dict(result.excluded_seconds) == {"maintenance": 3 * 3600}
    assert [(s.hour, e.hour) for s, e in result.downtime] == [(21, 22)]
