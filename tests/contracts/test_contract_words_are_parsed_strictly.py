"""The small languages inside a contract: durations, percents, ranges, times, windows."""

import pytest

from accord.contracts.types import (
    NthWeekdayRule,
    RelativeRule,
    parse_duration,
    parse_duration_or_range,
    parse_holiday_rule,
    parse_percent,
    parse_percent_range,
    parse_time_range,
    parse_window,
    parse_zone,
)


@pytest.mark.parametrize(
    ("text", "seconds", "unit"),
    [
        ("30m", 1800, "minutes"),
        ("30 min", 1800, "minutes"),
        ("1h", 3600, "hours"),
        ("36 hours", 129600, "hours"),
        ("1.5h", 5400, "hours"),
        ("2 days", 172800, "days"),
        ("30s", 30, "seconds"),
        ("5 business days", None, "business_days"),
        ("1 business day", None, "business_days"),
    ],
)
def test_it_reads_a_duration_with_its_unit(text, seconds, unit):
    duration = parse_duration(text)
    assert duration.seconds == seconds
    assert duration.unit == unit
    assert str(duration) == text


@pytest.mark.parametrize(
    "value", ["30", 30, "thirty minutes", "5 fortnights", "-1h", "1.5 business days", ""]
)
def test_it_refuses_a_duration_without_a_known_unit(value):
    with pytest.raises(ValueError):
        parse_duration(value)


def test_it_reads_a_range_and_keeps_both_bounds():
    span = parse_duration_or_range("5-15 min")
    assert span.low.seconds == 300
    assert span.high.seconds == 900
    wide = parse_duration_or_range("1 h to 12 h")
    assert (wide.low.seconds, wide.high.seconds) == (3600, 43200)


@pytest.mark.parametrize(
    ("value", "number"), [(99.95, 99.95), ("99.95%", 99.95), ("99 %", 99.0), (100, 100.0)]
)
def test_it_reads_a_percent_as_number_or_text(value, number):
    assert parse_percent(value) == number


@pytest.mark.parametrize("value", [100.5, -1, "abc", True, None, "nan"])
def test_it_refuses_a_percent_outside_zero_to_hundred(value):
    with pytest.raises(ValueError):
        parse_percent(value)


@pytest.mark.parametrize(
    ("text", "inside", "outside"),
    [
        ("[99.4, 99.5)", [99.4, 99.45, 99.4999], [99.5, 99.39]),
        ("(99.4, 99.5]", [99.5, 99.41], [99.4, 99.51]),
        ("(, 99)", [0.0, 98.99], [99.0, 99.5]),
        ("[99.9, ]", [99.9, 100.0], [99.89]),
    ],
)
def test_a_tier_range_honours_its_explicit_bounds(text, inside, outside):
    tier = parse_percent_range(text)
    assert all(tier.contains(x) for x in inside)
    assert not any(tier.contains(x) for x in outside)


@pytest.mark.parametrize("text", ["99.4-99.5", "[99.5, 99.4)", "[99, 101]", "99"])
def test_it_refuses_a_tier_range_without_explicit_bounds(text):
    with pytest.raises(ValueError):
        parse_percent_range(text)


def test_a_time_range_that_ends_before_it_starts_runs_past_midnight():
    night = parse_time_range("18:00-11:00")
    assert (night.start, night.end, night.crosses_midnight) == (1080, 660, True)
    assert parse_time_range("00:00-24:00").end == 1440


@pytest.mark.parametrize("text", ["25:00-26:00", "6-18", "06:00", "06:00-06:00", "24:00-01:00"])
def test_it_refuses_a_malformed_time_range(text):
    with pytest.raises(ValueError):
        parse_time_range(text)


def test_a_weekend_window_spans_the_days_between_its_ends():
    week = parse_window("fri 18:00 - mon 03:00")
    assert week == (((0, 180),), (), (), (), ((1080, 1440),), ((0, 1440),), ((0, 1440),))


def test_an_off_peak_window_applies_every_night():
    week = parse_window("18:00-11:00")
    assert all(day == ((0, 660), (1080, 1440)) for day in week)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("last thursday of november", NthWeekdayRule(-1, 3, 11)),
        ("First Monday in September", NthWeekdayRule(1, 0, 9)),
        ("3rd saturday of march", NthWeekdayRule(3, 5, 3)),
        ("1 day after Thanksgiving", RelativeRule(1, "Thanksgiving")),
        ("the day before Christmas Day", RelativeRule(-1, "Christmas Day")),
        ("2 days before Easter", RelativeRule(-2, "Easter")),
    ],
)
def test_it_reads_a_holiday_rule_in_the_contracts_words(text, rule):
    assert parse_holiday_rule(text) == rule


@pytest.mark.parametrize(
    "text", ["last thursday of novembr", "sixth monday of may", "thanksgiving"]
)
def test_it_refuses_a_holiday_rule_it_cannot_read(text):
    with pytest.raises(ValueError):
        parse_holiday_rule(text)


def test_it_suggests_the_zone_that_was_probably_meant():
    with pytest.raises(ValueError, match="America/Los_Angeles"):
        parse_zone("America/Los_Angelos")
    assert parse_zone("Europe/Paris") == "Europe/Paris"


@pytest.mark.parametrize("value", ["٣h", "36526 days", "99999999999999h", "36526 business days"])
def test_it_refuses_a_duration_in_foreign_digits_or_beyond_a_century(value):
    with pytest.raises(ValueError):
        parse_duration(value)


def test_it_refuses_a_percent_in_foreign_digits():
    with pytest.raises(ValueError):
        parse_percent("٩٩")
