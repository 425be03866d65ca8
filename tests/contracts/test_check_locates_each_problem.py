"""`accord contract check` names the line, column, key path and what is wrong."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

SUPPORT = """\
calendars:
  office:
    zone: Europe/Paris
    hours:
      mon-fri: ["09:00-17:00"]
support:
  calendar: office
  severities:
    1:
      name: Critical
      first_response: {within: 4h}
"""

# (body, "line:column", key path, words the message must hold)
CASES = [
    pytest.param(
        "availability:\n  - id: up\n    target: [99]\n",
        "3:13", "availability.0.target", ["expected a percent", "[99]"],
        id="a list where a percent goes",
    ),
    pytest.param(
        "title: true\n", "1:8", "title", ["expected text", "True"],
        id="a boolean where text goes",
    ),
    pytest.param(
        "plans: [basic, pro]\n", "1:8", "plans", ["expected a mapping", "'basic'"],
        id="a list where a mapping goes",
    ),
    pytest.param(
        "availability:\n  - id: up\n    target: 99\n    scop: service\n",
        "4:5", "availability.0.scop", ["unknown key 'scop'", "did you mean 'scope'?"],
        id="an unknown key close to a known one",
    ),
    pytest.param(
        "xyzzy: blue\n", "1:1", "xyzzy", ["unknown key 'xyzzy'", "known keys:", "zone"],
        id="an unknown key close to none",
    ),
    pytest.param(
        "maintenance:\n  monthly_cap: 30 mins?\n",
        "2:16", "maintenance.monthly_cap", ["expected a duration", "'30 mins?'"],
        id="a duration with a stray character",
    ),
    pytest.param(
        "maintenance:\n  monthly_cap: 6 fortnights\n",
        "2:16", "maintenance.monthly_cap", ["unknown unit 'fortnights'"],
        id="a duration in an unknown unit",
    ),
    pytest.param(
        "maintenance:\n  monthly_cap: 6\n",
        "2:16", "maintenance.monthly_cap", ["with a unit", "got 6"],
        id="a duration without a unit",
    ),
    pytest.param(
        "zone: Europe/Pariss\n", "1:7", "zone",
        ["unknown time zone 'Europe/Pariss'", "did you mean 'Europe/Paris'?"],
        id="a misspelt zone",
    ),
    pytest.param(
        "zone: Mars/Olympus\n", "1:7", "zone", ["unknown time zone 'Mars/Olympus'"],
        id="a zone that does not exist",
    ),
    pytest.param(
        "calendars:\n  office:\n    zone: UTC\n    hours:\n      mon-fri: ['09:00-25:00']\n",
        "5:17", "calendars.office.hours.mon-fri.0", ["time of day", "'25:00'"],
        id="a time past 24:00",
    ),
    pytest.param(
        "calendars:\n  office:\n    zone: UTC\n    hours:\n      mon-fri: ['09:00-09:00']\n",
        "5:17", "calendars.office.hours.mon-fri.0", ["'09:00-09:00' is empty"],
        id="an empty time range",
    ),
    pytest.param(
        "calendars:\n  office:\n    zone: UTC\n    hours:\n      mon-fry: ['09:00-17:00']\n",
        "5:7", "calendars.office.hours", ["weekday", "'fry'"],
        id="a misspelt weekday",
    ),
    pytest.param(
        "calendars:\n  office:\n    zone: UTC\n    hours: allways\n",
        "4:12", "calendars.office.hours", ["'always' or a mapping", "did you mean 'always'?"],
        id="a misspelt 'always'",
    ),
    pytest.param(
        "availability:\n  - id: up\n    target: 99\n    credit:\n      kind: tiered\n"
        "      tiers:\n        - {range: '[99.5, 99', percent: 3}\n",
        "7:19", "availability.0.credit.tiers.0.range", ["explicit bounds", "'[99.5, 99'"],
        id="a tier range without its closing bracket",
    ),
    pytest.param(
        "availability:\n  - id: up\n    target: 99\n    credit:\n      kind: tiered\n"
        "      tiers:\n        - {range: '[99.5, 99.4)', percent: 3}\n",
        "7:19", "availability.0.credit.tiers.0.range", ["runs backwards"],
        id="a tier range that runs backwards",
    ),
    pytest.param(
        "availability:\n  - id: up\n    target: 99\n    credit:\n      kind: tiered\n"
        "      tiers:\n        - {range: '[99.5, 199]', percent: 3}\n",
        "7:19", "availability.0.credit.tiers.0.range", ["between 0 and 100"],
        id="a tier range beyond 100 percent",
    ),
    pytest.param(
        "availability:\n  - id: up\n    target: 99\n    credit: {kind: liner, percent: 10}\n",
        "4:20", "availability.0.credit.kind", ["unknown kind 'liner'", "did you mean 'linear'?"],
        id="a misspelt credit kind",
    ),
    pytest.param(
        SUPPORT.replace("calendar: office", "calendar: ofice"),
        "7:13", "support.calendar", ["no calendar named 'ofice'", "did you mean 'office'?"],
        id="a dangling calendar reference",
    ),
    pytest.param(
        SUPPORT + "      downgrade_on_workaround: '2'\n",
        "12:32", "support.severities.1.downgrade_on_workaround",
        ["no severity named '2'", "defined: '1'"],
        id="a dangling severity reference",
    ),
    pytest.param(
        "plans:\n  standard: {}\navailability:\n  - id: up\n    target: {standrd: 99}\n",
        "5:23", "availability.0.target.standrd",
        ["no plan named 'standrd'", "did you mean 'standard'?"],
        id="a dangling plan reference",
    ),
    pytest.param(
        "availability:\n  - id: up\n    target: 99\n  - id: up\n    target: 98\n",
        "4:9", "availability.1.id", ["'up' is used twice"],
        id="two objectives with one id",
    ),
    pytest.param(
        "availability:\n  - id: up\n    target: 99\n    target: 98\n",
        "4:5", "availability.0.target", ["given twice"],
        id="a duplicate key",
    ),
    pytest.param(
        "effective_from: 2026-02-30\n", "1:17", "effective_from",
        ["expected a date", "'2026-02-30'"],
        id="a day that February does not have",
    ),
    pytest.param(
        "effective_from: 2026-03-01\neffective_until: 2026-01-01\n",
        "2:18", "effective_until", ["must come after effective_from"],
        id="an end before the start",
    ),
    pytest.param(
        "calendars:\n  office:\n    zone: UTC\n    hours: always\n"
        "    holidays:\n      - {name: Xmas, date: '12-32'}\n",
        "6:28", "calendars.office.holidays.0.date", ["out of range", "'12-32'"],
        id="a holiday on a day that does not exist",
    ),
    pytest.param(
        "calendars:\n  office:\n    zone: UTC\n    hours: always\n"
        "    holidays:\n      - {name: Memorial Day, rule: last mondy of may}\n",
        "6:36", "calendars.office.holidays.0.rule", ["weekday", "'mondy'"],
        id="a holiday rule with a misspelt weekday",
    ),
    pytest.param(
        "calendars:\n  office:\n    zone: UTC\n    hours: always\n"
        "    holidays:\n      - {name: Xmas}\n",
        "6:9", "calendars.office.holidays.0", ["exactly one of 'date' or 'rule'"],
        id="a holiday with neither date nor rule",
    ),
    pytest.param(
        "calendars:\n  office:\n    zone: UTC\n    hours: always\n"
        "    country_holidays: [{country: us}]\n",
        "5:34", "calendars.office.country_holidays.0.country", ["country code", "'us'"],
        id="a country code in lower case",
    ),
    pytest.param(
        SUPPORT.replace("within: 4h", "within: 15-5 min"),
        "11:32", "support.severities.1.first_response.within", ["runs backwards"],
        id="a duration range that runs backwards",
    ),
    pytest.param(
        SUPPORT.replace("within: 4h", "within: 1.5 business days"),
        "11:32", "support.severities.1.first_response.within", ["whole days"],
        id="half a business day",
    ),
    pytest.param(
        "credits:\n  claim: {within: 30 days, after: month-end}\n",
        "2:35", "credits.claim.after", ["expected 'failure' or 'period_end'", "'month-end'"],
        id="a word outside the allowed ones",
    ),
    pytest.param(
        "id: Lavi Qtrac\n", "1:5", "id", ["lower-case letters", "'Lavi Qtrac'"],
        id="an id with capitals and spaces",
    ),
    pytest.param(
        "maintenance:\n  recurring: [{on: third saturday of may, at: '18:00', lasts: 17h}]\n",
        "2:20", "maintenance.recurring.0.on", ["names no month"],
        id="a recurring slot tied to one month",
    ),
    pytest.param(
        "maintenance:\n  windows: ['fri 18:00 - mun 03:00']\n",
        "2:13", "maintenance.windows.0", ["weekday", "'mun'"],
        id="a maintenance window with a misspelt weekday",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("body", "where", "path", "gist"), CASES)
def test_it_names_the_place_and_the_fault(
    contract_file: Callable[..., Path],
    accord: Callable[..., Any],
    body: str,
    where: str,
    path: str,
    gist: list[str],
) -> None:
    file = contract_file(body)
    run = accord("contract", "check", file)
    assert run.code == 1
    assert run.out == ""
    lines = run.err.splitlines()
    prefix = f"{file}:{where}: {path}: "
    matching = [line for line in lines if line.startswith(prefix)]
    assert matching, f"no line starts with {prefix!r}:\n{run.err}"
    for words in gist:
        assert words in matching[0]
    assert len(lines) == 1, run.err


def test_it_names_a_missing_required_key(tmp_path: Path, accord: Callable[..., Any]) -> None:
    file = tmp_path / "short.yaml"
    file.write_text("id: demo\ntitle: Demo\nversion: '1'\neffective_from: 2026-01-01\n")
    run = accord("contract", "check", file)
    assert run.code == 1
    assert run.err.splitlines() == [
        f"{file}:1:1: provider: missing required key 'provider'",
        f"{file}:1:1: zone: missing required key 'zone'",
    ]
