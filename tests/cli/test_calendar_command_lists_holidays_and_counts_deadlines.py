"""`accord calendar holidays` and `accord calendar due` on the Lavi example contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .runner import accord

LAVI = str(Path(__file__).parents[2] / "examples" / "contracts" / "lavi-qtrac.yaml")


# Lavi's holidays in 2029, read off a printed calendar: the last Thursday of November is
# the 29th (US Thanksgiving is the 22nd) and the last Friday the 30th.
LAVI_2029 = [
    ("2029-01-01", "New Year's Day"),
    ("2029-05-28", "Memorial Day"),
    ("2029-07-04", "Independence Day"),
    ("2029-09-03", "Labor Day"),
    ("2029-11-29", "Thanksgiving Day"),
    ("2029-11-30", "Day after Thanksgiving"),
    ("2029-12-25", "Christmas Day"),
]


def test_it_lists_the_holidays_of_a_year_as_a_table() -> None:
    run = accord("calendar", "holidays", LAVI, "--year", "2029")
    assert run.code == 0, run.err
    for day, name in LAVI_2029:
        assert day in run.out and name in run.out
    assert "2029-11-22" not in run.out
    assert run.out.index("2029-11-29") < run.out.index("2029-12-25")


def test_it_lists_the_holidays_as_json() -> None:
    run = accord("calendar", "holidays", LAVI, "--year", "2029", "--format", "json")
    assert run.code == 0, run.err
    assert json.loads(run.out) == [{"date": d, "name": n} for d, n in LAVI_2029]


def test_an_around_the_clock_calendar_has_no_holidays() -> None:
    run = accord("calendar", "holidays", LAVI, "--year", "2029", "--calendar", "always")
    assert run.code == 0, run.err
    assert "No holidays in 2029" in run.out


DUE = [
    # --from, --add, [--calendar], deadline (worked out by hand on Lavi's hours)
    # Wed 20:00 after closing: Thanksgiving and the day after closed, Mon 06:00 + 1h.
    ("2026-11-25T20:00-08:00", "1h", None, "2026-11-30T07:00:00-08:00"),
    ("2026-11-25T10:00-08:00", "30m", None, "2026-11-25T10:30:00-08:00"),
    # Wed 10:00 PST: 8h on Wed, 12h Mon, 12h Tue, 4h on Wed 2 Dec.
    ("2026-11-25T18:00Z", "36h", None, "2026-12-02T10:00:00-08:00"),
    # Fri 17:00 PST: 1h on Friday, clocks spring forward on Sunday, Mon 07:00 PDT.
    ("2026-03-06T17:00-08:00", "2h", None, "2026-03-09T07:00:00-07:00"),
    # From the next opening (Mon 30 Nov 06:00), five business dates later.
    ("2026-11-25T20:00-08:00", "5 business days", None, "2026-12-07T06:00:00-08:00"),
    # The phone line closes at 17:00: Wed 16:30 + 1h is Mon 06:30.
    ("2026-11-25T16:30-08:00", "1h", "phone", "2026-11-30T06:30:00-08:00"),
    ("2026-11-25T20:00-08:00", "4h", "always", "2026-11-26T00:00:00-08:00"),
]


@pytest.mark.parametrize(("start", "add", "calendar", "expected"), DUE)
def test_it_prints_the_deadline_with_the_zone_offset(
    start: str, add: str, calendar: str | None, expected: str
) -> None:
    extra = ["--calendar", calendar] if calendar else []
    run = accord("calendar", "due", LAVI, "--from", start, "--add", add, *extra)
    assert run.code == 0, run.err
    assert run.out.strip() == expected


BAD = [
    (["--from", "next tuesday", "--add", "1h"], "--from: expected an ISO 8601 instant"),
    (["--from", "2026-11-25T20:00", "--add", "1h"], "give the UTC offset"),
    (["--from", "2026-13-25T20:00Z", "--add", "1h"], "--from"),
    (["--from", "2026-11-25T20:00Z", "--add", "soon"], "--add: expected a duration"),
    (["--from", "2026-11-25T20:00Z", "--add", "1.5 days"], "whole days"),
    (["--from", "2026-11-25T20:00Z", "--add", "1h", "--calendar", "nope"], "unknown calendar"),
]


@pytest.mark.parametrize(("args", "message"), BAD)
def test_bad_input_is_one_line_and_exit_status_1(args: list[str], message: str) -> None:
    run = accord("calendar", "due", LAVI, *args)
    assert run.code == 1
    assert message in run.err
    assert len(run.err.strip().splitlines()) == 1
    assert "Traceback" not in run.err + run.out


def test_an_unknown_calendar_lists_the_ones_there_are() -> None:
    run = accord("calendar", "holidays", LAVI, "--calendar", "nope")
    assert run.code == 1
    assert "business, phone, always" in run.err


def test_a_missing_contract_file_is_one_line(tmp_path: Path) -> None:
    run = accord("calendar", "holidays", str(tmp_path / "missing.yaml"))
    assert run.code == 1
    assert "missing.yaml" in run.err and len(run.err.strip().splitlines()) == 1


def test_a_contract_without_a_support_calendar_asks_for_one(tmp_path: Path) -> None:
    contract = tmp_path / "two.yaml"
    contract.write_text(
        "id: demo\ntitle: Demo\nprovider: Demo Ltd\nversion: '1.0'\n"
        "effective_from: 2026-01-01\nzone: UTC\n"
        "calendars:\n  a: {zone: UTC, hours: always}\n  b: {zone: UTC, hours: always}\n",
        encoding="utf-8",
    )
    run = accord("calendar", "due", str(contract), "--from", "2026-11-25T20:00Z", "--add", "1h")
    assert run.code == 1
    assert "choose one with --calendar (a, b)" in run.err
