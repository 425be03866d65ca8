"""`accord contract explain` says the promises of a contract in plain words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

LAVI_LIKE = """\
zone: America/Los_Angeles
calendars:
  business:
    zone: America/Los_Angeles
    description: Business Hours
    hours: {mon-fri: ['06:00-18:00']}
    holidays:
      - {name: Thanksgiving Day, rule: last thursday of november}
      - {name: Christmas Day, date: '12-25'}
  phones: {zone: America/Los_Angeles, hours: {mon-fri: ['06:00-17:00']}}
  always: {zone: America/Los_Angeles, hours: always}
availability:
  - id: queuing
    target: 99
    scope: location
    credit: {kind: linear, percent: 10, per: 1, of: downtime}
credits:
  basis: scope_fee
  cap_percent: 100
  requires: claim
  claim: {within: 30 days, after: period_end, channel: e-mail}
support:
  calendar: business
  severities:
    1:
      name: High
      first_response: {within: 30m, clock: calendar}
      resolution: {within: 5 business days}
    2:
      name: Normal
      first_response: {within: 5-15 min, bound: upper, clock: business}
      resolution: {within: 1h, clock: business, calendar: phones}
    3:
      name: Urgent
      coverage: always
      first_response: {within: 2h}
"""


def explain(accord: Callable[..., Any], path: Path, *args: str) -> str:
    run = accord("contract", "explain", path, *args)
    assert run.code == 0, run.err
    return " ".join(str(run.out).split())  # one line: Rich wraps long cells


@pytest.mark.parametrize(
    "fact",
    [
        "version 1.0",
        "from 2026-01-01 (no end date)",
        "calendar months in America/Los_Angeles",
        "mon-fri: 06:00-18:00",
        "Thanksgiving Day: last Thursday of November",
        "Christmas Day: 25 December",
        "99 % per calendar month, per location",
        "10 % of the location's monthly fee for every full 1 % of downtime, at most 100 %",
        "given only on a claim",
        "within 30 days of the end of the month, via e-mail",
        "30 minutes, elapsed time",
        "5 business days",
        "5 to 15 minutes (the promise: 15 minutes), business time │",
        "2 hours, around the clock",
        "1 hour, business time of 'phones'",
    ],
)
def test_it_states_each_key_fact(
    contract_file: Callable[..., Path], accord: Callable[..., Any], fact: str
) -> None:
    assert fact in explain(accord, contract_file(LAVI_LIKE))


def test_it_says_when_the_way_of_measuring_is_not_stated(
    contract_file: Callable[..., Path], accord: Callable[..., Any]
) -> None:
    assert "Measured by: not stated" in explain(accord, contract_file(LAVI_LIKE))


@pytest.mark.parametrize(
    ("credit", "words"),
    [
        ("{kind: flat, percent: 15}", "15 % of the monthly fee for a month that misses the "
                                      "objective"),
        ("{kind: linear, percent: 10}", "10 % of the monthly fee for every full 1 % below "
                                        "the objective"),
        ("{kind: linear, percent: 5, per: 0.5, rounding: pro_rata}",
         "5 % of the monthly fee per 0.5 % below the objective, in proportion"),
        ("{kind: proportional, multiplier: 2}",
         "the share of the judged time that was down (100 % minus the achieved "
         "availability) x 2, as a percent of the monthly fee"),
    ],
)  # fmt: skip
def test_it_puts_each_kind_of_credit_in_words(
    contract_file: Callable[..., Path], accord: Callable[..., Any], credit: str, words: str
) -> None:
    body = f"availability:\n  - id: up\n    target: 99.9\n    credit: {credit}\n"
    assert words in explain(accord, contract_file(body))


def test_it_reads_a_tier_table_in_words(
    contract_file: Callable[..., Path], accord: Callable[..., Any]
) -> None:
    body = (
        "availability:\n  - id: up\n    target: 99.9\n    credit:\n      kind: tiered\n"
        "      tiers:\n        - {range: '[99.4, 99.5)', percent: 3}\n"
        "        - {range: '(, 99.4)', percent: 50}\n"
        "credits: {fee_kind: monthly subscription, cap_percent: 50}\n"
    )
    text = explain(accord, contract_file(body))
    assert "[99.4, 99.5) from 99.4 % below 99.5 % │ 3 % of the monthly subscription" in text
    assert "(, 99.4) below 99.4 % │ 50 % of the monthly subscription" in text


def test_it_explains_maintenance_and_exclusions(
    contract_file: Callable[..., Path], accord: Callable[..., Any]
) -> None:
    body = (
        "maintenance:\n  windows: ['fri 18:00 - mon 03:00']\n  monthly_cap: 24h\n"
        "  notice: 48h\n  recurring: [{on: third saturday of month, at: '18:00', lasts: 17h}]\n"
        "exclusions:\n  causes: [force_majeure, attack]\n  introductory_period: 30 days\n"
        "  conditions: [{id: rate-limit, description: The account has a rate limit.}]\n"
    )
    text = explain(accord, contract_file(body))
    for fact in [
        "Allowed windows: fri 18:00 - mon 03:00 (Europe/Paris)",
        "Recurring slots: third saturday of month at 18:00, for 17 hours",
        "Notice: 48 hours ahead",
        "Cap: 24 hours a month",
        "Beyond the cap: counts as downtime",
        "Downtime caused by: force majeure, attacks (e.g. denial of service)",
        "the first 30 days after the first order",
        "Void when (rate-limit): The account has a rate limit.",
    ]:
        assert fact in text


def test_it_explains_performance_and_data(
    contract_file: Callable[..., Path], accord: Callable[..., Any]
) -> None:
    body = (
        "performance:\n  - {id: speed, metric: response_ms, unit: ms, statistic: mean, "
        "at_most: 15}\n  - {id: connect, metric: connect_ms, unit: ms, bands: "
        "[{under: 1000, percent: 80}, {under: 4000, percent: 100}]}\n"
        "data: {backup_every: 1 day, backup_retention: 30 days, "
        "anonymize_after_termination: 90 days}\n"
    )
    text = explain(accord, contract_file(body))
    assert "mean of response_ms at most 15 ms" in text
    assert "under 1000 ms for 80 % of samples; under 4000 ms for 100 % of samples" in text
    assert "Backups: every 1 day" in text
    assert "Personal data: anonymized 90 days after termination" in text


def test_a_bad_file_is_reported_as_by_check(
    contract_file: Callable[..., Path], accord: Callable[..., Any]
) -> None:
    path = contract_file("zone: Mars/Olympus\n")
    run = accord("contract", "explain", path)
    assert (run.code, run.out) == (1, "")
    assert run.err.startswith(f"{path}:1:7: zone: unknown time zone")


EXAMPLES = sorted((Path(__file__).parents[2] / "examples" / "contracts").glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_it_explains_each_example(accord: Callable[..., Any], path: Path) -> None:
    text = explain(accord, path, "--year", "2029")
    assert "Provider:" in text
    assert "Closed in 2029" in text or "Calendars" not in text


def test_it_lists_the_days_a_calendar_closes_in_the_year_asked(
    contract_file: Callable[..., Path], accord: Callable[..., Any]
) -> None:
    text = explain(accord, contract_file(LAVI_LIKE), "--year", "2029")
    assert "Closed in 2029" in text
    # the last Thursday of November 2029 is the 29th, as the contract's rule says
    assert "Thu 29 Nov: Thanksgiving Day" in text
    assert "Tue 25 Dec: Christmas Day" in text


def test_business_days_name_their_own_clock(
    contract_file: Callable[..., Path], accord: Callable[..., Any]
) -> None:
    body = LAVI_LIKE + (
        "  escalation:\n    - name: Manager\n      contact: ops@x.test\n"
        "      respond_within: {within: 1 business day, clock: business}\n"
    )
    run = accord("contract", "explain", contract_file(body))
    assert "Escalation 1: Manager (ops@x.test); responds within 1 business day\n" in run.out
