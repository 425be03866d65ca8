"""`check` builds the calendars: faults only the calendar engine sees are reported too."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

OFFICE = "calendars:\n  office:\n    zone: America/Los_Angeles\n    hours: always\n"


@pytest.mark.parametrize(
    ("extra", "where", "path", "gist"),
    [
        ("    holidays:\n      - {name: Thanksgiving Day, rule: fourth thursday of november}\n"
         "      - {name: Day after, rule: day after Thanksgivin Day}\n",
         "7:33", "calendars.office.holidays.1.rule",
         "no holiday named 'Thanksgivin Day' to count from; did you mean 'Thanksgiving Day'?"),
        ("    country_holidays: [{country: UX}]\n", "5:34",
         "calendars.office.country_holidays.0.country",
         "no public holidays are known for country 'UX'"),
        ("    country_holidays: [{country: US, subdivision: CX}]\n", "5:51",
         "calendars.office.country_holidays.0.subdivision", "US has no subdivision 'CX'"),
        ("    ical: [closed.ics]\n", "5:12", "calendars.office.ical.0",
         "cannot read the iCalendar file"),
    ],
)  # fmt: skip
def test_it_reports_calendars_that_cannot_be_built(
    contract_file: Callable[..., Path],
    accord: Callable[..., Any],
    extra: str,
    where: str,
    path: str,
    gist: str,
) -> None:
    file = contract_file(OFFICE + extra)
    run = accord("contract", "check", file)
    assert run.code == 1
    [line] = run.err.splitlines()
    assert line.startswith(f"{file}:{where}: {path}: ")
    assert gist in line


def test_it_reports_a_timed_event_in_an_icalendar_file(
    contract_file: Callable[..., Path], accord: Callable[..., Any]
) -> None:
    file = contract_file(OFFICE + "    ical: [closed.ics]\n")
    (file.parent / "closed.ics").write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
        "SUMMARY:Inventory\r\nDTSTART:20260301T090000Z\r\nDTEND:20260301T120000Z\r\n"
        "UID:1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    run = accord("contract", "check", file)
    assert run.code == 1
    assert "calendars.office.ical.0: " in run.err
    assert "time of day" in run.err


def test_a_good_icalendar_file_passes(
    contract_file: Callable[..., Path], accord: Callable[..., Any]
) -> None:
    file = contract_file(OFFICE + "    ical: [closed.ics]\n")
    (file.parent / "closed.ics").write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
        "SUMMARY:Inventory\r\nDTSTART;VALUE=DATE:20260301\r\nUID:1\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )
    assert accord("contract", "check", file).code == 0
