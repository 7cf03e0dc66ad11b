"""Two consecutive reports of one agency: X-CARRY and X-INFORCE.

Cells named in the findings are cells of the later report; the earlier
report's figures are quoted in the message.
"""

from ..model import AnnualReport, Finding
from ..schema import PROACTIVE_2021
from .applications import (
    COLUMN_LABELS,
    TOTAL_BLANK_NOTE,
    TOTAL_COLUMN,
    Table3,
    read_table3,
)
from .rules import blank_note, finding

_DOCUMENTS = PROACTIVE_2021[0]  # 第二十条第（一）项: 规章, 行政规范性文件
_ISSUED, _REPEALED, _IN_FORCE = _DOCUMENTS.columns


def check_pair(
    report: AnnualReport, table: Table3, previous: AnnualReport
) -> list[Finding]:
    """Return the findings comparing ``report`` with last year's report.

    ``table`` is table 三 of ``report`` as read by ``read_table3``.  When
    ``previous`` is not the report on the year before, say so and compare
    nothing.
    """
    if report.year is None or previous.year != report.year - 1:
        return [_wrong_pair(report, previous)]
    findings = _carry(table, read_table3(previous), previous.year)
    findings += _in_force(report, previous)
    return findings


def _wrong_pair(report: AnnualReport, previous: AnnualReport) -> Finding:
    year = "年份不明" if report.year is None else f"{report.year} 年度"
    previous_year = "年份不明" if previous.year is None else f"{previous.year} 年度"
    message = (
        f"跨年度核对配对有误：本报告：{year}；所给上年报告：{previous_year}。"
        "两者不是相邻两年，未核对结转数"
    )
    return finding("X-CARRY", message, [], severity="warning")


def _carry(table: Table3, before: Table3, previous_year: int) -> list[Finding]:
    # R61: this year's 二、上年结转 = last year's 四、结转下年度继续办理, per column.
    if not (table.has("carried_over") and before.has("carried_forward")):
        return []
    now = table.values["carried_over"]
    then = before.values["carried_forward"]
    return [
        _carry_finding(table, before, previous_year, column)
        for column in range(len(COLUMN_LABELS))
        if now[column] != then[column]
    ]


def _carry_finding(
    table: Table3, before: Table3, previous_year: int, column: int
) -> Finding:
    label = COLUMN_LABELS[column]
    now = table.values["carried_over"][column]
    then = before.values["carried_forward"][column]
    now_name = table.layout.names["carried_over"]
    then_name = before.layout.names["carried_forward"]
    blank = (
        table.cells["carried_over"][column] is None
        or before.cells["carried_forward"][column] is None
    )
    note = blank_note(blank)
    if blank and column == TOTAL_COLUMN:
        note = TOTAL_BLANK_NOTE
    message = (
        f"跨年度结转不符：{label}列：本年“{now_name}”为 {now}，"
        f"而 {previous_year} 年度报告“{then_name}”为 {then}{note}"
    )
    return finding("X-CARRY", message, [table.layout.paths["carried_over"][column]])


def _in_force(report: AnnualReport, previous: AnnualReport) -> list[Finding]:
    # Not an official rule (regulation.md §1.3, a heuristic): 现行有效件数 =
    # last year's 现行有效件数 + 本年制发件数 − 本年废止件数.  The 2019 trial
    # format has no such columns, so only 2021-format pairs are compared.
    if report.format != "2021" or previous.format != "2021":
        return []
    findings = []
    for row in _DOCUMENTS.rows:
        now = getattr(report.proactive, row.key)
        then = getattr(previous.proactive, row.key)
        if _all_blank(now) or _all_blank(then):
            continue
        found = _in_force_finding(row, now, then, previous.year)
        if found is not None:
            findings.append(found)
    return findings


def _all_blank(counts) -> bool:
    return counts.issued is None and counts.repealed is None and counts.in_force is None


def _in_force_finding(row, now, then, previous_year: int) -> Finding | None:
    before = then.in_force or 0
    issued = now.issued or 0
    repealed = now.repealed or 0
    expected = before + issued - repealed
    actual = now.in_force or 0
    if actual == expected:
        return None
    note = blank_note(None in (then.in_force, now.issued, now.repealed, now.in_force))
    message = (
        f"现行有效件数不衔接：{row.label}：{previous_year} 年度{_IN_FORCE} {before}"
        f" + {_ISSUED} {issued} − {_REPEALED} {repealed} = {expected}，"
        f"而本年{_IN_FORCE}为 {actual}{note}"
    )
    paths = [f"proactive.{row.key}.{field}" for field in row.fields]
    return finding("X-INFORCE", message, paths)
