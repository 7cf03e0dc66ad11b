"""PDF → :class:`Document` with pdfplumber.

Per page, ruled tables are found with ``find_tables`` and read cell by cell
(merged cells come back as ``None`` and are skipped, empty cells as
blanks); the text outside them is read as lines (pdfplumber groups
characters into lines by position, and puts a space where there is a gap,
so unruled tables keep one row per line with its numbers apart; their
numbers are placed in columns by x position, see :mod:`.pdfcolumns`).
Lines and tables are merged in reading order (top to bottom).
"""

import io

from ..model import ReportError
from .clean import Cleaner
from .document import Document, DocumentBuilder
from .pdfcolumns import group_lines, place_numbers

MAX_PAGES = 300
NO_TEXT = "此 PDF 没有文字层（可能是扫描件），无法读取；请提供带文字层的 PDF、Word 文档或网页，或手工录入"


def read_pdf(data: bytes) -> Document:
    try:
        pages = _read_pages(data)
    except ReportError:
        raise
    except Exception as exc:  # pdfminer raises many kinds for broken files
        raise ReportError(_describe(exc)) from exc
    if not any(items for items in pages):
        raise ReportError(NO_TEXT)
    lines = [item for items in pages for _top, kind, item in items if kind == "line"]
    place_numbers(lines)
    sample = "".join(line.text for line in lines)
    builder = DocumentBuilder("pdf", Cleaner.for_text(sample[:20000]))
    for number, items in enumerate(pages, start=1):
        _add_page(builder, number, items)
    return builder.build(wrapped=True)


def _read_pages(data: bytes) -> list[list]:
    import pdfplumber

    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        if len(pdf.pages) > MAX_PAGES:
            raise ReportError(
                f"PDF 页数过多（超过 {MAX_PAGES} 页），不像是一份年度报告"
            )
        for page in pdf.pages:
            pages.append(_page_items(page) if page.chars else [])
    return pages


def _page_items(page) -> list:
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    outside = page.filter(lambda obj: not _inside(obj, boxes)) if boxes else page
    words = outside.extract_words()
    items = [(line.top, "line", line) for line in group_lines(words)]
    items += [(t.bbox[1], "table", t.extract()) for t in tables]
    return sorted(items, key=lambda item: item[0])


def _inside(obj, boxes) -> bool:
    if "x0" not in obj or "top" not in obj:
        return False
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _add_page(builder: DocumentBuilder, number: int, items: list) -> None:
    line = table = 0
    for _top, kind, content in items:
        if kind == "line":
            line += 1
            where = f"第 {number} 页第 {line} 行"
            if content.cells is None:
                builder.line(content.text, where)
            else:
                builder.row([(cell, where) for cell in content.cells])
            continue
        table += 1
        for r, row in enumerate(content, start=1):
            cells = [
                (text, f"第 {number} 页表 {table} 第 {r} 行第 {c} 列")
                for c, text in enumerate(row, start=1)
                if text is not None
            ]
            if cells:
                builder.row(cells)


def _describe(exc: Exception) -> str:
    name = type(exc).__name__
    chain = f"{name} {exc!r} {exc.__cause__!r} {exc.__context__!r}".lower()
    if "password" in chain or "encrypt" in chain:
        return "PDF 已加密（需要密码或不允许提取文字），无法读取"
    return f"PDF 文件已损坏或不完整，无法读取（{name}）"
