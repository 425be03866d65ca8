from __future__ import annotations

from accord.domain import calendars

PUBLIC = {
    "BusinessCalendar", "CountrySet", "ExplicitDates", "FixedDate", "HolidayDate", "HolidayRule",
    "Interval", "NoOpenTime", "NthWeekday", "OpenTimeline", "Relative", "WeeklyHours",
    "add_business_days", "add_business_days_many", "add_business_time",
    "add_business_time_many", "always_open",
    "business_seconds_between_many", "business_time_between", "holidays_in_year",
    "is_holiday", "is_open", "next_opening", "open_periods", "open_timeline", "same_hours",
}  # fmt: skip


def test_it_exports_exactly_the_documented_names() -> None:
    assert set(calendars.__all__) == PUBLIC
    assert all(hasattr(calendars, name) for name in PUBLIC)


def test_its_docstring_states_the_rule_for_gaps_and_folds() -> None:
    doc = calendars.__doc__ or ""
    assert "spring-forward gap" in doc and "fall-back fold" in doc
