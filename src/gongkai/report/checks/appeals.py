"""Table 四, 政府信息公开行政复议、行政诉讼情况: T4-TOTAL, and NONNEG,
CELL-BLANK and TABLE-MISSING for its cells.

Blanks read as 0, except a blank 总计 facing a nonzero sum, which is a
missing figure (T4-TOTAL as a warning).
"""

from ..model import AnnualReport, Finding
from ..schema import (
    APPEAL_COLUMNS,
    APPEAL_GROUPS,
    LITIGATION_HEADER,
    N_APPEAL_COLUMNS,
    RECONSIDERATION_HEADER,
    SECTION_HEADINGS,
)
from .rules import addition, blank_note, finding

TABLE_NAME = SECTION_HEADINGS[3]
TOTAL = N_APPEAL_COLUMNS - 1
COLUMN_LABELS = tuple(column.label for column in APPEAL_COLUMNS)
PART_LABELS = COLUMN_LABELS[:TOTAL]
TOTAL_LABEL = COLUMN_LABELS[TOTAL]


def _group_name(label: str) -> str:
    if label == RECONSIDERATION_HEADER:
        return label
    return f"{LITIGATION_HEADER}（{label}）"


GROUPS = tuple(
    (
        group.key,
        _group_name(group.label),
        tuple(f"appeals.{group.key}[{i}]" for i in range(N_APPEAL_COLUMNS)),
    )
    for group in APPEAL_GROUPS
)


def check_appeals(report: AnnualReport) -> list[Finding]:
    """Return the findings on table 四."""
    rows = [getattr(report.appeals, key) for key, _name, _paths in GROUPS]
    if all(row.count(None) == N_APPEAL_COLUMNS for row in rows):
        message = f"表格缺失：未找到“{TABLE_NAME}”表格的数据"
        return [finding("TABLE-MISSING", message, [])]
    findings = []
    for (_key, name, paths), row in zip(GROUPS, rows, strict=True):
        findings += _negative_cells(name, paths, row)
        total = _group_total(name, paths, row)
        if total is not None:
            findings.append(total)
    for (_key, name, paths), row in zip(GROUPS, rows, strict=True):
        blank = _blank_cells(name, paths, row)
        if blank is not None:
            findings.append(blank)
    return findings


def _negative_cells(name: str, paths, row) -> list[Finding]:
    # R59: counts are non-negative.
    findings = []
    for i, value in enumerate(row):
        if value is not None and value < 0:
            label = COLUMN_LABELS[i]
            message = f"数量为负：{name}{label}为 {value}，案件数不能为负"
            findings.append(finding("NONNEG", message, [paths[i]]))
    return findings


def _group_total(name: str, paths, row) -> Finding | None:
    # 国办公开办函〔2021〕30号 表四, R60: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
    parts = [value or 0 for value in row[:TOTAL]]
    added = sum(parts)
    total = row[TOTAL]
    if total == added or (total is None and added == 0):
        return None
    terms = addition(parts, PART_LABELS)
    if total is None:
        message = (
            f"复议诉讼总计缺失：{name}的{TOTAL_LABEL}单元格空白，"
            f"而{terms}，{TOTAL_LABEL}应为 {added}"
        )
        return finding("T4-TOTAL", message, list(paths), severity="warning")
    note = blank_note(None in row)
    message = f"复议诉讼总计不符：{name}：{terms}，而{TOTAL_LABEL}为 {total}{note}"
    return finding("T4-TOTAL", message, list(paths))


def _blank_cells(name: str, paths, row) -> Finding | None:
    if None not in row:
        return None
    if row.count(None) == N_APPEAL_COLUMNS:
        return finding(
            "CELL-BLANK", f"空白单元格：{name}整组空白，按 0 计", list(paths)
        )
    blank = [i for i, value in enumerate(row) if value is None]
    if row[TOTAL] is None and sum(value or 0 for value in row[:TOTAL]):
        # T4-TOTAL already reports this 总计 as missing, not as zero.
        blank.remove(TOTAL)
        if not blank:
            return None
    labels = "、".join(COLUMN_LABELS[i] for i in blank)
    message = f"空白单元格：{name}的{labels}空白，按 0 计"
    return finding("CELL-BLANK", message, [paths[i] for i in blank])
