"""The statement's JSON form: the agreed keys, zone offsets on instants, minutes, nulls."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from accord.domain.availability import AvailabilityResult
from accord.domain.performance import PerformanceResult
from accord.domain.period import month
from accord.domain.remedies import (
    ClaimDeadline,
    CreditLine,
    CreditTotal,
    TerminationRule,
    termination_right,
)
from accord.domain.statement import Finding, Statement, statement_json
from accord.domain.support import ComplianceRow, TicketClock, TicketResult

NOVEMBER = month(2026, 11, "America/Los_Angeles")


def statement() -> Statement:
    due = datetime(2026, 11, 26, 4, tzinfo=UTC)
    downtime = (datetime(2026, 11, 3, 8, tzinfo=UTC), datetime(2026, 11, 4, 2, tzinfo=UTC))
    return Statement(
        contract="lavi-qtrac",
        version="1",
        plan=None,
        period=NOVEMBER,
        availability=(
            AvailabilityResult(
                objective="uptime",
                scope="store-12",
                period_seconds=NOVEMBER.seconds,
                downtime_seconds=64800,
                excluded_seconds=(("customer", 600),),
                no_data_seconds=90,
                achieved_percent=97.5,
                target_percent=99.0,
                downtime=(downtime,),
            ),
        ),
        benchmarks=frozenset(),
        credits=(CreditLine("uptime", "store-12", 20.0, 40.0, "USD"),),
        credit_total=CreditTotal(40.0, "USD", False, 40.0),
        credit_requires="claim",
        tickets=(
            TicketResult(
                id="T-1",
                opened_at=datetime(2026, 11, 25, 20, tzinfo=UTC),
                severity="1",
                severities=(),
                clocks=(TicketClock("first_response", "1", due, None, None),),
                findings=(),
                counted=True,
            ),
        ),
        compliance=(ComplianceRow("1", "first_response", 1, 0, 0, 0.0, 98.0, False),),
        performance=(PerformanceResult("latency", None, "mean < 50 ms", None, "ms", None, 0),),
        termination_right=termination_right(
            TerminationRule(missed_months=3, within_months=6), [("2026-11", True)]
        ),
        claim_deadlines=(ClaimDeadline(None, None, datetime(2026, 12, 31, 8, tzinfo=UTC)),),
        findings=(Finding("claim_required", "A credit is owed only if claimed."),),
    )


def test_the_json_has_every_agreed_key() -> None:
    data = statement_json(statement())
    assert set(data) >= {
        "contract", "version", "plan", "period", "availability", "credits", "credit_total",
        "support", "performance", "termination_right", "claim_deadline", "findings",
    }  # fmt: skip
    assert set(data["availability"][0]) >= {
        "objective", "scope", "target_percent", "achieved_percent", "downtime_minutes",
        "excluded_minutes", "no_data_minutes", "met",
    }  # fmt: skip
    assert set(data["credits"][0]) >= {"objective", "scope", "percent", "amount", "currency"}
    assert set(data["credit_total"]) >= {"amount", "currency", "capped"}
    assert set(data["support"]) == {"tickets", "compliance"}
    assert set(data["support"]["tickets"][0]) >= {"id", "severity", "metrics"}
    assert set(data["support"]["tickets"][0]["metrics"][0]) >= {
        "metric", "due", "achieved_at", "met",
    }  # fmt: skip
    assert set(data["support"]["compliance"][0]) >= {
        "severity", "metric", "tickets", "tickets_met", "achieved_percent",
        "required_percent", "compliant",
    }  # fmt: skip
    assert set(data["performance"][0]) >= {"objective", "achieved", "unit", "met"}
    json.dumps(data)  # plain JSON values only


def test_instants_carry_the_contract_zone_offset() -> None:
    data = statement_json(statement())
    assert data["period"] == {
        "label": "2026-11",
        "zone": "America/Los_Angeles",
        "start": "2026-11-01T00:00:00-07:00",  # still daylight time at midnight
        "end": "2026-12-01T00:00:00-08:00",
    }
    clock = data["support"]["tickets"][0]["metrics"][0]
    assert clock["due"] == "2026-11-25T20:00:00-08:00"
    assert data["claim_deadline"] == "2026-12-31T00:00:00-08:00"


def test_durations_are_minutes_and_unknowns_are_null() -> None:
    data = statement_json(statement())
    row = data["availability"][0]
    assert (row["downtime_minutes"], row["no_data_minutes"]) == (1080.0, 1.5)
    assert row["excluded_minutes"] == {"customer": 10.0}
    assert row["downtime"] == [
        {"start": "2026-11-03T00:00:00-08:00", "end": "2026-11-03T18:00:00-08:00"}
    ]
    assert data["support"]["tickets"][0]["metrics"][0]["achieved_at"] is None
    assert data["performance"][0]["achieved"] is None
    assert data["termination_right"]["granted"] is False
