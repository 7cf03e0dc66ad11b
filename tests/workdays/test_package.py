from datetime import date, timedelta

import chinese_calendar
import pytest

from gongkai.workdays import add_workdays, is_workday, package_calendar

CAL = package_calendar()


def test_it_covers_2004_to_2026():
    assert CAL.covered_years == tuple(range(2004, 2027))


def test_it_agrees_with_the_package_on_every_day():
    day, last = date(2004, 1, 1), date(2026, 12, 31)
    while day <= last:
        assert is_workday(CAL, day) is chinese_calendar.is_workday(day), day
        day += timedelta(days=1)


@pytest.mark.parametrize(
    "day",
    [
        "2026-01-04",
        "2026-02-14",
        "2026-02-28",
        "2026-05-09",
        "2026-09-20",
        "2026-10-10",
    ],
)
def test_the_2026_adjusted_weekend_days_are_working_days(day):
    d = date.fromisoformat(day)
    assert d.weekday() >= 5
    assert is_workday(CAL, d) is True
    assert CAL.describe(d).reason.startswith("调休上班")


@pytest.mark.parametrize("day", ["2026-02-16", "2026-10-07", "2026-01-02"])
def test_the_2026_holiday_weekdays_are_rest_days(day):
    assert is_workday(CAL, date.fromisoformat(day)) is False


def test_it_does_not_repeat_find_workdays_off_by_one():
    # spec §5.2: find_workday counts from the first working day on or after
    # the start, one day too late when the start is a Saturday.
    start = date(2025, 3, 1)
    assert chinese_calendar.find_workday(20, start) == date(2025, 3, 31)
    assert add_workdays(CAL, start, 20) == date(2025, 3, 28)


def test_festival_names_are_in_chinese():
    assert CAL.describe(date(2026, 2, 17)).reason == "春节"
    assert CAL.arrangement(2026).adjusted_workdays[date(2026, 2, 14)] == "春节"
