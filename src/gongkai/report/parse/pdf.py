"""PDF → :class:`Document` with PDFium (``pypdfium2``).

Per page (:mod:`.pdfpage`): words with their boxes and the rule lines.
Ruled tables are rebuilt from the rules (:mod:`.pdfgrid`) and read cell by
cell (a merged cell once, an empty cell as a blank); the words outside them
are grouped into lines by position, and the numbers of unruled tables are
placed in columns by x position (:mod:`.pdfcolumns`).  Lines and tables are
merged in reading order (top to bottom).

A PDF without a text layer (a scan) is refused, or read by OCR with
``ocr=True`` (:mod:`.ocr`): the page images give words and rules the same
way, and every value read from them is marked as read by OCR.
"""

import io

from ..model import ReportError
from .clean import Cleaner
from .document import Document, DocumentBuilder
from .pdfcolumns import group_lines, place_numbers
from .pdfgrid import find_tables
from .pdfpage import PageContent, read_page

MAX_PAGES = 300
NO_TEXT = (
    "此 PDF 没有文字层（可能是扫描件），无法读取；请提供带文字层的 PDF、"
    "Word 文档或网页，或手工录入（也可以用 OCR 识别：--ocr）"
)
ENCRYPTED = "PDF 已加密（需要密码或不允许提取文字），无法读取"


def read_pdf(data: bytes, *, ocr: bool = False) -> Document:
    return _document(load_pages(data, ocr=ocr))


def read_image_file(data: bytes) -> Document:
    """A page image (PNG, JPEG, TIFF; every frame a page) read by OCR."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    from .ocr import available, read_image

    if not available():
        from .ocr import NOT_INSTALLED

        raise ReportError(NOT_INSTALLED)
    try:
        image = Image.open(io.BytesIO(data))
        frames = [frame.copy() for frame in ImageSequence.Iterator(image)][:40]
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise ReportError("图片文件已损坏，无法读取") from exc
    dpi = int((image.info.get("dpi") or (300, 300))[0]) or 300
    return _document([read_image(frame, max(72, min(dpi, 1200))) for frame in frames])


def _document(pages: list[PageContent]) -> Document:
    items = [page_items(page) for page in pages]
    lines = [item for page in items for _top, kind, item in page if kind == "line"]
    place_numbers(lines)
    sample = "".join(line.text for line in lines)
    builder = DocumentBuilder("pdf", Cleaner.for_text(sample[:20000]))
    for number, page in enumerate(items, start=1):
        _add_page(builder, number, page)
    document = builder.build(wrapped=True)
    document.ocr = any(page.source == "ocr" for page in pages)
    return document


def load_pages(data: bytes, *, ocr: bool = False) -> list[PageContent]:
    """Return the content of every page; OCR pages without text if asked."""
    import pypdfium2
    import pypdfium2.raw as pdfium

    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise ReportError(_describe(exc, data)) from exc
    try:
        _check_document(pdfium, pdf)
        pages = [_page(pdfium, pdf, i) for i in range(len(pdf))]
        if not any(page.words for page in pages):
            if not ocr:
                raise ReportError(NO_TEXT)
            from .ocr import ocr_pages

            pages = ocr_pages(pdf)
    finally:
        pdf.close()
    return pages


def _check_document(pdfium, pdf) -> None:
    if len(pdf) > MAX_PAGES:
        raise ReportError(f"PDF 页数过多（超过 {MAX_PAGES} 页），不像是一份年度报告")
    if len(pdf) == 0:
        raise ReportError("PDF 文件已损坏或不完整，无法读取（没有页面）")
    permissions = pdfium.FPDF_GetDocPermissions(pdf.raw)
    revision = pdfium.FPDF_GetSecurityHandlerRevision(pdf.raw)
    if revision != -1 and not permissions & 0x10 and not permissions & 0x200:
        raise ReportError(ENCRYPTED)  # bit 5: copy text; bit 10: extract it


def _page(pdfium, pdf, index: int) -> PageContent:
    page = pdf[index]
    try:
        return read_page(pdfium, page)
    finally:
        page.close()


def page_items(page: PageContent) -> list:
    """Return ``(top, kind, content)`` for the lines and tables of a page."""
    tables = find_tables(page.horizontal, page.vertical, page.words)
    outside = [w for w in page.words if not any(t.contains(w) for t in tables)]
    items = [(line.top, "line", line) for line in group_lines(outside)]
    items += [(t.top, "table", t.rows) for t in tables]
    return sorted(items, key=lambda item: item[0])


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
                for c, text in row
            ]
            if cells:
                builder.row(cells)


def _describe(exc: Exception, data: bytes) -> str:
    # PDFium keeps its last error code across documents: a file it fails to
    # load without setting one (no pages) inherits "password" from an
    # encrypted file read before.  An encrypted PDF names its /Encrypt
    # dictionary in the trailer or the (uncompressed) cross-reference
    # stream dictionary, so the code counts only with that name present.
    text = str(exc).lower()
    if ("password" in text or "security" in text) and b"/Encrypt" in data:
        return ENCRYPTED
    return f"PDF 文件已损坏或不完整，无法读取（{type(exc).__name__}: {exc}）"
