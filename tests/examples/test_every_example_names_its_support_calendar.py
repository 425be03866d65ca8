"""Support clocks run on a calendar each example names, in a real zone, open some time."""

from __future__ import annotations

import pytest

from .seed_examples import FILES, contract, with_support


@pytest.mark.parametrize("name", with_support())
def test_each_example_names_the_default_calendar_of_its_support_clocks(name: str) -> None:
    c = contract(name)
    assert c.support is not None
    assert c.support.calendar in c.calendars


@pytest.mark.parametrize("name", FILES)
def test_every_calendar_of_an_example_is_open_some_time_each_week(name: str) -> None:
    for calendar in contract(name).calendars.values():
        assert any(calendar.week), calendar.description


@pytest.mark.parametrize("name", with_support())
def test_every_severity_of_an_example_is_covered_by_a_calendar_it_defines(name: str) -> None:
    c = contract(name)
    assert c.support is not None
    for severity in c.support.severities.values():
        assert (severity.coverage or c.support.calendar) in c.calendars
