from __future__ import annotations

from datetime import timedelta

import pytest

from accord.domain.availability.evaluate import Objective
from accord.domain.availability.maintenance import MaintenanceRules
from accord.domain.evidence import Evidence, MaintenanceWindow

from .builders import HOUR, at, one, window

DAY = 86_400


@pytest.mark.parametrize(
    ("announced_before", "excused"),
    [
        (None, False),  # never announced
        (DAY + 1, True),
        (DAY, True),  # exactly the notice
        (DAY - 1, False),
        (-60, False),  # announced after it started
    ],
)
def test_a_day_of_notice_is_needed(announced_before: int | None, excused: bool) -> None:
    announced = None if announced_before is None else at(HOUR - announced_before)
    evidence = Evidence(maintenance=(MaintenanceWindow(at(HOUR), at(2 * HOUR), None, announced),))
    rules = MaintenanceRules(allowed=None, notice=DAY)
    result = one(Objective("web", 99.0, maintenance=rules), evidence, window(4))
    assert result.downtime_seconds == (0 if excused else HOUR)
    assert dict(result.excluded_seconds) == ({"maintenance": HOUR} if excused else {})


def test_no_notice_needed_when_the_contract_names_none() -> None:
    evidence = Evidence(maintenance=(MaintenanceWindow(at(0), at(HOUR)),))
    rules = MaintenanceRules(allowed=None, notice=None)
    result = one(Objective("web", 99.0, maintenance=rules), evidence, window(4))
    assert result.downtime_seconds == 0


def test_late_notice_may_still_be_excused_when_the_contract_says_so() -> None:
    late = MaintenanceWindow(at(0), at(HOUR), None, at(0) - timedelta(minutes=5))
    rules = MaintenanceRules(allowed=None, notice=DAY, without_notice="excluded")
    result = one(
        Objective("web", 99.0, maintenance=rules), Evidence(maintenance=(late,)), window(4)
    )
    assert result.downtime_seconds == 0


def test_an_outage_for_maintenance_counts_as_unannounced_maintenance() -> None:
    from accord.domain.evidence import Outage

    rules = MaintenanceRules(allowed=None, notice=0)
    evidence = Evidence(outages=(Outage(at(0), at(HOUR), cause="maintenance"),))
    result = one(Objective("web", 99.0, maintenance=rules), evidence, window(4))
    assert result.downtime_seconds == HOUR
