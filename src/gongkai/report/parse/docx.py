"""DOCX → :class:`Document` with python-docx.

Paragraphs become lines and table rows become table rows, in body order.
A merged cell is given once: python-docx repeats a horizontally merged cell
in ``row.cells`` (deduplicated on ``cell._tc``) and keeps the continuation
cells of a vertical merge (``vMerge="continue"``), which are skipped.
"""

import io
import zipfile

from ..model import ReportError
from .clean import Cleaner
from .document import Document, DocumentBuilder

# A Word document's XML is rarely over a few MB; a zip bomb expands to GBs.
MAX_XML_BYTES = 50 * 1024 * 1024
MAX_RATIO = 200


def read_docx(data: bytes, archive: zipfile.ZipFile) -> Document:
    _check_archive(archive)
    try:
        return _read(data)
    except Exception as exc:  # python-docx and lxml raise many kinds
        raise ReportError(
            f"Word 文档已损坏或格式不受支持（{type(exc).__name__}）"
        ) from exc


def _read(data: bytes) -> Document:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    blocks = []
    for child in _body_blocks(document.element.body):
        if _local(child) == "p":
            blocks.append(Paragraph(child, document).text)
        else:
            blocks.append(Table(child, document))
    sample = "".join(b for b in blocks if isinstance(b, str))[:20000]
    builder = DocumentBuilder("docx", Cleaner.for_text(sample))
    paragraphs = tables = 0
    for block in blocks:
        if isinstance(block, str):
            paragraphs += 1
            builder.line(block, f"第 {paragraphs} 段")
        else:
            tables += 1
            _table(builder, block, tables)
    return builder.build()


def _local(element) -> str:
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def _body_blocks(parent):
    """Yield paragraphs and tables in order, also inside content controls."""
    for child in parent.iterchildren():
        tag = _local(child)
        if tag in ("p", "tbl"):
            yield child
        elif tag in ("sdt", "sdtContent", "customXml"):
            yield from _body_blocks(child)


def _check_archive(archive: zipfile.ZipFile) -> None:
    total = 0
    for info in archive.infolist():
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_XML_BYTES or (
            info.file_size > 1_000_000 and ratio > MAX_RATIO
        ):
            raise ReportError("Word 文档异常（解压后过大，可能是压缩炸弹），拒绝读取")
    if total > 4 * MAX_XML_BYTES:
        raise ReportError("Word 文档异常（解压后过大），拒绝读取")


def _table(builder: DocumentBuilder, table, number: int) -> None:
    for r, row in enumerate(table.rows, start=1):
        cells = []
        seen = set()
        for c, cell in enumerate(row.cells, start=1):
            tc = cell._tc  # the same element for every column a cell spans
            if tc in seen or tc.vMerge == "continue":
                seen.add(tc)
                continue
            seen.add(tc)
            cells.append((cell.text, f"表 {number} 第 {r} 行第 {c} 列"))
        if cells:
            builder.row(cells)
