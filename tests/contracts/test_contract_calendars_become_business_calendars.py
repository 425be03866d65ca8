"""Contract calendars become the calendar engine's values: hours, holidays, iCalendar files."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from accord.contracts.calendars import (
    CalendarError,
    contract_calendars,
    default_calendar_name,
)
from accord.contracts.loader import load_contract
from accord.domain.calendars import (
    BusinessCalendar,
    CountrySet,
    ExplicitDates,
    FixedDate,
    Interval,
    NthWeekday,
    Relative,
    holidays_in_year,
)

EXAMPLES = Path(__file__).parents[2] / "examples" / "contracts"
WriteContract = Callable[..., Path]


def _only_calendar(path: Path) -> BusinessCalendar:
    (calendar,) = contract_calendars(load_contract(path)).values()
    return calendar


def _ics(*events: str) -> str:
    body = "".join(f"BEGIN:VEVENT\r\n{event.strip()}\r\nEND:VEVENT\r\n" for event in events)
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//tests//EN\r\n{body}END:VCALENDAR\r\n"


def _event(lines: str) -> str:
    return "\r\n".join(line.strip() for line in lines.strip().splitlines())


def test_the_lavi_calendar_closes_the_last_thursday_of_november() -> None:
    business = contract_calendars(load_contract(EXAMPLES / "lavi-qtrac.yaml"))["business"]
    assert business.zone == "America/Los_Angeles"
    assert business.week.days == ((Interval(360, 1080),),) * 5 + ((), ())
    closed = [h.date for h in holidays_in_year(business, 2029)]
    assert date(2029, 11, 29) in closed and date(2029, 11, 22) not in closed


def test_hours_past_midnight_continue_on_the_next_day(contract_file: WriteContract) -> None:
    night = 'calendars:\n  night:\n    zone: UTC\n    hours:\n      mon-fri: ["22:00-06:00"]\n'
    cal = _only_calendar(contract_file(night))
    evening, morning = Interval(22 * 60, 1440), Interval(0, 6 * 60)
    assert cal.week.days == (
        (evening,),
        (morning, evening),
        (morning, evening),
        (morning, evening),
        (morning, evening),
        (morning,),
        (),
    )


def test_each_kind_of_holiday_becomes_its_rule(contract_file: WriteContract) -> None:
    cal = _only_calendar(
        contract_file(
            """calendars:
  office:
    zone: Europe/Paris
    hours: always
    holidays:
      - {name: Christmas Day, date: "12-25"}
      - {name: Christmas Eve 2026, date: "2026-12-24"}
      - {name: Thanksgiving, rule: last thursday of november}
      - {name: Bridge, rule: day after Thanksgiving}
    country_holidays:
      - {country: FR}
"""
        )
    )
    assert cal.holidays == (
        FixedDate("Christmas Day", 12, 25),
        ExplicitDates("Christmas Eve 2026", (date(2026, 12, 24),)),
        NthWeekday("Thanksgiving", 11, 3, -1),
        Relative("Bridge", "Thanksgiving", 1),
        CountrySet("FR", None),
    )


ICAL_CONTRACT = """calendars:
  office:
    zone: Europe/Paris
    hours:
      mon-fri: ["09:00-17:00"]
    ical: [closed/days.ics]
"""


def _with_ical(contract_file: WriteContract, ics: str) -> Path:
    path = contract_file(ICAL_CONTRACT)
    (path.parent / "closed").mkdir(exist_ok=True)
    (path.parent / "closed" / "days.ics").write_text(ics, encoding="utf-8")
    return path


def test_an_icalendar_file_beside_the_contract_closes_its_days(
    contract_file: WriteContract,
) -> None:
    ics = _ics(
        _event("""
            UID:a
            SUMMARY:Winter closure
            DTSTART;VALUE=DATE:20261224
            DTEND;VALUE=DATE:20261227
        """),
        _event("""
            UID:b
            SUMMARY:Founders' day
            DTSTART;VALUE=DATE:20260515
            RRULE:FREQ=YEARLY;COUNT=3
            EXDATE;VALUE=DATE:20270515
        """),
        _event("""
            UID:c
            SUMMARY:Inventory
            DTSTART;VALUE=DATE:20260302
        """),
    )
    cal = _only_calendar(_with_ical(contract_file, ics))
    assert [(h.date, h.name) for h in holidays_in_year(cal, 2026)] == [
        (date(2026, 3, 2), "Inventory"),
        (date(2026, 5, 15), "Founders' day"),
        (date(2026, 12, 24), "Winter closure"),
        (date(2026, 12, 25), "Winter closure"),
        (date(2026, 12, 26), "Winter closure"),
    ]
    assert holidays_in_year(cal, 2027) == []  # the 2027 occurrence is excluded
    assert [h.date for h in holidays_in_year(cal, 2028)] == [date(2028, 5, 15)]


@pytest.mark.parametrize(
    ("ics", "message"),
    [
        (
            _ics("UID:t\r\nSUMMARY:Offsite\r\nDTSTART:20261224T090000Z\r\nDTEND:20261224T120000Z"),
            "time of day",
        ),
        (_ics("UID:n\r\nSUMMARY:No start"), "no DTSTART"),
        ("this is not a calendar", "not an iCalendar file"),
    ],
)
def test_a_bad_icalendar_file_is_one_clear_error(
    contract_file: WriteContract, ics: str, message: str
) -> None:
    with pytest.raises(CalendarError, match=message) as error:
        contract_calendars(load_contract(_with_ical(contract_file, ics)))
    assert "days.ics" in str(error.value) and "\n" not in str(error.value)


def test_a_missing_icalendar_file_names_the_file(contract_file: WriteContract) -> None:
    with pytest.raises(CalendarError, match=r"days\.ics: cannot read"):
        contract_calendars(load_contract(contract_file(ICAL_CONTRACT)))


def test_the_default_calendar_is_the_support_calendar() -> None:
    contract = load_contract(EXAMPLES / "lavi-qtrac.yaml").contract
    assert default_calendar_name(contract) == "business"


def test_without_support_the_only_calendar_is_the_default(contract_file: WriteContract) -> None:
    one = "calendars:\n  office: {zone: UTC, hours: always}\n"
    two = one + "  other: {zone: UTC, hours: always}\n"
    assert default_calendar_name(load_contract(contract_file(one)).contract) == "office"
    assert default_calendar_name(load_contract(contract_file(two)).contract) is None
