"""Read a published 政府信息公开工作年度报告 into an :class:`AnnualReport`.

``read(source)`` accepts a path, ``bytes`` or ``str`` holding a PDF, a DOCX,
an HTML page or plain text (including text extracted from a PDF), detects
which it is, and returns the canonical report: the tables' values, the
narrative of sections 一, 五 and 六, agency, year, the format the tables
follow, and findings (CELL-BLANK, CELL-UNREADABLE, TABLE-MISSING, LABELS,
SECTIONS, and OCR for scans read with ``ocr=True``) about what could not be
read as printed.  ``read_detailed``
also says where each value came from.

No number is ever guessed: a value is read from the document or left
``null`` with a finding.  Input that is not a readable report raises
:class:`ReportError` with a message in Chinese.
"""

from ..model import AnnualReport, ReportError
from .parser import ParseResult, parse_document
from .source import load_document

__all__ = ["ParseResult", "ReportError", "read", "read_detailed"]


def read_detailed(
    source, *, filename: str | None = None, ocr: bool = False
) -> ParseResult:
    """Return the parsed report with provenance and what was detected.

    ``ocr=True`` reads a scanned PDF (no text layer) or a page image by OCR
    (Tesseract, ``chi_sim``): every value so read is marked (finding OCR,
    provenance ``OCR 识别：…``) and values the table arithmetic does not
    vouch for are left null with CELL-UNREADABLE.
    """
    return parse_document(load_document(source, filename, ocr=ocr))


def read(source, *, filename: str | None = None, ocr: bool = False) -> AnnualReport:
    """Return the report read from ``source`` (path, bytes or text)."""
    return read_detailed(source, filename=filename, ocr=ocr).report
