"""The State Council arrangements shipped in the ``chinesecalendar`` package.

chinesecalendar 1.11.0 carries the official 法定节假日 and 调休 tables for
2004–2026, transcribed from the annual 国务院办公厅关于某年部分节假日安排的通知.
Its own ``find_workday`` is not used: it counts from the first working day on
or after the start, one day too late when the start is a rest day (spec
§5.2, R3).  Only its date tables are read here.
"""

from collections import defaultdict
from datetime import date
from functools import cache
from importlib.metadata import version

from chinese_calendar import constants

from .calendar import Calendar, YearArrangement

PACKAGE = "chinesecalendar"


def package_version() -> str:
    return version(PACKAGE)


def notice_title(year: int) -> str:
    return f"国务院办公厅关于{year}年部分节假日安排的通知"


def package_arrangements() -> dict[int, YearArrangement]:
    """Return every year the installed package covers, keyed by year."""
    holidays = _by_year(constants.holidays)
    workdays = _by_year(constants.workdays)
    source_note = f"（据 {PACKAGE} {package_version()} 数据）"
    return {
        year: YearArrangement(
            year=year,
            source=notice_title(year) + source_note,
            holidays=holidays[year],
            adjusted_workdays=workdays[year],
        )
        for year in sorted(holidays)
    }


@cache
def package_calendar() -> Calendar:
    """Return a Calendar of the package's years, for use without a database."""
    return Calendar(package_arrangements().values())


def _by_year(table: dict[date, str]) -> dict[int, dict[date, str]]:
    years: dict[int, dict[date, str]] = defaultdict(dict)
    for day, english in sorted(table.items()):
        years[day.year][day] = _chinese_name(english)
    return years


def _chinese_name(english: str) -> str:
    # The tables hold the enum's English value; its .chinese is the festival.
    try:
        return constants.Holiday(english).chinese
    except ValueError:
        return english
