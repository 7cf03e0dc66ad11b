"""Render an annual report as HTML, Markdown, DOCX, PDF or canonical JSON.

Every format follows one layout (:mod:`.layout`), which reproduces the
national format of ``spec/regulation.md`` §1: title, preamble, the six
sections in order, tables 二, 三 and 四 with their merged header cells.

Findings: ``findings=None`` means the report's own ``report.findings``; pass
``[]`` for a clean copy.  Cells named by a finding are marked (class and
``title`` in HTML, shading in DOCX), and the documents list the findings
after section 六.  JSON puts the given findings in its ``findings`` list.

Empty narrative sections print ``（未填写）`` for 一 and 五, which the agency
must write, and ``无。`` for 六, as reports with nothing further to add do.
Null cells print blank; zero prints ``0``.

Nothing here imports Django.
"""

from ..model import AnnualReport
from . import text
from .html import render_document, render_fragment, stylesheet

FORMATS = ("html", "md", "docx", "pdf", "json")
MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "json": "application/json",
}
EXTENSIONS = {
    "html": ".html",
    "md": ".md",
    "docx": ".docx",
    "pdf": ".pdf",
    "json": ".json",
}

__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "MEDIA_TYPES",
    "download_name",
    "render",
    "render_html_fragment",
    "stylesheet",
]


def render(report: AnnualReport, to: str, *, findings=None) -> bytes:
    """Return ``report`` rendered to ``to`` (one of :data:`FORMATS`) as bytes.

    Text formats are UTF-8.  Raise ``ValueError`` for an unknown format.
    """
    if to not in FORMATS:
        raise ValueError(f"不支持的输出格式：{to!r}（可选：{'、'.join(FORMATS)}）")
    return _WRITERS[to](report, findings)


def render_html_fragment(report: AnnualReport, findings=None) -> str:
    """Return the report body for embedding in a web page (see module doc)."""
    return render_fragment(report, findings)


def download_name(report: AnnualReport, to: str) -> str:
    """Return a file name for a download, e.g. ``某某乡2023年政府信息公开工作年度报告.pdf``."""
    return text.title(report) + EXTENSIONS[to]


def _html(report, findings) -> bytes:
    return render_document(report, findings).encode("utf-8")


def _md(report, findings) -> bytes:
    from .markdown import render_markdown

    return render_markdown(report, findings).encode("utf-8")


def _docx(report, findings) -> bytes:
    from .word import render_docx

    return render_docx(report, findings)


def _pdf(report, findings) -> bytes:
    # Imported on use: WeasyPrint loads Pango, which a JSON export never needs.
    from .pdf import render_pdf

    return render_pdf(report, findings)


def _json(report, findings) -> bytes:
    if findings is not None:
        report = report.model_copy(
            update={"findings": text.effective_findings(report, findings)}
        )
    return (report.to_json_text() + "\n").encode("utf-8")


_WRITERS = {"html": _html, "md": _md, "docx": _docx, "pdf": _pdf, "json": _json}
