"""iStockist S1: only the Client Administrator opens tickets. A ticket opened by another
role is a finding and does not count towards compliance; its clocks are still shown."""

from __future__ import annotations

from .support_examples import istockist, one, ticket, utc

NOW = "2030-01-01T00:00Z"
OPENED = "2029-06-04T10:00Z"


def test_a_ticket_from_the_client_administrator_counts() -> None:
    result = one(istockist(), ticket("critical", OPENED, role="client_administrator"), NOW)
    assert result.counted
    assert result.findings == ()


def test_a_ticket_from_another_role_is_flagged_and_left_out() -> None:
    result = one(istockist(), ticket("critical", OPENED, role="end_user"), NOW)
    assert not result.counted
    assert [(f.code, f.at) for f in result.findings] == [("not_allowed_to_open", utc(OPENED))]
    assert "'end_user'" in result.findings[0].detail
    assert result.clock("first_response") is not None


def test_a_ticket_without_a_role_is_not_flagged() -> None:
    result = one(istockist(), ticket("critical", OPENED, role=None), NOW)
    assert result.counted


def test_a_ticket_with_a_severity_the_contract_does_not_name_is_left_out() -> None:
    result = one(istockist(), ticket("blocker", OPENED, role="client_administrator"), NOW)
    assert not result.counted
    assert (result.severity, result.severities, result.clocks) == ("blocker", (), ())
    assert [f.code for f in result.findings] == ["unknown_severity"]
