"""A401 and A402: holiday rules that part from the holiday their name suggests.

The years are counted from 15 January 2026 (the fixture's day). November has five
Thursdays in 2028 (the 30th is the last), 2029 (29th), 2034 (30th) and 2035 (29th); in
2028 and 2034 November 30 is a Thursday, so the last Friday (the 24th) comes first.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from accord.problems import Problem

Lint = Callable[..., list[Problem]]


def calendar(zone: str, *holidays: str, country: str = "") -> str:
    rows = "".join(f"      - {{{h}}}\n" for h in holidays)
    extra = f"    country_holidays: [{{country: {country}}}]\n" if country else ""
    return (f"calendars:\n  office:\n    zone: {zone}\n    hours: {{mon-fri: ['06:00-18:00']}}\n"
            f"{extra}    holidays:\n{rows}")  # fmt: skip


@pytest.mark.parametrize(
    ("zone", "holiday", "years"),
    [
        ("America/Los_Angeles", "name: Thanksgiving Day, rule: last thursday of november",
         "in 4 of the next 10 years (2028: 30 Nov, official 23 Nov; 2029: 29 Nov, official "
         "22 Nov; 2034: 30 Nov, official 23 Nov and 1 more)"),
        ("America/New_York", "name: Thanksgiving, rule: last thursday of november",
         "in 4 of the next 10 years"),
        ("America/Los_Angeles", "name: Memorial Day, rule: first monday of may",
         "in 10 of the next 10 years"),
        ("America/Los_Angeles", "name: Thanksgiving Day, rule: fourth thursday of november",
         None),
        ("America/Los_Angeles", "name: Memorial Day, rule: last monday of may", None),
        ("America/Los_Angeles", "name: Christmas Day, date: '12-25'", None),
        ("America/Los_Angeles", "name: Company Picnic, rule: last friday of june", None),
        ("Etc/GMT", "name: Thanksgiving Day, rule: last thursday of november", None),
    ],
)  # fmt: skip
def test_it_compares_a_rule_with_the_official_holiday_of_its_name(
    lint: Lint, zone: str, holiday: str, years: str | None
) -> None:
    found = lint(calendar(zone, holiday), "A401")
    if years is None:
        assert found == []
    else:
        [finding] = found
        assert finding.path == "calendars.office.holidays.0.rule"
        assert "is not the official US" in finding.message
        assert years in finding.message


def test_a_fixed_date_that_is_not_the_official_day_is_found(lint: Lint) -> None:
    [finding] = lint(calendar("America/Chicago", "name: Independence Day, date: '07-05'"),
                     "A401")  # fmt: skip
    assert finding.path == "calendars.office.holidays.0.date"
    assert "2026: 05 Jul, official 04 Jul" in finding.message


def test_the_country_holidays_of_the_calendar_set_the_country(lint: Lint) -> None:
    # A zone with no country of its own, but US public holidays asked for.
    body = calendar("UTC", "name: Thanksgiving Day, rule: last thursday of november",
                    country="US")  # fmt: skip
    [finding] = lint(body, "A401")
    assert "official US 'Thanksgiving Day'" in finding.message


def test_a_holiday_shared_through_an_alias_is_reported_once(lint: Lint) -> None:
    body = (
        "calendars:\n  a:\n    zone: America/Los_Angeles\n    hours: always\n"
        "    holidays: &h\n      - {name: Thanksgiving Day, rule: last thursday of november}\n"
        "  b:\n    zone: America/Los_Angeles\n    hours: always\n    holidays: *h\n"
    )
    assert [(f.line, f.column) for f in lint(body, "A401")] == [(6, 40)]


@pytest.mark.parametrize(
    ("after", "wrong"),
    [
        ("name: Day after Thanksgiving, rule: last friday of november",
         "2028: 24 Nov, Thanksgiving Day 30 Nov; 2034: 24 Nov, Thanksgiving Day 30 Nov"),
        ("name: The day following Thanksgiving Day, rule: last friday of november", "2028"),
        ("name: Day after Thanksgiving, rule: day after Thanksgiving Day", None),
        ("name: Day after Thanksgiving, rule: fourth friday of november", "2028: 24 Nov"),
        ("name: Black Friday, rule: last friday of november", None),
    ],
)  # fmt: skip
def test_it_finds_a_day_after_that_is_not_always_the_day_after(
    lint: Lint, after: str, wrong: str | None
) -> None:
    body = calendar("America/Los_Angeles",
                    "name: Thanksgiving Day, rule: last thursday of november", after)  # fmt: skip
    found = lint(body, "A402")
    if wrong is None:
        assert found == []
    else:
        [finding] = found
        assert finding.path == "calendars.office.holidays.1.rule"
        assert "is not the day after 'Thanksgiving Day'" in finding.message or (
            "is not the day following 'Thanksgiving Day'" in finding.message
        )
        assert wrong in finding.message
