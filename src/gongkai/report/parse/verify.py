"""Values read by OCR are kept only where the table's arithmetic vouches
for them.

OCR misreads digits (``376`` as ``316``) with high confidence, and a wrong
number must never be reported as read.  Tables 三 and 四 carry equations
(国办公开办函〔2021〕30号 and the 2019 trial format print them): each row of
table 三 adds up to its 总计, each column of table 三 adds up as
（七）总计 = the outcome rows and 一 + 二 = （七）+ 四 (the 勾稽关系 printed in
the table), and each group of table 四 adds up to its 总计.

A cell read by OCR is kept only if an equation through it holds and none
fails: a misread digit loses its row and its column (some right values
with it); a wrong value survives only if errors cancel out in every
complete equation through it.  Every other cell is left null with
CELL-UNREADABLE.  Blank cells count as 0, as
the checks count them.  An equation of zeros vouches for nothing (a row of
zeros adds up under any label) unless every row of table 三 was found
under its own label; table 四 is one row read by position.  Table 二 has no equation: its values stay, marked
as read by OCR like every other value.
"""

from dataclasses import dataclass

from ..model import Finding
from ..schema import (
    APPEAL_GROUPS,
    N_APPEAL_COLUMNS,
    N_COLUMNS,
    TOTAL_COLUMN,
    ReportFormat,
)

OK, FAIL, OPEN = "ok", "fail", "open"


@dataclass(frozen=True)
class Equation:
    parts: tuple[str, ...]  # cell paths adding up to …
    totals: tuple[str, ...]  # … these cell paths


def equations(fmt: ReportFormat) -> list[Equation]:
    """Every equation of tables 三 and 四 by cell path."""
    out = []
    for key in fmt.row_keys:
        parts = tuple(f"applications.{key}[{i}]" for i in range(TOTAL_COLUMN))
        out.append(Equation(parts, (f"applications.{key}[{TOTAL_COLUMN}]",)))
    for i in range(N_COLUMNS):
        cell = "applications.{}[" + str(i) + "]"
        outcomes = tuple(cell.format(k) for k in fmt.outcome_keys)
        out.append(Equation(outcomes, (cell.format("total"),)))
        out.append(
            Equation(
                (cell.format("new"), cell.format("carried_over")),
                (cell.format("total"), cell.format("carried_forward")),
            )
        )
    last = N_APPEAL_COLUMNS - 1
    for group in APPEAL_GROUPS:
        parts = tuple(f"appeals.{group.key}[{i}]" for i in range(last))
        out.append(Equation(parts, (f"appeals.{group.key}[{last}]",)))
    return out


def state(
    equation: Equation, values: dict, blank: set[str], zeros: bool = False
) -> str:
    numbers = []
    for path in equation.parts + equation.totals:
        value = values.get(path)
        if value is None and path not in blank:
            return OPEN
        numbers.append(value or 0)
    parts = sum(numbers[: len(equation.parts)])
    if parts != sum(numbers[len(equation.parts) :]):
        return FAIL
    # Zeros add up whatever row they are read under: they vouch for nothing,
    # unless every row was read under its own label.
    return OK if zeros or any(numbers) else OPEN


def untrusted(
    fmt: ReportFormat, values: dict, blank: set[str], whole: bool = False
) -> set[str]:
    """The cells of tables 三 and 四 whose values the arithmetic does not
    vouch for: no complete equation through them holds, or one fails.
    ``whole``: every row of table 三 was found under its own label."""
    by_cell: dict[str, list[str]] = {}
    for eq in equations(fmt):
        zeros = whole or eq.parts[0].startswith("appeals")
        st = state(eq, values, blank, zeros)
        for path in eq.parts + eq.totals:
            by_cell.setdefault(path, []).append(st)
    return {
        path
        for path, states in by_cell.items()
        if values.get(path) is not None and (FAIL in states or OK not in states)
    }


def ocr_findings(paths: list[str]) -> list[Finding]:
    """CELL-UNREADABLE for the values OCR read that were left null."""
    if not paths:
        return []
    message = (
        f"以下 {len(paths)} 个单元格由 OCR 识别，但数值不满足表格的勾稽关系"
        "（或无法用勾稽关系核对），未采用：" + "、".join(paths[:20])
    )
    if len(paths) > 20:
        message += " 等"
    return [
        Finding(
            rule="CELL-UNREADABLE", severity="warning", message=message, cells=paths
        )
    ]
