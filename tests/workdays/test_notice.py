from datetime import date

from gongkai.workdays import package_calendar
from gongkai.workdays.notice import read_notice

NOTICE_2026 = """国务院办公厅关于2026年部分节假日安排的通知
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作。
"""


def test_it_reads_the_2026_notice_exactly_as_the_package_has_it():
    reading = read_notice(NOTICE_2026, 2026)
    official = package_calendar().arrangement(2026)
    assert reading.problems == []
    assert reading.holidays.keys() == official.holidays.keys()
    assert reading.adjusted_workdays.keys() == official.adjusted_workdays.keys()
    assert reading.holidays[date(2026, 2, 23)] == "春节"
    assert reading.adjusted_workdays[date(2026, 9, 20)] == "国庆节"


def test_it_reads_a_single_day_and_a_combined_festival():
    text = (
        "一、元旦：1月1日（周三）放假1天，不调休。\n"
        "七、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。"
        "9月28日（周日）、10月11日（周六）上班。"
    )
    reading = read_notice(text, 2025)
    assert reading.problems == []
    assert list(reading.holidays)[:2] == [date(2025, 1, 1), date(2025, 10, 1)]
    assert len(reading.holidays) == 9
    assert reading.holidays[date(2025, 10, 8)] == "国庆节、中秋节"
    assert list(reading.adjusted_workdays) == [date(2025, 9, 28), date(2025, 10, 11)]


def test_it_flags_a_printed_weekday_that_does_not_match_the_year():
    reading = read_notice(
        "一、元旦：1月1日（周三）至3日（周五）放假调休，共3天。", 2026
    )
    assert reading.problems == [
        "第 1 行（元旦）：“1月1日（周三）”注明周三，但 2026-01-01 是周四，请核对年份"
    ]


def test_it_says_so_when_it_finds_nothing():
    assert read_notice("这不是通知。", 2027).problems == [
        "未找到任何“某节：某月某日至某日放假”的条目"
    ]


def test_it_refuses_an_impossible_date():
    reading = read_notice("二、春节：2月30日至3月2日放假。", 2027)
    assert reading.problems == ["第 1 行（春节）：“2月30日”不是有效日期"]
