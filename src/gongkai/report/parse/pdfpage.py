"""What a PDF page holds for the readers: words with boxes, and rule lines.

Read with PDFium (``pypdfium2``) through its C API, character by character:
a character's "loose" box (the font's full height, so that digits and
Chinese characters on one line share their top) gives its position, and
characters are joined into words until a space, a line change or a gap
wider than :data:`GAP` points.  Stroked or thin filled paths are the
table rules: each becomes a horizontal or vertical segment.

Coordinates are in points from the top-left corner of the page (PDF user
space is flipped), as :mod:`.pdfcolumns` and :mod:`.pdfgrid` expect.
"""

import ctypes
from dataclasses import dataclass, field

GAP = 3.0  # points between two characters that separate words
THIN = 2.5  # a path thinner than this is a rule line
SHORT = 4.0  # a rule shorter than this is a dot or a tick, not a line


@dataclass
class PageContent:
    """One page: words (dicts with text, x0, x1, top, bottom) and rules."""

    width: float
    height: float
    words: list[dict] = field(default_factory=list)
    horizontal: list[tuple[float, float, float]] = field(default_factory=list)
    vertical: list[tuple[float, float, float]] = field(default_factory=list)
    source: str = "text"  # "text" (the PDF's text layer) or "ocr"


def read_page(pdfium, page) -> PageContent:
    """Return the words and rule lines of one ``pypdfium2`` page."""
    width, height = page.get_size()
    content = PageContent(width, height)
    textpage = page.get_textpage()
    try:
        content.words = _words(pdfium, textpage.raw, height)
    finally:
        textpage.close()
    _rules(pdfium, page.raw, height, content)
    return content


def _text(pdfium, raw, count: int) -> str:
    buffer = ctypes.create_string_buffer(2 * (count + 1))
    pointer = ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
    written = pdfium.FPDFText_GetText(raw, 0, count, pointer)
    text = buffer.raw[: 2 * max(written - 1, 0)].decode("utf-16-le", "replace")
    if len(text) == count:
        return text
    # Characters outside the BMP take two UTF-16 units: ask one by one.
    return "".join(chr(pdfium.FPDFText_GetUnicode(raw, i)) for i in range(count))


class _WordBuilder:
    def __init__(self):
        self.words: list[dict] = []
        self.chars: list[str] = []
        self.box = [0.0, 0.0, 0.0, 0.0]  # x0, x1, top, bottom

    def add(self, char: str, x0: float, x1: float, top: float, bottom: float):
        box = self.box
        if self.chars and (
            abs(top - box[2]) > GAP or x0 - box[1] > GAP or x0 < box[0] - GAP
        ):
            self.flush()
        if not self.chars:
            self.box = [x0, x1, top, bottom]
        else:
            box[1], box[3] = max(box[1], x1), max(box[3], bottom)
        self.chars.append(char)

    def flush(self) -> None:
        if self.chars:
            x0, x1, top, bottom = self.box
            self.words.append(
                {"text": "".join(self.chars), "x0": x0, "x1": x1, "top": top,
                 "bottom": bottom}
            )  # fmt: skip
            self.chars = []


def _words(pdfium, raw, height: float) -> list[dict]:
    count = pdfium.FPDFText_CountChars(raw)
    if count <= 0:
        return []
    text = _text(pdfium, raw, count)
    rect = pdfium.FS_RECTF()
    builder = _WordBuilder()
    for i, char in enumerate(text):
        if char.isspace() or char in "\ufffe\ufeff\x00":
            builder.flush()
            continue
        if not pdfium.FPDFText_GetLooseCharBox(raw, i, rect):
            continue
        if rect.right - rect.left <= 0 and rect.top - rect.bottom <= 0:
            continue
        builder.add(
            char, rect.left, rect.right, height - rect.top, height - rect.bottom
        )
    builder.flush()
    return builder.words


def _rules(pdfium, raw, height: float, content: PageContent) -> None:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    path = pdfium.FPDF_PAGEOBJ_PATH
    for i in range(pdfium.FPDFPage_CountObjects(raw)):
        obj = pdfium.FPDFPage_GetObject(raw, i)
        if pdfium.FPDFPageObj_GetType(obj) != path:
            continue
        if not pdfium.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        box = (left.value, height - top.value, right.value, height - bottom.value)
        if min(box[2] - box[0], box[3] - box[1]) <= THIN:
            _add_rule(content, *box)
        elif pdfium.FPDFPath_CountSegments(obj) <= 5:
            pdfium.FPDFPath_GetDrawMode(obj, fill, stroke)
            if stroke.value:  # a stroked rectangle: its four sides
                _add_box(content, *box)


def _add_rule(content: PageContent, x0, top, x1, bottom) -> None:
    if x1 - x0 >= bottom - top and x1 - x0 >= SHORT:
        content.horizontal.append(((top + bottom) / 2, x0, x1))
    elif bottom - top >= SHORT:
        content.vertical.append(((x0 + x1) / 2, top, bottom))


def _add_box(content: PageContent, x0, top, x1, bottom) -> None:
    content.horizontal += [(top, x0, x1), (bottom, x0, x1)]
    content.vertical += [(x0, top, bottom), (x1, top, bottom)]
