from datetime import date

from django.core.exceptions import ValidationError

import pytest

from gongkai.workcalendar.forms import day_lines, parse_day_lines
from gongkai.workdays import package_calendar


def test_day_lines_and_parse_day_lines_round_trip_a_whole_year():
    holidays = dict(package_calendar().arrangement(2026).holidays)
    text = day_lines(holidays)
    assert "2026-10-01..2026-10-07 国庆节" in text.splitlines()
    assert parse_day_lines(text, "放假日") == holidays


def test_parse_day_lines_accepts_ranges_with_zhi():
    days = parse_day_lines("2027-02-05 至 2027-02-07 春节", "放假日")
    assert days == {date(2027, 2, d): "春节" for d in (5, 6, 7)}


def test_parse_day_lines_numbers_every_bad_line():
    text = "2027-01-01 元旦\n元旦 2027-01-02\n2027-01-01 元旦\n2027-03-01..2027-01-01 x"
    with pytest.raises(ValidationError) as refused:
        parse_day_lines(text, "放假日")
    assert refused.value.messages == [
        "放假日第 2 行：应以 YYYY-MM-DD 格式的日期开头",
        "放假日第 3 行：日期 2027-01-01 重复",
        "放假日第 4 行：日期段 2027-03-01 至 2027-01-01 不合理",
    ]
