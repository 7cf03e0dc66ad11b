"""The document every reader produces: one cleaned text plus locations.

Plain lines are separated by ``\\n``.  A table row found as such (HTML, DOCX,
PDF tables, ``|``-separated text) is one line that starts with :data:`ROW`
and has :data:`CELL` between its cells, so the table reader knows where the
cells are and which are empty.  ``locate(offset)`` names where a piece of
text came from ("第 37 行", "第 2 页第 14 行", "表 3 第 5 行第 2 列").
"""

from bisect import bisect_right
from dataclasses import dataclass, field

from .clean import Cleaner, normalise

ROW = "\x1e"
CELL = "\x1f"


@dataclass
class Document:
    kind: str
    text: str = ""
    norm: str = ""
    # Offsets where a new location starts, and the location's name.
    offsets: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    # Empty lines between two plain lines that mean nothing (1 when the
    # source separates every line by a blank one, as converted HTML does).
    base_gap: int = 0
    # True for hard-wrapped text (PDF): narrative lines must be joined.
    wrapped: bool = False
    # True when some text was read from page images by OCR.
    ocr: bool = False

    def locate(self, offset: int) -> str:
        i = bisect_right(self.offsets, offset) - 1
        return self.names[i] if i >= 0 else ""


class DocumentBuilder:
    """Collect lines and table rows, cleaning every piece on the way in."""

    def __init__(self, kind: str, cleaner: Cleaner):
        self.kind = kind
        self.clean = cleaner
        self.parts: list[str] = []
        self.size = 0
        self.offsets: list[int] = []
        self.names: list[str] = []

    def _mark(self, name: str) -> None:
        if self.names and self.offsets[-1] == self.size:
            self.names[-1] = name
        else:
            self.offsets.append(self.size)
            self.names.append(name)

    def _put(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)

    def line(self, text: str, where: str) -> None:
        self._mark(where)
        text = self.clean(text)
        if ROW in text or CELL in text:
            text = text.replace(ROW, "").replace(CELL, "")
        self.parts.append(text + "\n")
        self.size += len(text) + 1

    def row(self, cells: list[tuple[str, str]]) -> None:
        """Add a table row: ``cells`` are ``(text, where)`` in column order."""
        self._put(ROW)
        for i, (text, where) in enumerate(cells):
            if i:
                self._put(CELL)
            self._mark(where)
            self._put(_one_line(self.clean(text)))
        self._put("\n")

    def build(self, base_gap: int = 0, wrapped: bool = False) -> Document:
        text = "".join(self.parts)
        return Document(
            self.kind,
            text,
            normalise(text),
            self.offsets,
            self.names,
            base_gap=base_gap,
            wrapped=wrapped,
        )


def _one_line(text: str) -> str:
    """Join the lines of a cell (``自\\n然\\n人``) into one."""
    text = text.replace(ROW, "").replace(CELL, "")
    if "\n" not in text and "\r" not in text:
        return text
    pieces = [p.strip() for p in text.splitlines() if p.strip()]
    out = ""
    for piece in pieces:
        if out and out[-1].isascii() and out[-1].isalnum() and piece[0].isascii():
            out += " "
        out += piece
    return out
