"""Plain text (and text extracted from web pages or PDFs) → :class:`Document`.

Table cells in text come in three shapes, all turned into table rows here:

- ``a | b |  | c`` (cells joined by ``|``, an empty cell is blank) or
  ``a |`` per line (each cell ends with ``|``; a line ``|`` is a blank cell);
- cells on their own lines separated by lines holding only ``|`` (two such
  lines in a row enclose a blank cell);
- no separators at all: the table reader splits on spaces and, where the
  source separates every line by an empty one, reads extra empty lines as
  blank cells (:attr:`Document.base_gap`).
"""

from .clean import Cleaner
from .document import Document, DocumentBuilder


def read_text(text: str) -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Cleaning never removes a line break: clean once, then split.
    lines = Cleaner.for_text(text)(text).split("\n")
    builder = DocumentBuilder("text", _unchanged)
    if _bare_pipes(lines):
        _add_bare_pipe_lines(builder, lines)
    else:
        for number, line in enumerate(lines, start=1):
            _add_line(builder, line, f"第 {number} 行")
    return builder.build(base_gap=_base_gap(lines))


def _unchanged(text: str) -> str:
    return text


def _bare_pipes(lines: list[str]) -> bool:
    bare = sum(1 for line in lines if line.strip() == "|")
    mixed = sum(1 for line in lines if "|" in line and line.strip() != "|")
    return bare > 0 and mixed * 10 <= bare


def _add_line(builder: DocumentBuilder, line: str, where: str) -> None:
    if "|" not in line:
        builder.line(line, where)
        return
    segments = line.split("|")
    if line.endswith("|"):
        segments.pop()  # "cell |": the bar ends the cell
    if len(segments) > 1 and not segments[0].strip():
        segments.pop(0)  # "| a | b": the bar starts the row
    builder.row([(segment.strip(), where) for segment in segments] or [("", where)])


def _add_bare_pipe_lines(builder: DocumentBuilder, lines: list[str]) -> None:
    bars = 0
    for number, line in enumerate(lines, start=1):
        where = f"第 {number} 行"
        stripped = line.strip()
        if stripped == "|":
            bars += 1
            if bars > 1:
                builder.row([("", where)])
            continue
        if _between_bars(lines, number - 1):
            builder.row([(stripped, where)])
        else:
            builder.line(line, where)
        bars = 0 if stripped else bars


def _between_bars(lines: list[str], i: int) -> bool:
    if not lines[i].strip():
        return False
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and not lines[j].strip():
            j += step
        if 0 <= j < len(lines) and lines[j].strip() == "|":
            return True
    return False


def _base_gap(lines: list[str]) -> int:
    """Return 1 when most non-empty lines are followed by one empty line."""
    content = single = 0
    for i, line in enumerate(lines[:-2]):
        if not line.strip():
            continue
        content += 1
        if not lines[i + 1].strip() and lines[i + 2].strip():
            single += 1
    return 1 if content >= 5 and single >= 0.6 * content else 0
