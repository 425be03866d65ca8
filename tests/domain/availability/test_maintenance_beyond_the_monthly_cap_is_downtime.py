from __future__ import annotations

from accord.domain.availability.evaluate import AvailabilityResult, Objective
from accord.domain.availability.maintenance import MaintenanceRules, Verdict
from accord.domain.evidence import Evidence, MaintenanceWindow
from accord.domain.period import month

from .builders import HOUR, one

FEBRUARY = month(2028, 2, "UTC")  # a leap month: 29 days


def _window(day: int, hours: int) -> MaintenanceWindow:
    start = FEBRUARY.start.replace(day=day)
    return MaintenanceWindow(start, start.replace(hour=hours))


def _result(*windows: MaintenanceWindow, beyond_cap: Verdict = "downtime") -> AvailabilityResult:
    rules = MaintenanceRules(allowed=None, monthly_cap=6 * HOUR, beyond_cap=beyond_cap)
    return one(Objective("web", 99.0, maintenance=rules), Evidence(maintenance=windows), FEBRUARY)


def test_the_cap_is_used_in_time_order() -> None:
    # Listed out of order: the 3rd's window comes first and uses 4 hours of the cap.
    result = _result(_window(29, 4), _window(3, 4))
    assert dict(result.excluded_seconds) == {"maintenance": 6 * HOUR}
    assert result.downtime_seconds == 2 * HOUR
    assert [(s.day, s.hour, e.hour) for s, e in result.downtime] == [(29, 2, 4)]


def test_overlapping_windows_use_the_cap_once() -> None:
    result = _result(_window(3, 4), _window(3, 4), _window(3, 2))
    assert dict(result.excluded_seconds) == {"maintenance": 4 * HOUR}
    assert result.downtime_seconds == 0


def test_the_leap_day_belongs_to_february() -> None:
    assert FEBRUARY.seconds == 29 * 24 * HOUR
    result = _result(_window(29, 8))
    assert result.downtime_seconds == 2 * HOUR


def test_beyond_the_cap_may_be_excluded_when_the_contract_says_so() -> None:
    result = _result(_window(3, 4), _window(29, 4), beyond_cap="excluded")
    assert dict(result.excluded_seconds) == {"maintenance": 8 * HOUR}
    assert result.downtime_seconds == 0
