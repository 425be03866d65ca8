import warnings

from accord.domain.calendars import BusinessCalendar, CountrySet, holidays_in_year, same_hours


def test_country_holidays_past_the_packages_vouched_years_give_dates_and_no_warning():
    calendar = BusinessCalendar(
        "biz", "Asia/Kolkata", same_hours(range(5)), (CountrySet("IN", None),)
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        far = holidays_in_year(calendar, 2040)
    assert any(h.date.month == 1 and h.date.day == 26 for h in far)  # Republic Day
