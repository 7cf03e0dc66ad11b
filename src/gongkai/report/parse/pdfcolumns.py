"""Unruled PDF tables: put each number in its column by its x position.

Without rule lines no table is found (:mod:`.pdfgrid`), and a row printed with
blank cells reads ``一、本年新收… 821 35 2 1 859``: five numbers for seven
columns.  The column headers are still on the page, one word above the
other in narrow columns (``商业`` / ``企业``).  Stacking the header words
that overlap horizontally gives each column's text and x position; when
all leaf headers of table 三 (自然人 … 总计) or of table 四 (结果维持 … 总计,
three times) are found in order, the numbers of the rows below are placed
in the nearest column, and the row is handed on as table cells with the
other cells blank.  A number that is not clearly under one column leaves
the line as it was (the table reader then says the row is unreadable).
"""

import re
from dataclasses import dataclass, field

from ..schema import APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_COLUMNS

_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
_HEADER_WORD = re.compile(r"[\u4e00-\u9fff]{1,6}")
TABLES = {
    "applications": (
        re.compile(r"申请人情况|勾稽关系"),
        [c.label for c in APPLICANT_COLUMNS],
    ),
    "appeals": (
        re.compile(r"^行政复议"),
        [c.label for c in APPEAL_COLUMNS] * len(APPEAL_GROUPS),
    ),
}
_END = re.compile(r"^[四五六][、.]")


@dataclass
class Line:
    top: float
    words: list[dict]
    where: str = ""
    cells: list[str] | None = None  # set when placed on the columns

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)


@dataclass
class _Stack:
    x0: float
    x1: float
    words: list[str] = field(default_factory=list)

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


def group_lines(words: list[dict], tolerance: float = 3) -> list[Line]:
    """Group words into lines by their top, each line sorted by x."""
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1].top - word["top"]) <= tolerance:
            lines[-1].words.append(word)
        else:
            lines.append(Line(word["top"], [word]))
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
    return lines


def place_numbers(lines: list[Line]) -> None:
    """Set ``cells`` on the table rows of ``lines`` (all pages, in order)."""
    columns: list[float] | None = None
    for i, line in enumerate(lines):
        text = line.text
        found = _header_columns(lines, i, text)
        if found:
            columns = found
            continue
        if columns and _END.match(text) and not _trailing_numbers(line):
            columns = None
        elif columns:
            _place(line, columns)


def _header_columns(lines: list[Line], i: int, text: str) -> list[float] | None:
    for start, labels in TABLES.values():
        if start.search(text):
            end = next(
                (j for j in range(i + 1, len(lines)) if _trailing_numbers(lines[j])),
                None,
            )
            if end is not None and end - i <= 12:
                return _match(_stacks(lines[i:end]), labels)
    return None


def _stacks(lines: list[Line]) -> list[_Stack]:
    stacks: list[_Stack] = []
    for line in lines:
        for word in line.words:
            if not _HEADER_WORD.fullmatch(word["text"]):
                continue
            stack = next((s for s in stacks if _overlap(s, word)), None)
            if stack is None:
                stacks.append(_Stack(word["x0"], word["x1"], [word["text"]]))
            else:
                stack.words.append(word["text"])
                stack.x0, stack.x1 = (
                    min(stack.x0, word["x0"]),
                    max(stack.x1, word["x1"]),
                )
    return sorted(stacks, key=lambda s: s.x0)


def _overlap(stack: _Stack, word: dict) -> bool:
    common = min(stack.x1, word["x1"]) - max(stack.x0, word["x0"])
    narrower = min(stack.x1 - stack.x0, word["x1"] - word["x0"])
    return narrower > 0 and common >= 0.5 * narrower


def _match(stacks: list[_Stack], labels: list[str]) -> list[float] | None:
    """The x centre of each leaf header, found left to right; the header
    above spans several columns, so a stack need only end with its label."""
    centres = []
    for stack in stacks:
        if len(centres) < len(labels) and "".join(stack.words).endswith(
            labels[len(centres)]
        ):
            centres.append(stack.centre)
    return centres if len(centres) == len(labels) else None


def _trailing_numbers(line: Line) -> list[dict]:
    out = []
    for word in reversed(line.words):
        if not _NUMBER.fullmatch(word["text"]):
            break
        out.append(word)
    return out[::-1]


def _place(line: Line, columns: list[float]) -> None:
    numbers = _trailing_numbers(line)
    if not numbers or len(numbers) > len(columns):
        return
    pitch = min(b - a for a, b in zip(columns, columns[1:], strict=False))
    cells = [""] * len(columns)
    last = -1
    for word in numbers:
        centre = (word["x0"] + word["x1"]) / 2
        k = min(range(len(columns)), key=lambda c: abs(columns[c] - centre))
        if k <= last or abs(columns[k] - centre) > 0.45 * pitch:
            return
        cells[k] = word["text"]
        last = k
    label = " ".join(w["text"] for w in line.words[: len(line.words) - len(numbers)])
    line.cells = ([label] if label else []) + cells
