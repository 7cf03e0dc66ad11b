from datetime import date

import pytest

from gongkai.workdays import (
    Calendar,
    CalendarDataError,
    CalendarMissing,
    YearArrangement,
    add_workdays,
    is_workday,
    workdays_between,
)

NOTICE_2027 = "国务院办公厅关于2027年部分节假日安排的通知"


def arrangement_2027(**kwargs) -> YearArrangement:
    data = {
        "year": 2027,
        "source": NOTICE_2027,
        "holidays": {date(2027, 1, 1): "元旦"},
        "adjusted_workdays": {date(2027, 1, 2): "元旦"},
    }
    return YearArrangement(**(data | kwargs))


def test_it_treats_mon_to_fri_as_working_days_unless_declared_holidays():
    calendar = Calendar([arrangement_2027()])
    assert is_workday(calendar, date(2027, 1, 1)) is False  # Friday, 元旦
    assert is_workday(calendar, date(2027, 1, 4)) is True  # Monday
    assert is_workday(calendar, date(2027, 1, 3)) is False  # Sunday


def test_it_treats_an_adjusted_weekend_day_as_a_working_day():
    calendar = Calendar([arrangement_2027()])
    assert is_workday(calendar, date(2027, 1, 2)) is True  # Saturday, 调休上班


def test_it_refuses_a_day_outside_the_covered_years():
    calendar = Calendar([arrangement_2027()])
    with pytest.raises(CalendarMissing) as raised:
        is_workday(calendar, date(2028, 1, 3))
    assert raised.value.year == 2028
    assert (
        str(raised.value)
        == "缺少 2028 年的法定节假日安排数据（calendar data missing for 2028）"
    )


def test_an_empty_calendar_refuses_everything():
    calendar = Calendar([])
    with pytest.raises(CalendarMissing, match="2025"):
        add_workdays(calendar, date(2025, 1, 6), 1)
    assert calendar.covered_years == ()


def test_it_never_counts_into_a_gap_between_covered_years():
    a2025 = YearArrangement(2025, "通知 2025")
    a2027 = YearArrangement(2027, "通知 2027")
    calendar = Calendar([a2025, a2027])
    assert add_workdays(calendar, date(2025, 12, 30), 1) == date(2025, 12, 31)
    with pytest.raises(CalendarMissing) as raised:
        add_workdays(calendar, date(2025, 12, 30), 2)
    assert raised.value.year == 2026
    # From inside the gap, the first needed day is itself missing.
    with pytest.raises(CalendarMissing, match="2026"):
        add_workdays(calendar, date(2026, 6, 1), 1)
    # The last day of the gap is a valid start: only 2027 days are counted.
    assert add_workdays(calendar, date(2026, 12, 31), 1) == date(2027, 1, 1)


def test_the_start_year_need_not_be_covered():
    # Only days after the start are examined (《民法典》第二百零一条).
    calendar = Calendar([arrangement_2027()])
    assert add_workdays(calendar, date(2026, 12, 31), 1) == date(2027, 1, 2)


def test_it_rejects_an_adjusted_workday_on_a_weekday():
    with pytest.raises(CalendarDataError) as raised:
        Calendar([arrangement_2027(adjusted_workdays={date(2027, 1, 4): "元旦"})])
    assert raised.value.problems == ["2027-01-04 是周一，不能作为调休上班日"]


def test_it_rejects_a_day_that_is_both_holiday_and_workday():
    day = date(2027, 1, 2)
    with pytest.raises(CalendarDataError) as raised:
        Calendar(
            [arrangement_2027(holidays={day: "元旦"}, adjusted_workdays={day: ""})]
        )
    assert raised.value.problems == ["2027-01-02 同时被列为放假日和调休上班日"]


def test_it_rejects_dates_of_another_year_and_a_missing_source():
    arrangement = arrangement_2027(source=" ", holidays={date(2028, 1, 3): "元旦"})
    assert arrangement.problems() == [
        "2027 年的安排缺少来源（通知名称或文号）",
        "2028-01-03 不属于 2027 年",
    ]


def test_it_rejects_the_same_year_twice():
    with pytest.raises(CalendarDataError, match="2027 年的安排重复提供"):
        Calendar([arrangement_2027(), arrangement_2027()])


def test_it_refuses_zero_or_negative_periods():
    calendar = Calendar([arrangement_2027()])
    with pytest.raises(ValueError, match="正整数"):
        add_workdays(calendar, date(2027, 3, 1), 0)


def test_it_accepts_a_datetime_as_start():
    from datetime import datetime

    calendar = Calendar([arrangement_2027()])
    assert add_workdays(calendar, datetime(2027, 1, 1, 17, 30), 1) == date(2027, 1, 2)


def test_workdays_between_counts_the_half_open_interval():
    calendar = Calendar([arrangement_2027()])
    # (2026-12-31, 2027-01-08]: 1-02 (调休) and 1-04..1-08.
    assert workdays_between(calendar, date(2026, 12, 31), date(2027, 1, 8)) == 6
    assert workdays_between(calendar, date(2027, 1, 8), date(2027, 1, 8)) == 0
    with pytest.raises(ValueError):
        workdays_between(calendar, date(2027, 1, 8), date(2027, 1, 7))
    with pytest.raises(CalendarMissing, match="2028"):
        workdays_between(calendar, date(2027, 12, 1), date(2028, 1, 5))


def test_describe_gives_the_reason_for_each_kind_of_day():
    calendar = Calendar([arrangement_2027()])
    assert calendar.describe(date(2027, 1, 1)).reason == "元旦"
    assert calendar.describe(date(2027, 1, 2)).reason == "调休上班（元旦）"
    assert calendar.describe(date(2027, 1, 3)).reason == "周末"
    assert calendar.describe(date(2027, 1, 4)).reason == ""
