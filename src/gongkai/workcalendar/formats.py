"""Reading a year's arrangement from CSV or iCalendar files.

Both readers return :class:`FileDay` rows carrying their line number, and
:func:`one_year` turns them into one year's days.  Every problem is reported
with its line number, all at once, and nothing is stored unless the whole
file is sound (the import service stores it in one transaction).

CSV: ``date,kind,name`` per line (header optional), ``date`` as YYYY-MM-DD,
``kind`` ``holiday`` (放假) or ``adjusted_workday`` (调休上班); the Chinese
words 放假/休 and 调休上班/上班/班 are accepted too.  UTF-8 (with or
without BOM) or GB18030, as Excel saves it in China.

ICS (RFC 5545): each VEVENT must be an all-day event (``DTSTART;VALUE=DATE``
or an 8-digit date); ``DTEND`` is exclusive, as the RFC says, and an event
without ``DTEND`` lasts one day.  Which kind an event is, first match wins:

1. ``X-GONGKAI-KIND:holiday`` or ``X-GONGKAI-KIND:adjusted_workday``;
2. ``CATEGORIES`` containing HOLIDAY/放假/休 or WORKDAY/ADJUSTED_WORKDAY/上班/班;
3. ``SUMMARY`` mentioning 调休上班/补班/上班/班 (adjusted working day) or
   放假/休/假 (rest day), as Chinese holiday calendars write "春节 休" and
   "春节 班".

Otherwise the event is refused.  The festival name is the SUMMARY without
that marker ("春节 休" → "春节").
"""

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from gongkai.workdays.calendar import WEEKDAY_NAMES

from .models import CalendarException

HOLIDAY = CalendarException.Kind.HOLIDAY.value
WORKDAY = CalendarException.Kind.ADJUSTED_WORKDAY.value
KIND_WORDS = {
    "holiday": HOLIDAY,
    "放假": HOLIDAY,
    "休": HOLIDAY,
    "adjusted_workday": WORKDAY,
    "调休上班": WORKDAY,
    "上班": WORKDAY,
    "班": WORKDAY,
}
WORKDAY_MARK = re.compile(r"调休上班|补班|上班|班")
HOLIDAY_MARK = re.compile(r"放假|休|假")
TRAILING_MARK = re.compile(
    r"[\s（(]*(调休上班|补班|上班|放假|休假|休息|休|班)[）)]*\s*$"
)
MAX_EVENT_DAYS = 31


@dataclass(frozen=True)
class FileDay:
    line: int
    date: date
    kind: str
    name: str


@dataclass(frozen=True)
class YearDays:
    year: int
    holidays: dict[date, str]
    adjusted_workdays: dict[date, str]


def decode(content: bytes | str) -> str:
    """Return the text of an uploaded file: UTF-8 (BOM or not) or GB18030."""
    if isinstance(content, str):
        return content.removeprefix("\ufeff")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(_("文件既不是 UTF-8 也不是 GB18030 编码"))


def line_error(line: int, message: str) -> str:
    return _("第 %(line)s 行：%(message)s") % {"line": line, "message": message}


# --- CSV ------------------------------------------------------------------


def read_csv(text: str) -> list[FileDay]:
    """Return the days of a ``date,kind,name`` file; ValidationError if any is bad."""
    days, errors = [], []
    reader = csv.reader(io.StringIO(text))
    for row in reader:
        cells = [c.strip() for c in row]
        if not any(cells) or _is_header(cells, reader.line_num):
            continue
        try:
            days.append(_csv_day(reader.line_num, cells))
        except ValueError as problem:
            errors.append(line_error(reader.line_num, str(problem)))
    _raise_if(errors)
    return days


def _is_header(cells: list[str], line: int) -> bool:
    return line == 1 and cells[0].lower() == "date"


def _csv_day(line: int, cells: list[str]) -> FileDay:
    if len(cells) not in (2, 3):
        raise ValueError(
            _("应为 date,kind,name 三列，实有 %(n)s 列") % {"n": len(cells)}
        )
    day = _parse_date(cells[0])
    kind = KIND_WORDS.get(cells[1].lower())
    if kind is None:
        raise ValueError(
            _("未知类型“%(kind)s”（应为 holiday 或 adjusted_workday）")
            % {"kind": cells[1]}
        )
    return FileDay(line, day, kind, cells[2] if len(cells) == 3 else "")


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(
            _("日期“%(text)s”无法识别（应为 YYYY-MM-DD）") % {"text": text}
        ) from None


# --- ICS ------------------------------------------------------------------


def read_ics(text: str) -> list[FileDay]:
    """Return the days of the all-day VEVENTs; ValidationError if any is bad."""
    lines = _unfolded(text)
    if not any(
        value == "VCALENDAR" for _n, name, _p, value in lines if name == "BEGIN"
    ):
        raise ValidationError(
            [line_error(1, _("不是 iCalendar 文件（缺少 BEGIN:VCALENDAR）"))]
        )
    days, errors, event = [], [], None
    for number, name, params, value in lines:
        if name == "BEGIN" and value == "VEVENT":
            event = {"line": number}
        elif name == "END" and value == "VEVENT" and event is not None:
            try:
                days += _event_days(event)
            except ValueError as problem:
                errors.append(line_error(event["line"], str(problem)))
            event = None
        elif event is not None:
            event[name] = (number, params, value)
    _raise_if(errors)
    return days


def _unfolded(text: str) -> list[tuple[int, str, str, str]]:
    """Return (line number, NAME, params, value) per logical line (RFC 5545 §3.1)."""
    logical: list[list] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw[:1] in (" ", "\t") and logical:
            logical[-1][1] += raw[1:]
        elif raw.strip():
            logical.append([number, raw])
    return [(number, *_split_property(content)) for number, content in logical]


def _split_property(content: str) -> tuple[str, str, str]:
    head, _sep, value = content.partition(":")
    name, _sep, params = head.partition(";")
    return name.strip().upper(), params.upper(), value.strip()


def _event_days(event: dict) -> list[FileDay]:
    if "DTSTART" not in event:
        raise ValueError(_("事件缺少 DTSTART"))
    line, params, value = event["DTSTART"]
    first = _ics_date(params, value)
    last = _event_end(event, first)
    summary = _ics_text(event.get("SUMMARY", (0, "", ""))[2])
    kind = _event_kind(event, summary)
    name = TRAILING_MARK.sub("", summary).strip()
    count = (last - first).days + 1
    return [FileDay(line, first + timedelta(days=i), kind, name) for i in range(count)]


def _ics_date(params: str, value: str) -> date:
    if not re.fullmatch(r"\d{8}", value) or (
        "VALUE=" in params and "VALUE=DATE" not in params
    ):
        raise ValueError(
            _("“%(value)s”不是全天事件的日期（应为 YYYYMMDD）") % {"value": value}
        )
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        raise ValueError(_("日期“%(value)s”不存在") % {"value": value}) from None


def _event_end(event: dict, first: date) -> date:
    """Return the last day of the event (DTEND is exclusive)."""
    if "DTEND" in event:
        _line, params, value = event["DTEND"]
        last = _ics_date(params, value) - timedelta(days=1)
    elif "DURATION" in event:
        match = re.fullmatch(r"P(\d+)D", event["DURATION"][2])
        if not match:
            raise ValueError(_("只支持以天为单位的 DURATION，例如 P3D"))
        last = first + timedelta(days=int(match[1]) - 1)
    else:
        last = first
    if not first <= last <= first + timedelta(days=MAX_EVENT_DAYS):
        raise ValueError(_("事件的结束日期不合理"))
    return last


def _event_kind(event: dict, summary: str) -> str:
    explicit = event.get("X-GONGKAI-KIND", (0, "", ""))[2].lower()
    if explicit in (HOLIDAY, WORKDAY):
        return explicit
    for text in (event.get("CATEGORIES", (0, "", ""))[2], summary):
        kind = _kind_from_words(text)
        if kind:
            return kind
    raise ValueError(
        _(
            "无法判断事件“%(summary)s”是放假还是调休上班（请在 SUMMARY 中写明“休”或“班”，或加 X-GONGKAI-KIND）"
        )
        % {"summary": summary}
    )


def _kind_from_words(text: str) -> str | None:
    upper = text.upper()
    if "WORKDAY" in upper or WORKDAY_MARK.search(text):
        return WORKDAY
    if "HOLIDAY" in upper or HOLIDAY_MARK.search(text):
        return HOLIDAY
    return None


def _ics_text(value: str) -> str:
    return value.replace("\\,", ",").replace("\\;", ";").replace("\\n", " ").strip()


# --- both -----------------------------------------------------------------


def one_year(days: list[FileDay], year: int | None = None) -> YearDays:
    """Return the days as one year's arrangement.

    ``year`` defaults to the year of the first day.  Dates of another year,
    a date listed twice and a 调休 working day that is not a weekend day are
    refused with their line numbers.
    """
    if not days:
        raise ValidationError(_("文件中没有任何日期"))
    year = year or days[0].date.year
    seen: dict[date, int] = {}
    errors = []
    for day in days:
        problem = _day_problem(day, year, seen)
        if problem:
            errors.append(line_error(day.line, problem))
        seen.setdefault(day.date, day.line)
    _raise_if(errors)
    return YearDays(
        year,
        {d.date: d.name for d in days if d.kind == HOLIDAY},
        {d.date: d.name for d in days if d.kind == WORKDAY},
    )


def _day_problem(day: FileDay, year: int, seen: dict[date, int]) -> str | None:
    if day.date.year != year:
        return _("日期 %(date)s 不属于 %(year)s 年（一个文件只能包含同一年的安排）") % {
            "date": day.date.isoformat(),
            "year": year,
        }
    if day.date in seen:
        return _("日期 %(date)s 与第 %(line)s 行重复") % {
            "date": day.date.isoformat(),
            "line": seen[day.date],
        }
    if day.kind == WORKDAY and day.date.weekday() < 5:
        return _("%(date)s 是%(weekday)s，不能作为调休上班日") % {
            "date": day.date.isoformat(),
            "weekday": WEEKDAY_NAMES[day.date.weekday()],
        }
    return None


def _raise_if(errors: list[str]) -> None:
    if errors:
        raise ValidationError(errors)
