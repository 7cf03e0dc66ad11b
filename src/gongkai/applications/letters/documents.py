"""A letter as DOCX (python-docx) and PDF (WeasyPrint), from its stored text.

The body's paragraphs are separated by blank lines; the last paragraph is
the signature (agency and date) and is set flush right, as in 公文.
"""

import io
from functools import cache
from html import escape

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"
CSS_TEXT = """
@page { size: A4; margin: 3.7cm 2.6cm 3.5cm 2.8cm;
  @bottom-center { content: "— " counter(page) " —"; font-size: 10pt; } }
html { font-family: "FangSong_GB2312", "仿宋_GB2312", "FangSong", "Noto Serif CJK SC", serif;
  font-size: 16pt; line-height: 1.75; }
h1 { font-family: "方正小标宋简体", "Noto Serif CJK SC", serif; font-size: 22pt;
  text-align: center; font-weight: bold; margin: 0 0 .5em; }
.number { text-align: right; margin: 0 0 1em; }
p { margin: 0; text-indent: 2em; white-space: pre-line; }
p.salutation { text-indent: 0; }
p.signature { text-align: right; text-indent: 0; margin-top: 2em; }
"""


def paragraphs(body: str) -> list[str]:
    return [p.strip("\n") for p in body.split("\n\n") if p.strip()]


def letter_html(title: str, number: str, body: str) -> str:
    """Return the letter as a standalone HTML page (for PDF and preview)."""
    parts = paragraphs(body)
    html = [
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title></head><body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="number">{escape(number)}</p>',
    ]
    for index, text in enumerate(parts):
        html.append(f'<p class="{_css_class(index, len(parts))}">{escape(text)}</p>')
    html.append("</body></html>")
    return "".join(html)


def letter_pdf(title: str, number: str, body: str) -> bytes:
    css, fonts, fetcher = _pdf_resources()
    document = HTML(string=letter_html(title, number, body), url_fetcher=fetcher)
    return document.write_pdf(stylesheets=[css], font_config=fonts)


def letter_docx(title: str, number: str, body: str) -> bytes:
    document = Document()
    _set_font(document.styles["Normal"], BODY_FONT, 16)
    _paragraph(
        document, title, WD_ALIGN_PARAGRAPH.CENTER, font=TITLE_FONT, size=22, bold=True
    )
    _paragraph(document, number, WD_ALIGN_PARAGRAPH.RIGHT)
    parts = paragraphs(body)
    for index, text in enumerate(parts):
        kind = _css_class(index, len(parts))
        align = WD_ALIGN_PARAGRAPH.RIGHT if kind == "signature" else None
        paragraph = _paragraph(document, text, align)
        if kind == "body":
            paragraph.paragraph_format.first_line_indent = Pt(32)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _css_class(index: int, count: int) -> str:
    if index == 0:
        return "salutation"
    return "signature" if index == count - 1 else "body"


def _paragraph(document, text, align=None, *, font=None, size=None, bold=False):
    paragraph = document.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    for i, line in enumerate(text.split("\n")):
        if i:
            paragraph.runs[-1].add_break()
        run = paragraph.add_run(line)
        if font or size or bold:
            _set_run_font(run, font or BODY_FONT, size or 16, bold)
    return paragraph


def _set_font(style, name: str, size: int) -> None:
    style.font.name = name
    style.font.size = Pt(size)
    # python-docx sets only the Latin font; Word/WPS need the East Asian one.
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _set_run_font(run, name: str, size: int, bold: bool) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


@cache
def _pdf_resources():
    fonts = FontConfiguration()
    fetcher = URLFetcher(allowed_protocols=frozenset())
    return CSS(string=CSS_TEXT, font_config=fonts, url_fetcher=fetcher), fonts, fetcher
