"""Letsignit (L1-L10): the facts of the SLA, read back from the shipped contract."""

from __future__ import annotations

import pytest

from accord.contracts.model import Channel, Contract, TieredCredit
from accord.domain.remedies import availability_credit
from accord.services.terms.remedies import credit_rule

from .seed_examples import contract

MON_FRI = range(5)


@pytest.fixture
def letsignit() -> Contract:
    return contract("letsignit.yaml")


def test_it_counts_months_and_support_hours_in_paris(letsignit: Contract) -> None:
    assert letsignit.zone == "Europe/Paris"
    assert {c.zone for c in letsignit.calendars.values()} == {"Europe/Paris"}


def test_support_is_open_monday_to_friday_from_8_to_23(letsignit: Contract) -> None:
    assert letsignit.support is not None
    week = letsignit.calendars[letsignit.support.calendar].week
    assert week == tuple(((480, 1380),) if day in MON_FRI else () for day in range(7))


def test_the_emergency_line_covers_exactly_the_hours_support_is_closed(
    letsignit: Contract,
) -> None:
    assert letsignit.support is not None
    line = _channel(letsignit, "emergency_line")
    assert line.calendar is not None
    open_week = letsignit.calendars[letsignit.support.calendar].week
    after_week = letsignit.calendars[line.calendar].week
    for day in range(7):
        minutes = [_minutes(open_week[day]), _minutes(after_week[day])]
        assert minutes[0] | minutes[1] == set(range(1440))
        assert not minutes[0] & minutes[1]


def test_the_emergency_line_is_for_subscribers_who_cannot_log_in_or_access(
    letsignit: Contract,
) -> None:
    line = _channel(letsignit, "emergency_line")
    assert line.eligible == ["subscribers"]
    assert line.topics == ["cannot log in to the service", "cannot access files or applications"]


def test_a_manager_responds_to_an_escalation_within_one_business_day(
    letsignit: Contract,
) -> None:
    assert letsignit.support is not None
    (manager,) = letsignit.support.escalation
    assert manager.respond_within is not None
    assert manager.respond_within.within.text == "1 business day"
    assert manager.respond_within.clock == "business"


def test_the_99_95_percent_server_figure_is_a_benchmark_without_remedy(
    letsignit: Contract,
) -> None:
    benchmark = letsignit.availability[0]
    assert (benchmark.target, benchmark.benchmark_only, benchmark.credit) == (99.95, True, None)


def test_application_servers_are_checked_every_5_minutes_with_a_30_second_threshold(
    letsignit: Contract,
) -> None:
    servers = letsignit.availability[1]
    assert servers.target == 99.0
    m = servers.measurement
    assert m is not None
    assert (m.probe, str(m.interval), str(m.timeout), str(m.minimum_outage)) == (
        "http_headers",
        "5m",
        "30s",
        "5m",
    )
    assert m.remediation == [
        "restart_services",
        "reboot",
        "remove_from_load_balancer",
        "escalate_to_support",
    ]
    assert m.opens_incident


@pytest.mark.parametrize(
    ("achieved", "percent"),
    [(99.95, 0), (99.9, 0), (99.5, 0), (99.45, 3), (99.4, 3), (99.35, 6), (99.2, 12),
     (99.1, 25), (99.05, 50), (99.0, 50), (95.0, 50)],
)  # fmt: skip
def test_the_penalty_is_the_tier_of_the_achieved_percent(
    letsignit: Contract, achieved: float, percent: float
) -> None:
    servers = letsignit.availability[1]
    assert servers.credit is not None
    earned = availability_credit(credit_rule(servers.credit), achieved, servers.target_for(None))
    assert earned == percent


def test_the_table_stays_silent_above_99_9_percent(letsignit: Contract) -> None:
    credit = letsignit.availability[1].credit
    assert isinstance(credit, TieredCredit)
    assert not any(t.range.contains(99.92) for t in credit.tiers)
    assert all(sum(t.range.contains(p / 100) for t in credit.tiers) == 1 for p in range(9990))


def test_penalties_are_capped_at_half_the_monthly_subscription(letsignit: Contract) -> None:
    assert letsignit.credits is not None
    assert (letsignit.credits.basis, letsignit.credits.cap_percent) == ("monthly_fee", 50.0)


def test_maintenance_is_off_peak_every_third_saturday_and_announced(
    letsignit: Contract,
) -> None:
    m = letsignit.maintenance
    assert m is not None
    assert m.allowed_week == tuple(((0, 660), (1080, 1440)) for _ in range(7))
    (slot,) = m.recurring
    assert (slot.rule.n, slot.rule.weekday, slot.at, str(slot.lasts)) == (3, 5, "18:00", "17h")
    assert m.as_needed
    assert m.announce == ["email", "status_page"]


def test_network_trouble_beyond_its_control_and_beta_features_are_excluded(
    letsignit: Contract,
) -> None:
    assert set(letsignit.exclusions.causes) == {"third_party", "attack", "customer"}
    assert "features identified as beta" in letsignit.exclusions.out_of_scope


def test_monitoring_opens_the_incident_ticket(letsignit: Contract) -> None:
    assert letsignit.incidents is not None
    assert letsignit.incidents.opened_from_monitoring


def test_data_is_backed_up_daily_and_kept_90_days_after_termination(
    letsignit: Contract,
) -> None:
    d = letsignit.data
    assert d is not None
    assert [str(d.backup_every), str(d.backup_retention)] == ["1 day", "30 days"]
    assert [
        str(d.export_after_termination),
        str(d.physical_media_within),
        str(d.anonymize_after_termination),
    ] == ["90 days", "15 days", "90 days"]


def _channel(c: Contract, kind: str) -> Channel:
    assert c.support is not None
    (found,) = [ch for ch in c.support.channels if ch.kind == kind]
    return found


def _minutes(ranges: tuple[tuple[int, int], ...]) -> set[int]:
    return {m for start, end in ranges for m in range(start, end)}
