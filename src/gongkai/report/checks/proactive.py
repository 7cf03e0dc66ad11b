"""Section 二, 主动公开政府信息情况: NONNEG, CELL-BLANK, TABLE-MISSING and
LEVEL (an agency reporting 规章 it cannot make)."""

from dataclasses import dataclass

from ..model import AnnualReport, Finding
from ..schema import REPORT_FORMATS, SECTION_HEADINGS, ReportFormat
from .rules import LEVELS, finding

TABLE_NAME = SECTION_HEADINGS[1]

# 《中华人民共和国立法法》（2023年修正）第九十一条：国务院各部、委员会等制定
# 部门规章；第九十三条：省、自治区、直辖市和设区的市、自治州的人民政府制定
# 地方政府规章。No other agency makes 规章 of its own.
RULE_MAKING_LEVELS = frozenset({"national_department", "province", "city"})
RULE_MAKING_LAW = (
    "《中华人民共和国立法法》第九十一条、第九十三条：规章只由国务院部门和"
    "省、自治区、直辖市、设区的市、自治州的人民政府制定"
)


@dataclass(frozen=True)
class ProactiveCell:
    """One cell of section 二: where it is and how to name it."""

    path: str
    row: str  # key in ``proactive``
    field: str  # key inside the row, "" for a row holding a bare number
    row_label: str
    column_label: str
    signed: bool  # 2019 本年增/减 may be negative


def _cells(fmt: ReportFormat) -> tuple[ProactiveCell, ...]:
    cells = []
    for table, row in fmt.proactive_rows():
        for field, column in zip(row.fields, table.columns, strict=True):
            path = f"proactive.{row.key}.{field}" if field else f"proactive.{row.key}"
            # 国办公开办函〔2019〕60号: 本年增/减 is written negative for a decrease.
            signed = fmt.key == "2019" and field == "change"
            cells.append(ProactiveCell(path, row.key, field, row.label, column, signed))
    return tuple(cells)


CELLS = {key: _cells(fmt) for key, fmt in REPORT_FORMATS.items()}


def read_proactive(report: AnnualReport) -> list[tuple[ProactiveCell, object]]:
    """Return every cell of section 二 with its value."""
    proactive = report.proactive
    values = []
    for cell in CELLS[report.format]:
        node = getattr(proactive, cell.row)
        values.append((cell, getattr(node, cell.field) if cell.field else node))
    return values


def check_proactive(report: AnnualReport, level: str | None) -> list[Finding]:
    """Return the findings on section 二; ``level`` is a key of ``LEVELS``."""
    cells = read_proactive(report)
    if all(value is None for _cell, value in cells):
        message = f"表格缺失：未找到“{TABLE_NAME}”表格的数据"
        return [finding("TABLE-MISSING", message, [])]
    findings = _negative_cells(cells)
    findings += _level(cells, level)
    findings += _blank_cells(cells)
    return findings


def _negative_cells(cells) -> list[Finding]:
    findings = []
    for cell, value in cells:
        if isinstance(value, int | float) and value < 0 and not cell.signed:
            message = (
                f"数量为负：{cell.row_label}“{cell.column_label}”为 {value}，不能为负"
            )
            findings.append(finding("NONNEG", message, [cell.path]))
    return findings


def _level(cells, level: str | None) -> list[Finding]:
    if level is None or level in RULE_MAKING_LEVELS:
        return []
    reported = [
        (cell, value) for cell, value in cells if cell.row == "regulations" and value
    ]
    if not reported:
        return []
    row_label = reported[0][0].row_label
    figures = "，".join(f"{cell.column_label} {value}" for cell, value in reported)
    name = LEVELS[level]
    message = (
        f"与机关层级不符：{name}不能制定{row_label}（{RULE_MAKING_LAW}），"
        f"但“{row_label}”行填有 {figures}"
    )
    return [finding("LEVEL", message, [cell.path for cell, _value in reported])]


def _blank_cells(cells) -> list[Finding]:
    by_row: dict[str, list[ProactiveCell]] = {}
    for cell, value in cells:
        if value is None:
            by_row.setdefault(cell.row, []).append(cell)
    findings = []
    for blank in by_row.values():
        labels = "、".join(f"“{cell.column_label}”" for cell in blank)
        message = (
            f"空白单元格：{TABLE_NAME}中{blank[0].row_label}的{labels}空白，按 0 计"
        )
        findings.append(finding("CELL-BLANK", message, [cell.path for cell in blank]))
    return findings
