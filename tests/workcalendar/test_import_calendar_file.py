from datetime import date

from django.core.exceptions import ValidationError

import pytest

from gongkai.workcalendar.models import CalendarException, CalendarYear
from gongkai.workcalendar.selectors import covered_years, export_csv, get_calendar
from gongkai.workcalendar.services import import_calendar_file

pytestmark = pytest.mark.django_db
SOURCE = "国务院办公厅关于2027年部分节假日安排的通知（测试数据）"

CSV_2027 = """date,kind,name
2027-01-01,holiday,元旦
2027-01-02,holiday,元旦
2027-01-03,holiday,元旦
2027-02-05,holiday,春节
2027-02-20,adjusted_workday,春节
"""

ICS_2027 = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//gongkai//ZH
BEGIN:VEVENT
UID:1
DTSTART;VALUE=DATE:20270101
DTEND;VALUE=DATE:20270104
SUMMARY:元旦 休
END:VEVENT
BEGIN:VEVENT
UID:2
DTSTART;VALUE=DATE:20270205
DTEND;VALUE=DATE:20270212
SUMMARY:春节
CATEGORIES:HOLIDAY
END:VEVENT
BEGIN:VEVENT
UID:3
DTSTART;VALUE=DATE:20270220
SUMMARY:春节（
 班）
END:VEVENT
BEGIN:VEVENT
UID:4
DTSTART;VALUE=DATE:20270227
SUMMARY:补
X-GONGKAI-KIND:adjusted_workday
END:VEVENT
END:VCALENDAR
"""


def import_csv(text, **kwargs):
    return import_calendar_file(None, text, "csv", SOURCE, **kwargs)


def refused_messages(text, file_format="csv", **kwargs):
    before = CalendarException.objects.count()
    with pytest.raises(ValidationError) as refused:
        import_calendar_file(None, text, file_format, SOURCE, **kwargs)
    # All or nothing: a refused file leaves the table as it was.
    assert CalendarException.objects.count() == before
    assert 2027 not in covered_years()
    return refused.value.messages


def test_it_imports_a_csv_year():
    calendar_year = import_csv(CSV_2027)
    assert (calendar_year.year, calendar_year.origin) == (2027, "csv")
    calendar = get_calendar()
    assert calendar.is_workday(date(2027, 2, 20)) is True
    assert calendar.describe(date(2027, 2, 5)).reason == "春节"


def test_it_reads_utf8_with_bom_and_gb18030_bytes():
    import_csv(("\ufeff" + CSV_2027).encode("utf-8"))
    import_csv(CSV_2027.encode("gb18030"), replace=True)
    assert CalendarYear.objects.get(year=2027).exceptions.count() == 5


def test_it_accepts_chinese_kind_words_and_no_header():
    import_csv("2027-01-01,放假,元旦\n2027-02-20,班,春节\n")
    assert get_calendar().is_workday(date(2027, 2, 20)) is True


def test_it_reports_every_bad_csv_line_with_its_number():
    text = CSV_2027 + "2027-13-01,holiday,x\n2027-03-01,rest,x\n2027-03-02\n"
    assert refused_messages(text) == [
        "第 7 行：日期“2027-13-01”无法识别（应为 YYYY-MM-DD）",
        "第 8 行：未知类型“rest”（应为 holiday 或 adjusted_workday）",
        "第 9 行：应为 date,kind,name 三列，实有 1 列",
    ]


def test_it_refuses_duplicate_dates_mixed_years_and_weekday_workdays():
    text = (
        CSV_2027
        + "2027-01-02,adjusted_workday,元旦\n2028-01-01,holiday,元旦\n2027-03-01,adjusted_workday,x\n"
    )
    assert refused_messages(text) == [
        "第 7 行：日期 2027-01-02 与第 3 行重复",
        "第 8 行：日期 2028-01-01 不属于 2027 年（一个文件只能包含同一年的安排）",
        "第 9 行：2027-03-01 是周一，不能作为调休上班日",
    ]


def test_an_explicit_year_must_match_the_file():
    messages = refused_messages(CSV_2027, year=2028)
    assert (
        messages[0]
        == "第 2 行：日期 2027-01-01 不属于 2028 年（一个文件只能包含同一年的安排）"
    )


def test_an_empty_file_is_refused():
    assert refused_messages("date,kind,name\n") == ["文件中没有任何日期"]


def test_it_imports_an_ics_year():
    calendar_year = import_calendar_file(None, ICS_2027, "ics", SOURCE)
    assert calendar_year.origin == "ics"
    days = dict(calendar_year.exceptions.values_list("date", "kind"))
    assert len(days) == 3 + 7 + 2
    assert days[date(2027, 1, 3)] == "holiday"  # DTEND 01-04 is exclusive
    assert date(2027, 1, 4) not in days
    assert days[date(2027, 2, 20)] == "adjusted_workday"  # folded SUMMARY
    names = dict(calendar_year.exceptions.values_list("date", "name"))
    assert (names[date(2027, 1, 1)], names[date(2027, 2, 20)]) == ("元旦", "春节")


def test_it_refuses_ics_events_it_cannot_read():
    text = ICS_2027.replace("DTSTART;VALUE=DATE:20270101", "DTSTART:20270101T090000Z")
    text = text.replace("SUMMARY:春节\nCATEGORIES:HOLIDAY", "SUMMARY:春节")
    assert refused_messages(text, "ics") == [
        "第 4 行：“20270101T090000Z”不是全天事件的日期（应为 YYYYMMDD）",
        "第 10 行：无法判断事件“春节”是放假还是调休上班（请在 SUMMARY 中写明“休”或“班”，或加 X-GONGKAI-KIND）",
    ]


def test_it_refuses_ics_events_of_another_year():
    text = ICS_2027.replace("20270227", "20280226")
    assert refused_messages(text, "ics") == [
        "第 25 行：日期 2028-02-26 不属于 2027 年（一个文件只能包含同一年的安排）"
    ]


def test_it_refuses_a_file_that_is_not_icalendar():
    assert refused_messages(CSV_2027, "ics") == [
        "第 1 行：不是 iCalendar 文件（缺少 BEGIN:VCALENDAR）"
    ]


def test_the_csv_export_of_a_year_imports_back_unchanged():
    exported = export_csv([2026])
    import_calendar_file(None, exported, "csv", "再次导入", replace=True)
    assert export_csv([2026]) == exported
    assert CalendarYear.objects.get(year=2026).source == "再次导入"
