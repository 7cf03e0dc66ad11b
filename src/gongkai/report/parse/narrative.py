"""The free text of sections 一, 五 and 六, cleaned for reading.

Page numbers, table rows and empty lines go; lines of hard-wrapped text
(PDF) are joined into paragraphs: a paragraph ends after a sentence-final
mark or a short line, or before a line that starts a numbered item.
"""

import re
from statistics import median

from .document import ROW, Document
from .tokens import is_page_number

_END = re.compile(r"[。！？!?：:；;]$")
_ITEM = re.compile(
    r"^(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、](?!\d))"
)


def lines_of(doc: Document, spans: list[tuple[int, int]]) -> list[str]:
    """Return the text lines in ``spans`` without table rows or page numbers."""
    out = []
    for start, end in spans:
        for line in doc.text[start:end].split("\n"):
            stripped = line.strip()
            if not stripped or line.startswith(ROW) or is_page_number(stripped):
                continue
            if re.fullmatch(r"\d{1,3}", stripped):
                continue  # a bare page number
            out.append(stripped)
    return out


def is_wrapped(lines: list[str]) -> bool:
    """Hard-wrapped text: most lines end mid-sentence and are short."""
    if len(lines) < 4:
        return False
    open_ended = sum(1 for line in lines if not _END.search(line))
    return open_ended >= 0.5 * len(lines) and median(len(x) for x in lines) <= 45


def paragraphs(lines: list[str], wrapped: bool) -> str | None:
    if not lines:
        return None
    if not wrapped:
        return "\n".join(lines)
    width = sorted(_width(x) for x in lines)[int(0.9 * (len(lines) - 1))]
    out: list[str] = []
    previous = ""
    for line in lines:
        if out and not _breaks(previous, line, width):
            out[-1] = _join(out[-1], line)
        else:
            out.append(line)
        previous = line
    return "\n".join(out)


def _breaks(previous: str, line: str, width: int) -> bool:
    """A paragraph ends at a short line, or at a sentence end that does not
    fill the line, or before a numbered item."""
    size = _width(previous)
    if _ITEM.match(line) or size < 0.7 * width:
        return True
    return bool(_END.search(previous)) and size < 0.92 * width


def _width(text: str) -> int:
    """Display width: a Chinese character (3 bytes in UTF-8) counts 2."""
    return len(text) + (len(text.encode()) - len(text)) // 2


def _join(a: str, b: str) -> str:
    if a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return a + " " + b
    return a + b
