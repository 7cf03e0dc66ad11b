"""DOCX output: python-docx with real Word tables and merged cells.

Fonts are set on paragraph styles, Latin and East-Asian separately
(``w:eastAsia``): Word and WPS otherwise fall back to a Latin face for
Chinese.  The official 公文 fonts are named; a machine without them
substitutes its own, as it would for any government document.

Findings shade their cells and add a Word comment with the message.  The
tables themselves are written by :mod:`.word_tables`.
"""

from io import BytesIO

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.table import _Cell

from ..model import AnnualReport
from . import layout, text
from .layout import Heading, Paragraph, Table, Title
from .word_tables import table_element

LATIN_FONT = "Times New Roman"
BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
PAGE_NUMBER_FONT = "宋体"

# Paragraph styles.  Paragraphs get their style by id, since python-docx's
# lookup by name scans every style (2 ms a cell).  The added styles' ids are
# their names; "Heading1" and "TableGrid" are the ids of "Heading 1" and
# "Table Grid" in python-docx's default template.  Tests read the names back.
TITLE_STYLE = "年报标题"
TABLE_STYLE = "年报表格"
PLACEHOLDER_STYLE = "年报待填"
HEADING_STYLE_ID = "Heading1"
GRID_STYLE_ID = "TableGrid"
COMMENT_AUTHOR = "公开 Gongkai 数据核查"


def render_docx(report: AnnualReport, findings=None) -> bytes:
    """Return the report as a DOCX file (A4, page numbers in the footer)."""
    found = text.effective_findings(report, findings)
    doc = Document()
    _page_setup(doc.sections[0])
    _styles(doc)
    _page_number(doc.sections[0])
    marks = text.cell_marks(found)
    for block in layout.build(report).blocks:
        _block(doc, block, marks)
    if found:
        heading = _paragraph(doc, text.FINDINGS_HEADING, HEADING_STYLE_ID)
        heading.paragraph_format.page_break_before = True
        for line in text.finding_lines(found):
            doc.add_paragraph(line)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


# --- page and styles -----------------------------------------------------------


def _page_setup(section) -> None:
    # GB/T 9704: A4, margins 37/35/28/26 mm (top/bottom/left/right).
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(22)


def set_fonts(font, east_asia: str, size: float, bold: bool = False) -> None:
    """Set the Latin and East-Asian faces of a style's or run's ``font``."""
    font.name = LATIN_FONT
    font.size = Pt(size)
    font.bold = bold
    font.color.rgb = RGBColor(0, 0, 0)
    rfonts = font.element.get_or_add_rPr().get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(theme), None)
    rfonts.set(qn("w:eastAsia"), east_asia)


def _styles(doc) -> None:
    normal = doc.styles["Normal"]
    set_fonts(normal.font, BODY_FONT, 16)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    normal.element.get_or_add_rPr().append(lang)
    _spacing(normal.paragraph_format, Pt(28.95), indent=Pt(32))
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    heading = doc.styles["Heading 1"]
    set_fonts(heading.font, HEADING_FONT, 16)
    _spacing(heading.paragraph_format, Pt(28.95), indent=Pt(32))
    heading.paragraph_format.space_before = Pt(6)

    title = doc.styles.add_style(TITLE_STYLE, 1)
    title.base_style = normal
    set_fonts(title.font, TITLE_FONT, 22)
    _spacing(title.paragraph_format, Pt(36), indent=Pt(0))
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(24)

    table = doc.styles.add_style(TABLE_STYLE, 1)
    table.base_style = normal
    set_fonts(table.font, BODY_FONT, 10.5)
    _spacing(table.paragraph_format, None, indent=Pt(0))
    table.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    placeholder = doc.styles.add_style(PLACEHOLDER_STYLE, 1)
    placeholder.base_style = normal
    placeholder.font.color.rgb = RGBColor(0x66, 0x66, 0x66)


def _spacing(fmt, exact, indent) -> None:
    if exact is None:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = exact
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.first_line_indent = indent


def _page_number(section) -> None:
    """Put "— N —" centred in the footer, N a PAGE field."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Pt(0)
    paragraph.add_run("— ")
    _field(paragraph, "PAGE")
    paragraph.add_run(" —")
    for run in paragraph.runs:
        set_fonts(run.font, PAGE_NUMBER_FONT, 14)


def _field(paragraph, instruction: str) -> None:
    """Append a complex field showing "1" until Word updates it."""
    begin, instr, separate, result, end = (paragraph.add_run() for _ in range(5))
    begin._r.append(_fld_char("begin"))
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    instr._r.append(code)
    separate._r.append(_fld_char("separate"))
    result.text = "1"
    end._r.append(_fld_char("end"))


def _fld_char(kind: str):
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    return char


# --- blocks --------------------------------------------------------------------


def _block(doc, block, marks) -> None:
    if isinstance(block, Title):
        paragraph = _paragraph(doc, "", TITLE_STYLE)
        for i, line in enumerate(block.lines):
            run = paragraph.add_run(line)
            if i < len(block.lines) - 1:
                run.add_break()
    elif isinstance(block, Heading):
        _paragraph(doc, block.text, HEADING_STYLE_ID)
    elif isinstance(block, Paragraph):
        style = PLACEHOLDER_STYLE if block.kind == "placeholder" else None
        _paragraph(doc, block.text, style)
    elif isinstance(block, Table):
        _table(doc, block, marks)


def _paragraph(container, content: str, style_id: str | None):
    paragraph = container.add_paragraph(content)
    if style_id is not None:
        paragraph._p.style = style_id
    return paragraph


def _table(doc, table: Table, marks) -> None:
    tbl, marked = table_element(table, marks, TABLE_STYLE, GRID_STYLE_ID)
    doc.element.body._insert_tbl(tbl)
    grid = DocxTable(tbl, doc._body)
    for tc, cell in marked:
        run = _Cell(tc, grid).paragraphs[0].runs[0]
        doc.add_comment(
            run, text=marks[cell.path].tooltip, author=COMMENT_AUTHOR, initials="GK"
        )
    _paragraph(doc, "", TABLE_STYLE)  # Word needs a paragraph between tables.
