"""Table 三, 收到和处理政府信息公开申请情况: T3-BALANCE, T3-TOTAL, T3-ROWSUM,
and NONNEG, CELL-BLANK and TABLE-MISSING for its cells.

The relations are the same in the trial format (国办公开办函〔2019〕60号) and
the current one (国办公开办函〔2021〕30号); only the outcome rows differ.

Blank cells (``None``) read as 0, with two exceptions:

- a blank 总计 facing a nonzero sum of its row is a missing figure, not a
  zero: it reads as that sum, and T3-ROWSUM says so as a warning;
- a run of entirely blank rows that reaches from （七）总计 or earlier to the
  end of the table is text cut off before the table ended: those rows are
  missing (TABLE-MISSING) and the column checks that need them are skipped.

An entirely blank row with printed rows after it was printed blank (the
Shanghai 2019 report leaves zero rows blank): CELL-BLANK, read as 0.
"""

from dataclasses import dataclass

from ..model import AnnualReport, Finding
from ..schema import (
    APPLICANT_COLUMNS,
    BALANCE_NOTE,
    REPORT_FORMATS,
    RESULTS_BLOCK,
    SECTION_HEADINGS,
    TOTAL_COLUMN,
    ReportFormat,
)
from .rules import BLANK_AS_ZERO, addition, blank_note, finding

TABLE_NAME = SECTION_HEADINGS[2]
COLUMN_LABELS = tuple(column.label for column in APPLICANT_COLUMNS)
PART_LABELS = COLUMN_LABELS[:TOTAL_COLUMN]
TOTAL_LABEL = COLUMN_LABELS[TOTAL_COLUMN]
TOTAL_BLANK_NOTE = f"（{BLANK_AS_ZERO}；空白的{TOTAL_LABEL}按该行各类申请人之和计）"


@dataclass(frozen=True)
class Layout:
    """Row keys, display names and cell paths of one format's table 三."""

    keys: tuple[str, ...]
    outcome_keys: tuple[str, ...]
    names: dict[str, str]
    paths: dict[str, tuple[str, ...]]


def _row_name(fmt: ReportFormat, key: str) -> str:
    row = fmt.row(key)
    if key == "total":
        return RESULTS_BLOCK + row.label
    return f"{row.group} {row.label}" if row.group else row.label


def _layout(fmt: ReportFormat) -> Layout:
    return Layout(
        keys=fmt.row_keys,
        outcome_keys=fmt.outcome_keys,
        names={key: _row_name(fmt, key) for key in fmt.row_keys},
        paths={
            key: tuple(f"applications.{key}[{i}]" for i in range(len(COLUMN_LABELS)))
            for key in fmt.row_keys
        },
    )


LAYOUTS = {key: _layout(fmt) for key, fmt in REPORT_FORMATS.items()}


@dataclass(frozen=True, slots=True)
class Table3:
    """Table 三 of one report, read for arithmetic.

    ``values`` maps each printed row to its cells with blanks read as 0 and a
    blank 总计 read as the sum of its row; ``blank_rows`` lists the printed
    rows with a blank cell; ``missing`` holds the rows absent from the
    document (all of them when the table itself is absent).
    """

    layout: Layout
    cells: dict[str, list[int | None]]
    values: dict[str, list[int]]
    blank_rows: list[str]
    missing: tuple[str, ...]

    @property
    def absent(self) -> bool:
        return len(self.missing) == len(self.layout.keys)

    def has(self, key: str) -> bool:
        return key in self.values


def read_table3(report: AnnualReport) -> Table3:
    """Return table 三 of ``report`` ready for the checks."""
    layout = LAYOUTS[report.format]
    cells = report.applications
    missing = _missing_rows(layout.keys, cells)
    present = layout.keys[: len(layout.keys) - len(missing)]
    values = {key: cells[key] for key in present}
    blank_rows = [key for key in present if None in cells[key]]
    for key in blank_rows:
        values[key] = _values(cells[key])
    return Table3(layout, cells, values, blank_rows, missing)


def _all_blank(row: list[int | None]) -> bool:
    return row.count(None) == len(row)


def _missing_rows(keys: tuple[str, ...], cells: dict) -> tuple[str, ...]:
    end = len(keys)
    while end and _all_blank(cells[keys[end - 1]]):
        end -= 1
    missing = keys[end:]
    return missing if "total" in missing else ()


def _values(row: list[int | None]) -> list[int]:
    parts = [value or 0 for value in row[:TOTAL_COLUMN]]
    total = row[TOTAL_COLUMN]
    return [*parts, sum(parts) if total is None else total]


def _blank_total(row: list[int | None], value: list[int]) -> bool:
    """Whether the row's 总计 is blank although its parts are not all zero."""
    return row[TOTAL_COLUMN] is None and value[TOTAL_COLUMN] != 0


# --- the checks -------------------------------------------------------------


def check_applications(table: Table3) -> list[Finding]:
    """Return the findings on table 三 (see the module docstring)."""
    if table.absent:
        message = f"表格缺失：未找到“{TABLE_NAME}”表格的数据"
        return [finding("TABLE-MISSING", message, [])]
    findings = _missing_finding(table)
    findings += _negative_cells(table)
    findings += _row_sums(table)
    if table.has("total"):
        findings += _column_totals(table)
    if table.has("carried_forward"):
        findings += _balance(table)
    findings += _blank_cells(table)
    return findings


def _missing_finding(table: Table3) -> list[Finding]:
    missing = table.missing
    if not missing:
        return []
    names = table.layout.names
    first = names[missing[0]]
    last = names[missing[-1]]
    count = len(missing)
    message = (
        f"表格不完整：“{TABLE_NAME}”表格缺少最后 {count} 行"
        f"（从“{first}”到“{last}”），文本可能在此截断，"
        "依赖这些行的列合计与勾稽关系未核对"
    )
    paths = table.layout.paths
    return [finding("TABLE-MISSING", message, [p for k in missing for p in paths[k]])]


def _negative_cells(table: Table3) -> list[Finding]:
    # R59: every cell of table 三 is a non-negative integer.  ``values`` holds
    # every printed cell, so its minimum says whether any cell is negative.
    if min(map(min, table.values.values())) >= 0:
        return []
    return [f for key in table.values for f in _negative_row(table, key)]


def _negative_row(table: Table3, key: str) -> list[Finding]:
    name = table.layout.names[key]
    findings = []
    for i, value in enumerate(table.cells[key]):
        if value is not None and value < 0:
            label = COLUMN_LABELS[i]
            message = f"数量为负：{name}行{label}列为 {value}，申请件数不能为负"
            findings.append(finding("NONNEG", message, [table.layout.paths[key][i]]))
    return findings


def _row_sums(table: Table3) -> list[Finding]:
    cells = table.cells
    # A blank 总计 (None) never equals a sum: those rows are looked at too.
    suspects = [
        key
        for key, value in table.values.items()
        if sum(value[:TOTAL_COLUMN]) != cells[key][TOTAL_COLUMN]
    ]
    found = (_row_sum(table, key) for key in suspects)
    return [f for f in found if f is not None]


def _row_sum(table: Table3, key: str) -> Finding | None:
    # 国办公开办函〔2021〕30号 表三, R58: 总计 = 自然人 + 法人或其他组织五类之和.
    row = table.cells[key]
    value = table.values[key]
    parts = value[:TOTAL_COLUMN]
    added = sum(parts)
    total = row[TOTAL_COLUMN]
    if total == added or (total is None and added == 0):
        return None
    name = table.layout.names[key]
    terms = addition(parts, PART_LABELS)
    cells = list(table.layout.paths[key])
    if total is None:
        message = (
            f"行合计缺失：{name}行的{TOTAL_LABEL}单元格空白，"
            f"而各类申请人相加为 {terms}，{TOTAL_LABEL}应为 {added}"
        )
        return finding("T3-ROWSUM", message, cells, severity="warning")
    note = blank_note(None in row)
    message = f"行合计不符：{name}行：{terms}，而{TOTAL_LABEL}为 {total}{note}"
    return finding("T3-ROWSUM", message, cells)


def _column_totals(table: Table3) -> list[Finding]:
    # 国办公开办函〔2021〕30号 表三, R57: （七）总计 = 三（一）至（六）各项之和
    # (the groups （三）–（六） have no subtotal row of their own).
    outcome_keys = table.layout.outcome_keys
    rows = [table.values[key] for key in outcome_keys]
    totals = table.values["total"]
    findings = []
    for column, column_sum in enumerate(map(sum, zip(*rows, strict=True))):
        if column_sum != totals[column]:
            findings.append(_column_total_finding(table, column))
    return findings


def _column_total_finding(table: Table3, column: int) -> Finding:
    layout = table.layout
    keys = (*layout.outcome_keys, "total")
    terms = addition(table.values[key][column] for key in layout.outcome_keys)
    total = table.values["total"][column]
    label = COLUMN_LABELS[column]
    total_name = layout.names["total"]
    note = _column_blank_note(table, keys, column)
    message = (
        f"办理结果总计不符：{label}列：{total_name}为 {total}，"
        f"而各项办理结果之和为 {terms}{note}"
    )
    return finding("T3-TOTAL", message, [layout.paths[key][column] for key in keys])


def _balance(table: Table3) -> list[Finding]:
    # 国办公开办函〔2021〕30号 表三, R56: 第一项加第二项之和，等于第三项加第四项之和.
    new = table.values["new"]
    carried_over = table.values["carried_over"]
    total = table.values["total"]
    carried_forward = table.values["carried_forward"]
    return [
        _balance_finding(table, column)
        for column in range(len(COLUMN_LABELS))
        if new[column] + carried_over[column] != total[column] + carried_forward[column]
    ]


def _balance_finding(table: Table3, column: int) -> Finding:
    keys = ("new", "carried_over", "total", "carried_forward")
    names = [table.layout.names[key] for key in keys]
    a, b, c, d = (table.values[key][column] for key in keys)
    left = a + b
    right = c + d
    label = COLUMN_LABELS[column]
    note = _column_blank_note(table, keys, column)
    message = (
        f"勾稽关系不成立{BALANCE_NOTE}：{label}列："
        f"{names[0]} {a} + {names[1]} {b} = {left}，"
        f"{names[2]} {c} + {names[3]} {d} = {right}{note}"
    )
    paths = [table.layout.paths[key][column] for key in keys]
    return finding("T3-BALANCE", message, paths)


def _column_blank_note(table: Table3, keys, column: int) -> str:
    blank = [key for key in keys if table.cells[key][column] is None]
    if not blank:
        return ""
    if column == TOTAL_COLUMN:
        return TOTAL_BLANK_NOTE
    return blank_note(True)


def _blank_cells(table: Table3) -> list[Finding]:
    found = (_blank_row(table, key) for key in table.blank_rows)
    return [f for f in found if f is not None]


def _blank_row(table: Table3, key: str) -> Finding | None:
    row = table.cells[key]
    name = table.layout.names[key]
    paths = table.layout.paths[key]
    if _all_blank(row):
        message = f"空白单元格：{name}行整行空白，按 0 计"
        return finding("CELL-BLANK", message, list(paths))
    blank = [i for i, value in enumerate(row) if value is None]
    if _blank_total(row, table.values[key]):
        # T3-ROWSUM already reports this 总计 as missing, not as zero.
        blank.remove(TOTAL_COLUMN)
        if not blank:
            return None
    labels = "、".join(COLUMN_LABELS[i] for i in blank)
    message = f"空白单元格：{name}行的{labels}空白，按 0 计"
    return finding("CELL-BLANK", message, [paths[i] for i in blank])
