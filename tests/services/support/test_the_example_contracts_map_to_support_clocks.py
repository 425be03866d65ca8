"""evaluate_support reads each shipped example contract's support section: the clocks,
calendars, ranges and compliance rules it states, applied to tickets."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from accord.contracts.calendars import contract_calendars
from accord.contracts.loader import LoadedContract, load_contract
from accord.domain.evidence import Ticket, TicketEvent
from accord.domain.period import month
from accord.domain.support import ClockRule, TicketClock
from accord.services.support import SupportResult, evaluate_support
from accord.services.terms.support import support_terms

EXAMPLES = Path(__file__).parents[3] / "examples"
NOW = datetime(2030, 3, 1, tzinfo=UTC)


def example(name: str) -> LoadedContract:
    return load_contract(EXAMPLES / "contracts" / f"{name}.yaml")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def run(name: str, *tickets: Ticket, year: int = 2029, number: int = 11) -> SupportResult:
    loaded = example(name)
    period = month(year, number, loaded.contract.zone)
    assert loaded.contract.support is not None
    terms = support_terms(loaded.contract.support, contract_calendars(loaded))
    return evaluate_support(terms, tickets, period, NOW)


def clock(result: SupportResult, metric: str) -> TicketClock:
    found = result.tickets[0].clock(metric)  # type: ignore[arg-type]
    assert found is not None
    return found


@pytest.mark.parametrize("name", ["ethnio", "infopromo", "istockist", "lavi-qtrac", "letsignit"])
def test_every_example_support_section_maps_to_terms(name: str) -> None:
    loaded = example(name)
    assert loaded.contract.support is not None
    terms = support_terms(loaded.contract.support, contract_calendars(loaded))
    assert [s.name for s in terms.severities] == list(loaded.contract.support.severities)


def test_lavi_after_hours_severity_1_starts_at_six_on_the_next_business_day() -> None:
    # Wednesday 28 November 2029, 19:00 PT; the 29th and 30th are holidays.
    result = run("lavi-qtrac", Ticket("L1", "1", at("2029-11-28T19:00-08:00")))
    assert clock(result, "first_response").due == at("2029-12-03T06:30-08:00")
    assert clock(result, "resolution").due == at("2029-12-03T10:00-08:00")


def test_lavi_severity_3_resolves_in_five_business_days() -> None:
    result = run("lavi-qtrac", Ticket("L3", "3", at("2029-11-26T10:00-08:00")))
    assert clock(result, "resolution").due == at("2029-12-05T10:00-08:00")


def test_lavi_reclassification_before_the_first_reply_is_a_finding() -> None:
    events = (TicketEvent(at("2029-11-26T10:05-08:00"), "reclassified", "3"),)
    result = run("lavi-qtrac", Ticket("L4", "1", at("2029-11-26T10:00-08:00"), None, events))
    assert result.tickets[0].severity == "1"
    assert [f.code for f in result.tickets[0].findings] == ["reclassification_not_allowed"]


def test_ethnio_level_2_counts_pacific_open_hours_across_the_spring_change() -> None:
    result = run("ethnio", Ticket("E2", "2", at("2029-03-10T19:00-08:00")), number=3)
    assert clock(result, "first_response").due == at("2029-03-11T11:00-07:00")


def test_infopromo_acknowledgement_commits_to_the_upper_bound_of_the_range() -> None:
    loaded = example("infopromo")
    assert loaded.contract.support is not None
    terms = support_terms(loaded.contract.support, contract_calendars(loaded))
    critical = terms.severity("1")
    assert critical is not None and critical.first_response is not None
    assert critical.first_response.amount == 15 * 60
    reply = (TicketEvent(at("2029-11-10T03:14:00+00:00"), "first_response"),)
    result = run("infopromo", Ticket("I1", "1", at("2029-11-10T03:00:00+00:00"), None, reply))
    assert clock(result, "first_response").met is True


def test_istockist_counts_only_the_client_administrator_and_requires_98_percent() -> None:
    admin = "client_administrator"
    tickets = [
        Ticket(f"S{i}", "critical", at(f"2029-11-{i + 1:02d}T10:00+00:00"), admin,
               (TicketEvent(at(f"2029-11-{i + 1:02d}T11:00+00:00"), "first_response"),))
        for i in range(20)
    ] + [Ticket("X", "critical", at("2029-11-21T10:00+00:00"), "end_user")]  # fmt: skip
    result = run("istockist", *tickets)
    row = next(r for r in result.compliance if (r.severity, r.metric) ==
               ("critical", "first_response"))  # fmt: skip
    assert (row.tickets, row.tickets_met) == (20, 20)
    assert (row.required_percent, row.compliant) == (98.0, True)
    assert [f.code for f in result.tickets[-1].findings] == ["not_allowed_to_open"]


def test_only_tickets_opened_in_the_period_are_returned() -> None:
    tickets = [Ticket("OCT", "2", at("2029-10-31T10:00-07:00")),
               Ticket("NOV", "2", at("2029-11-01T10:00-07:00"))]  # fmt: skip
    assert [t.id for t in run("lavi-qtrac", *tickets).tickets] == ["NOV"]


def test_a_contract_without_support_has_no_clocks() -> None:
    loaded = example("lavi-qtrac")
    bare = loaded.contract.model_copy(update={"support": None})
    period = month(2029, 11, bare.zone)
    ticket = Ticket("L", "1", at("2029-11-05T10:00-08:00"))
    result = evaluate_support(None, [ticket], period, NOW)
    assert (result.tickets, result.compliance) == ((), ())


def test_a_missing_calendar_is_named() -> None:
    loaded = example("lavi-qtrac")
    assert loaded.contract.support is not None
    with pytest.raises(ValueError, match="'business'"):
        support_terms(loaded.contract.support, {})


def test_clock_words_map_to_clock_kinds() -> None:
    loaded = example("lavi-qtrac")
    assert loaded.contract.support is not None
    terms = support_terms(loaded.contract.support, contract_calendars(loaded))
    low = terms.severity("3")
    assert low is not None
    assert isinstance(low.resolution, ClockRule) and low.periodic_update is not None
    assert (low.resolution.kind, low.resolution.amount) == ("business_days", 5)
    assert (low.periodic_update.kind, low.periodic_update.amount) == ("elapsed", 2 * 86400)
