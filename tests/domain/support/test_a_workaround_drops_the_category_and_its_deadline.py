"""iStockist S3: "If a solution to a Critical or Medium Fault is implemented by Support,
the Fault will be downgraded to a Fault of the next critical category and the time
limit for fixing the Fault will be that associated with the new classification."
Opening hours 09:00-17:00 GMT; fixing times (8, 24, 40 open hours) added for the test."""

from __future__ import annotations

from dataclasses import replace

from accord.domain.support.terms import ClockRule, SeverityChange

from .support_examples import GMT_09_17, HOUR, istockist, one, ticket, utc

NOW = "2030-01-01T00:00Z"
OPENED = "2029-06-04T10:00Z"
ADMIN = "client_administrator"


def test_a_workaround_gives_the_critical_fault_the_medium_fixing_time() -> None:
    t = ticket("critical", OPENED,
               ("2029-06-04T11:00Z", "first_response"),
               ("2029-06-04T13:00Z", "workaround"),
               ("2029-06-06T12:00Z", "resolved"), role=ADMIN)  # fmt: skip
    result = one(istockist(), t, NOW)
    assert result.severity == "medium"
    assert result.severities[-1] == SeverityChange(utc("2029-06-04T13:00Z"), "medium", "workaround")
    first_response, resolution = result.clock("first_response"), result.clock("resolution")
    assert first_response is not None and resolution is not None
    assert (first_response.severity, first_response.met) == ("critical", True)
    # 24 open hours from the opening: 7 + 8 + 8 + 1 -> 7 June 10:00 (critical: 5 June 10:00).
    assert (resolution.severity, resolution.due, resolution.met) == (
        "medium", utc("2029-06-07T10:00Z"), True,
    )  # fmt: skip


def test_a_workaround_after_the_critical_deadline_cannot_undo_the_miss() -> None:
    t = ticket("critical", OPENED,
               ("2029-06-04T11:00Z", "first_response"),
               ("2029-06-05T12:00Z", "workaround"),
               ("2029-06-06T12:00Z", "resolved"), role=ADMIN)  # fmt: skip
    resolution = one(istockist(), t, NOW).clock("resolution")
    assert resolution is not None
    assert (resolution.severity, resolution.due, resolution.met) == (
        "critical", utc("2029-06-05T10:00Z"), False,
    )  # fmt: skip


def test_a_second_workaround_drops_medium_to_low() -> None:
    t = ticket("critical", OPENED,
               ("2029-06-04T11:00Z", "first_response"),
               ("2029-06-04T13:00Z", "workaround"),
               ("2029-06-04T15:00Z", "workaround"), role=ADMIN)  # fmt: skip
    result = one(istockist(), t, NOW)
    assert [c.severity for c in result.severities] == ["critical", "medium", "low"]


def test_the_workaround_meets_the_temporary_resolution_target() -> None:
    terms = istockist()
    temporary = ClockRule("open_time", 2 * HOUR, GMT_09_17)
    critical = replace(terms.severities[0], temporary_resolution=temporary)
    with_temporary = replace(terms, severities=(critical, *terms.severities[1:]))
    t = ticket("critical", OPENED, ("2029-06-04T11:30Z", "workaround"), role=ADMIN)
    clock = one(with_temporary, t, NOW).clock("temporary_resolution")
    assert clock is not None
    assert (clock.severity, clock.achieved_at, clock.met) == (
        "critical", utc("2029-06-04T11:30Z"), True,
    )  # fmt: skip


def test_a_low_fault_has_nowhere_lower_to_go() -> None:
    t = ticket("low", OPENED, ("2029-06-04T11:00Z", "workaround"), role=ADMIN)
    result = one(istockist(), t, NOW)
    assert len(result.severities) == 1
