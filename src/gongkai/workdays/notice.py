"""Reading the text of a State Council holiday notice, for review before saving.

The annual 国务院办公厅关于某年部分节假日安排的通知 lists one festival per
item in a stable wording, for example::

    二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，
    共9天。2月14日（周六）、2月28日（周六）上班。

:func:`read_notice` turns such text into rest days and 调休 working days.  It
is a helper for the administrator's entry form, not an authority: the result
is shown for review, every weekday printed in the notice is checked against
the calendar, and anything it cannot read is listed as a problem.
"""

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

ITEM = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]\s*)?(?P<name>[^：:\s]{1,20})[：:](?P<body>.+)$"
)
DAY = re.compile(
    r"(?:(?P<year>\d{4})年)?(?:(?P<month>\d{1,2})月)?(?P<day>\d{1,2})日"
    r"(?:[（(][^）)]*?(?:周|星期)(?P<weekday>[一二三四五六日天])[^）)]*[）)])?"
)
WEEKDAYS = "一二三四五六日"
MAX_RANGE_DAYS = 31


@dataclass
class NoticeReading:
    holidays: dict[date, str] = field(default_factory=dict)
    adjusted_workdays: dict[date, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def read_notice(text: str, year: int) -> NoticeReading:
    """Return the days found in the notice text for ``year``, with problems."""
    reading = NoticeReading()
    for number, line in enumerate(text.splitlines(), start=1):
        item = ITEM.match(line)
        if item and "放假" in item["body"]:
            _read_item(reading, number, item["name"], item["body"], year)
    if not reading.holidays and not reading.problems:
        reading.problems.append("未找到任何“某节：某月某日至某日放假”的条目")
    return reading


def _read_item(reading: NoticeReading, line: int, name: str, body: str, year: int):
    for sentence in re.split(r"[。；;]", body):
        try:
            days = _dates(sentence, year)
            if "放假" in sentence:
                reading.holidays.update(dict.fromkeys(_rest_days(days), name))
            elif "上班" in sentence:
                reading.adjusted_workdays.update(dict.fromkeys(days, name))
        except ValueError as problem:
            reading.problems.append(f"第 {line} 行（{name}）：{problem}")


def _rest_days(days: list[date]) -> list[date]:
    if not days:
        raise ValueError("找不到放假日期")
    first, last = days[0], days[-1]
    if not first <= last <= first + timedelta(days=MAX_RANGE_DAYS):
        raise ValueError(f"放假日期段 {first} 至 {last} 不合理")
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def _dates(sentence: str, year: int) -> list[date]:
    """Return the dates of a sentence; a missing year or month is carried on."""
    found, month = [], None
    for match in DAY.finditer(sentence):
        year = int(match["year"] or year)
        month = int(match["month"] or month or 0)
        try:
            day = date(year, month, int(match["day"]))
        except ValueError:
            raise ValueError(f"“{match[0]}”不是有效日期") from None
        _check_weekday(day, match["weekday"], match[0])
        found.append(day)
    return found


def _check_weekday(day: date, printed: str | None, text: str) -> None:
    if printed is None:
        return
    expected = WEEKDAYS[day.weekday()]
    if printed.replace("天", "日") != expected:
        raise ValueError(
            f"“{text}”注明周{printed}，但 {day.isoformat()} 是周{expected}，请核对年份"
        )
