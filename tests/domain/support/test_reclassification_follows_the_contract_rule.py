"""A reclassification applies from its instant, with the new severity's targets measured
from the original opening, when the contract's rule allows it; otherwise it is a
finding and the ticket keeps its severity."""

from __future__ import annotations

import pytest

from accord.domain.support.terms import Reclassification, SeverityChange

from .support_examples import lavi, one, ticket, utc

NOW = "2030-01-01T00:00Z"
OPENED = "2029-12-03T10:00-08:00"  # Lavi, Monday, within business hours


def test_an_upgrade_after_the_first_reply_brings_the_shorter_deadline() -> None:
    t = ticket("3", OPENED,
               ("2029-12-03T10:20-08:00", "first_response"),
               ("2029-12-03T11:00-08:00", "reclassified", "1"),
               ("2029-12-03T15:00-08:00", "resolved"))  # fmt: skip
    result = one(lavi(), t, NOW)
    assert result.severity == "1"
    assert result.severities == (
        SeverityChange(utc(OPENED), "3", "opened"),
        SeverityChange(utc("2029-12-03T11:00-08:00"), "1", "reclassified"),
    )
    first_response, resolution = result.clock("first_response"), result.clock("resolution")
    assert first_response is not None and resolution is not None
    # Answered under Severity 3 (4 hours); resolved under Severity 1 (4 hours from 10:00).
    assert (first_response.severity, first_response.met) == ("3", True)
    assert (resolution.severity, resolution.due, resolution.met) == (
        "1", utc("2029-12-03T14:00-08:00"), False,
    )  # fmt: skip
    assert result.findings == ()


def test_a_deadline_missed_before_a_downgrade_stays_missed() -> None:
    t = ticket("1", OPENED,
               ("2029-12-03T10:45-08:00", "reclassified", "3"),
               ("2029-12-03T11:00-08:00", "first_response"))  # fmt: skip
    first_response = one(lavi("any_time"), t, NOW).clock("first_response")
    assert first_response is not None
    assert (first_response.severity, first_response.met) == ("1", False)
    assert first_response.due == utc("2029-12-03T10:30-08:00")


def test_a_downgrade_before_the_deadline_gives_the_longer_one() -> None:
    t = ticket("1", OPENED,
               ("2029-12-03T10:15-08:00", "reclassified", "3"),
               ("2029-12-03T11:00-08:00", "first_response"))  # fmt: skip
    first_response = one(lavi("any_time"), t, NOW).clock("first_response")
    assert first_response is not None
    assert (first_response.severity, first_response.met) == ("3", True)


@pytest.mark.parametrize(
    ("rule", "before_reply", "with_reply", "after_reply"),
    [
        ("any_time", True, True, True),
        ("after_first_response", False, True, True),
        ("final_after_qualification", True, True, False),
        ("never", False, False, False),
    ],
)
def test_the_contract_rule_decides_which_reclassifications_apply(
    rule: Reclassification, before_reply: bool, with_reply: bool, after_reply: bool
) -> None:
    reply = ("2029-12-03T10:20-08:00", "first_response")
    for when, applies in (("10:10", before_reply), ("10:20", with_reply), ("10:40", after_reply)):
        change = (f"2029-12-03T{when}-08:00", "reclassified", "2")
        result = one(lavi(rule), ticket("3", OPENED, reply, change), NOW)  # type: ignore[arg-type]
        assert (result.severity == "2") is applies, (rule, when)
        codes = [f.code for f in result.findings]
        assert codes == ([] if applies else ["reclassification_not_allowed"]), (rule, when)


def test_a_reclassification_to_an_unknown_severity_is_a_finding() -> None:
    t = ticket("3", OPENED,
               ("2029-12-03T10:20-08:00", "first_response"),
               ("2029-12-03T10:30-08:00", "reclassified", "urgent"))  # fmt: skip
    result = one(lavi(), t, NOW)
    assert result.severity == "3"
    assert [(f.code, f.at) for f in result.findings] == [
        ("unknown_new_severity", utc("2029-12-03T10:30-08:00"))
    ]
    assert "'urgent'" in result.findings[0].detail


def test_a_reclassification_to_the_same_severity_changes_nothing() -> None:
    t = ticket("3", OPENED, ("2029-12-03T10:30-08:00", "reclassified", "3"))
    result = one(lavi("never"), t, NOW)
    assert len(result.severities) == 1
    assert result.findings == ()
