"""The whole check of a contract file: the model, then what only the calendars can tell.

`load_contract` validates the file against the model. A contract can pass that and still
not run: a holiday counted from a holiday the calendar does not have, a country the
holiday data does not know, an iCalendar file that is missing or holds timed events.
Those come out when the calendars are built, and are reported here at the key that
causes them, like any other problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from accord.contracts.calendars import business_calendar, read_closed_days
from accord.contracts.loader import ContractInvalid, LoadedContract, load_contract
from accord.contracts.model import Calendar
from accord.contracts.source import PathKey, shorten
from accord.domain.calendars import CountrySet
from accord.files import ReferenceRefused, referenced
from accord.problems import Problem, did_you_mean

__all__ = ["check_contract", "calendar_problems"]


def check_contract(
    path: Path | str, shown_as: str | None = None, outside_allowed: bool = False
) -> LoadedContract:
    """The loaded contract, or ContractInvalid with every problem found.

    iCalendar files are read inside the contract's folder unless `outside_allowed`.
    """
    loaded = load_contract(path, shown_as, outside_allowed)
    problems = list(calendar_problems(loaded))
    if problems:
        raise ContractInvalid(problems)
    return loaded


def calendar_problems(loaded: LoadedContract) -> Iterator[Problem]:
    """Every calendar that cannot be built, at the key that stops it."""
    for name, calendar in loaded.contract.calendars.items():
        found = list(_calendar(name, calendar, loaded.path, loaded.outside_allowed))
        for path, message in found:
            yield loaded.document.problem(path, message)


def _calendar(
    name: str, calendar: Calendar, contract: Path, outside_allowed: bool
) -> Iterator[tuple[PathKey, str]]:
    base: PathKey = ("calendars", name)
    broken = False
    for i, country in enumerate(calendar.country_holidays):
        try:
            CountrySet(country.country, country.subdivision)
        except ValueError:
            broken = True
            yield _country_problem((*base, "country_holidays", i), country.country,
                                   country.subdivision)  # fmt: skip
    for i, file in enumerate(calendar.ical):
        try:
            read_closed_days(referenced(contract.parent, file, outside_allowed))
        except ReferenceRefused as error:
            broken = True
            yield (*base, "ical", i), f"{shorten(file)!r} is {error}"
        except ValueError as error:
            broken = True
            yield (*base, "ical", i), str(error)
    if broken:
        return
    if not any(calendar.week):
        # Every clock on it would wait for ever; say so here rather than at evaluation.
        yield (*base, "hours"), "the calendar never opens: its hours name no open time"
        return
    try:
        business_calendar(name, calendar, contract.parent, outside_allowed)
    except ValueError as error:
        yield _holiday_problem(base, calendar, str(error).removeprefix(f"calendar {name!r}: "))


def _country_problem(path: PathKey, country: str, subdivision: str | None) -> tuple[PathKey, str]:
    import holidays as holiday_data  # only for a country that is not known: it costs 0.1 s

    known: dict[str, list[str]] = holiday_data.list_supported_countries()
    if country not in known:
        return (*path, "country"), f"no public holidays are known for country {country!r}" + (
            did_you_mean(country, list(known)))  # fmt: skip
    message = f"{country} has no subdivision {subdivision!r} in the holidays data"
    return (*path, "subdivision"), message + did_you_mean(str(subdivision), known[country])


_NO_BASE = re.compile(r"no holiday named '(.+)' to count from")


def _holiday_problem(base: PathKey, calendar: Calendar, message: str) -> tuple[PathKey, str]:
    """Point a holiday's fault at that holiday, with a 'did you mean' for a missing base."""
    for i, holiday in enumerate(calendar.holidays):
        if message.startswith(f"{holiday.name}: "):
            text = message.removeprefix(f"{holiday.name}: ")
            missing = _NO_BASE.search(text)
            if missing is not None:
                names = [h.name for h in calendar.holidays if h is not holiday]
                text += did_you_mean(missing.group(1), names)
            return (*base, "holidays", i, "rule" if holiday.rule else "date"), text
    return base, message
