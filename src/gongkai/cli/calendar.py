"""``gongkai calendar …``: statutory working-day deadlines on the command line.

``gongkai calendar add-workdays DATE N [--proof] [--pause FIRST..LAST]``
prints the N-th working day strictly after DATE (YYYY-MM-DD) on the first
line; with ``--proof`` the day-by-day reasoning follows.
``gongkai calendar years`` lists the covered years and their notices.

Which calendar data (``--source``):

- ``auto`` (default): the database when Django is configured and its
  calendar table holds data, so that years an administrator added count;
  otherwise the chinesecalendar package data (2004–2026).  A fresh checkout
  without a database file therefore works with no setup, and never creates
  one.
- ``db``: the database only; exit 3 if it cannot be read.
- ``package``: the package data only.

Exit status: 0 done; 2 malformed DATE, N or pause (Chinese usage message on
stderr); 3 calendar data missing for a needed year (the message names it).
"""

import re
import sys
from datetime import date
from pathlib import Path

from gongkai.workdays import (
    Calendar,
    CalendarMissing,
    Pause,
    add_workdays,
    add_workdays_with_proof,
    package_calendar,
)
from gongkai.workdays.package import PACKAGE, package_version

EXIT_OK, EXIT_USAGE, EXIT_MISSING = 0, 2, 3
SOURCES = ("auto", "db", "package")
PAUSE = re.compile(r"^(\S+?)(?:\.\.|:)(\S+)$")


class UsageError(ValueError):
    pass


class SourceUnavailable(Exception):
    pass


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "calendar", help="法定工作日：期限计算与节假日安排数据"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _register_add_workdays(commands)
    years = commands.add_parser("years", help="列出已有法定节假日安排的年份及其依据")
    _add_source_option(years)
    years.set_defaults(handler=run_years)


def _register_add_workdays(commands) -> None:
    add = commands.add_parser(
        "add-workdays",
        help="计算某日之后第 N 个工作日（起算日当日不计入）",
        description="输出 DATE 之后第 N 个工作日（《民法典》第二百零一条：开始的当日不计入）。",
    )
    add.add_argument(
        "date", metavar="DATE", help="起算日期，格式 YYYY-MM-DD（当日不计入）"
    )
    add.add_argument("n", metavar="N", help="工作日数，正整数")
    add.add_argument("--proof", action="store_true", help="逐日列出计算依据")
    add.add_argument(
        "--pause",
        action="append",
        default=[],
        metavar="FIRST..LAST",
        help="不计入期限的期间（含首尾，如征求第三方意见），可重复",
    )
    _add_source_option(add)
    add.set_defaults(handler=run_add_workdays)


def _add_source_option(parser) -> None:
    parser.add_argument(
        "--source",
        choices=SOURCES,
        default="auto",
        help="日历数据来源：auto（默认，有数据库数据时用数据库）、db、package",
    )


def run_add_workdays(args) -> int:
    try:
        start, n = parse_date(args.date), parse_count(args.n)
        pauses = [parse_pause(text) for text in args.pause]
    except UsageError as problem:
        print(f"用法错误：{problem}", file=sys.stderr)
        print("用法：gongkai calendar add-workdays DATE N [--proof]", file=sys.stderr)
        return EXIT_USAGE
    try:
        calendar, label = load_calendar(args.source)
        if args.proof:
            proof = add_workdays_with_proof(calendar, start, n, pauses)
            print(proof.due.isoformat())
            print(f"日历数据：{label}")
            print(proof.to_text())
        else:
            print(add_workdays(calendar, start, n, pauses).isoformat())
    except (CalendarMissing, SourceUnavailable) as missing:
        print(missing, file=sys.stderr)
        return EXIT_MISSING
    return EXIT_OK


def run_years(args) -> int:
    try:
        calendar, label = load_calendar(args.source)
    except SourceUnavailable as problem:
        print(problem, file=sys.stderr)
        return EXIT_MISSING
    print(f"日历数据：{label}")
    for year in calendar.covered_years:
        print(f"{year}\t{calendar.arrangement(year).source}")
    return EXIT_OK


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"日期“{text}”无效，应为 YYYY-MM-DD 格式的真实日期") from None


def parse_count(text: str) -> int:
    if not re.fullmatch(r"[0-9]+", text) or int(text) < 1:
        raise UsageError(f"工作日数“{text}”无效，应为正整数")
    return int(text)


def parse_pause(text: str) -> Pause:
    match = PAUSE.match(text)
    if not match:
        raise UsageError(
            f"中止期间“{text}”无效，应为 FIRST..LAST，例如 2025-10-09..2025-10-20"
        )
    first, last = parse_date(match[1]), parse_date(match[2])
    if last < first:
        raise UsageError(f"中止期间“{text}”的结束日期早于开始日期")
    return Pause(first, last, "中止计算期限")


def load_calendar(source: str) -> tuple[Calendar, str]:
    """Return the calendar for ``--source`` and a label naming where it came from."""
    if source != "package":
        calendar = _database_calendar(required=source == "db")
        if calendar is not None:
            return calendar, f"数据库（{_span(calendar)}）"
    calendar = package_calendar()
    return calendar, f"{PACKAGE} {package_version()}（{_span(calendar)}）"


def _database_calendar(required: bool) -> Calendar | None:
    """Return the database calendar; None (or SourceUnavailable) if there is none."""
    try:
        calendar = _read_database()
    except Exception as problem:  # Any failure here means "no usable database".
        if required:
            raise SourceUnavailable(_unavailable(problem)) from problem
        return None
    if calendar is None and required:
        raise SourceUnavailable(_unavailable("数据库文件不存在"))
    if calendar is None or not (calendar.covered_years or required):
        return None
    return calendar


def _unavailable(problem) -> str:
    return f"无法从数据库读取法定节假日安排（cannot read the calendar database）：{problem}"


def _read_database() -> Calendar | None:
    from gongkai.cli import setup_django

    setup_django()
    from django.db import connection

    if connection.vendor == "sqlite" and not _sqlite_exists(
        connection.settings_dict["NAME"]
    ):
        return None  # A fresh checkout: do not create an empty database file.
    from gongkai.workcalendar.selectors import get_calendar

    return get_calendar()


def _sqlite_exists(name) -> bool:
    name = str(name)
    return name == ":memory:" or name.startswith("file:") or Path(name).exists()


def _span(calendar: Calendar) -> str:
    years = calendar.covered_years
    if not years:
        return "无数据"
    return f"{years[0]}–{years[-1]} 年，共 {len(years)} 年"
