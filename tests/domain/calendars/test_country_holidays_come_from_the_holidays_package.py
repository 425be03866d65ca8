from __future__ import annotations

from datetime import date

import holidays
import pytest

from accord.domain.calendars import BusinessCalendar, CountrySet, always_open, holidays_in_year


def _calendar(country: str, subdivision: str | None) -> BusinessCalendar:
    return BusinessCalendar("x", "UTC", always_open(), (CountrySet(country, subdivision),))


@pytest.mark.parametrize(("country", "subdivision"), [("US", None), ("US", "CA"), ("FR", None)])
def test_it_takes_every_date_the_package_gives_for_that_year(
    country: str, subdivision: str | None
) -> None:
    expected = holidays.country_holidays(country, subdiv=subdivision, years=2029)
    found = holidays_in_year(_calendar(country, subdivision), 2029)
    assert sorted({h.date for h in found}) == sorted(expected)
    assert [h.date for h in found] == sorted(h.date for h in found)


def test_it_knows_us_thanksgiving_is_the_fourth_thursday() -> None:
    found = {h.name: h.date for h in holidays_in_year(_calendar("US", None), 2029)}
    assert found["Thanksgiving Day"] == date(2029, 11, 22)


def test_it_uses_the_subdivision_list_when_one_is_named() -> None:
    national = {h.date for h in holidays_in_year(_calendar("US", None), 2029)}
    california = {h.date for h in holidays_in_year(_calendar("US", "CA"), 2029)}
    assert date(2029, 3, 31) in california - national  # Cesar Chavez Day


@pytest.mark.parametrize(("country", "subdivision"), [("XX", None), ("US", "ZZ")])
def test_it_refuses_an_unknown_country_or_subdivision(
    country: str, subdivision: str | None
) -> None:
    with pytest.raises(ValueError):
        CountrySet(country, subdivision)
