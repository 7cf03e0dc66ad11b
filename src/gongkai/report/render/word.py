"""DOCX output: python-docx with real Word tables and merged cells.

Fonts are set on paragraph styles, Latin and East-Asian separately
(``w:eastAsia``): Word and WPS otherwise fall back to a Latin face for
Chinese.  The official 公文 fonts are named; a machine without them
substitutes its own, as it would for any government document.

Findings shade their cells and add a Word comment with the message.
"""

from io import BytesIO

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from ..model import AnnualReport
from . import layout, text
from .layout import Cell, Heading, Paragraph, Table, Title

LATIN_FONT = "Times New Roman"
BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
PAGE_NUMBER_FONT = "宋体"

TITLE_STYLE = "年报标题"
TABLE_STYLE = "年报表格"
PLACEHOLDER_STYLE = "年报待填"
COMMENT_AUTHOR = "公开 Gongkai 数据核查"

SHADES = {"error": "F8D0D0", "warning": "FBE7B5", "info": "DBE8F7"}
ITEM_SHADE = "F2F2F2"
# Successors of w:shd and w:textDirection in w:tcPr (ECMA-376 order).
_AFTER_SHD = (
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
)
_AFTER_TEXT_DIRECTION = ("w:tcFitText", "w:vAlign", "w:hideMark")
_AFTER_CANT_SPLIT = (
    "w:trHeight",
    "w:tblHeader",
    "w:tblCellSpacing",
    "w:jc",
    "w:hidden",
)
_AFTER_TBL_HEADER = ("w:tblCellSpacing", "w:jc", "w:hidden")


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
        doc.add_heading(
            text.FINDINGS_HEADING, level=1
        ).paragraph_format.page_break_before = True
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
    for kind in ("begin", None, "separate", "end"):
        run = paragraph.add_run("1" if kind == "end" else "")
        if kind is None:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {instruction} "
            run._r.append(instr)
            continue
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        if kind == "end":
            run._r.insert(0, char)
        else:
            run._r.append(char)


# --- blocks --------------------------------------------------------------------


def _block(doc, block, marks) -> None:
    if isinstance(block, Title):
        doc.add_paragraph(block.text, style=TITLE_STYLE)
    elif isinstance(block, Heading):
        doc.add_heading(block.text, level=1)
    elif isinstance(block, Paragraph):
        style = PLACEHOLDER_STYLE if block.kind == "placeholder" else None
        doc.add_paragraph(block.text, style=style)
    elif isinstance(block, Table):
        _table(doc, block, marks)


def origins(table: Table):
    """Yield ``(row, column, cell)`` for every cell of ``table`` in grid
    coordinates, header rows first, skipping positions covered by spans."""
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(table.head + table.body):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            yield r, c, cell
            taken.update(
                (r + i, c + j) for i in range(cell.rowspan) for j in range(cell.colspan)
            )
            c += cell.colspan


def _table(doc, table: Table, marks) -> None:
    n_rows = len(table.head) + len(table.body)
    grid = doc.add_table(rows=n_rows, cols=table.n_columns)
    grid.style = doc.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    cells = [row.cells for row in grid.rows]
    for column, width in zip(grid.columns, table.widths, strict=True):
        column.width = Mm(width)
    for row in cells:
        for cell, width in zip(row, table.widths, strict=True):
            cell.width = Mm(width)
    for r, c, cell in origins(table):
        target = cells[r][c]
        _fill(doc, target, cell, marks)
        if cell.rowspan > 1 or cell.colspan > 1:
            target.merge(cells[r + cell.rowspan - 1][c + cell.colspan - 1])
    for i, row in enumerate(grid.rows):
        _row_properties(row, header=i < len(table.head))
    doc.add_paragraph(style=TABLE_STYLE)  # Word needs a paragraph between tables.


def _fill(doc, target, cell: Cell, marks) -> None:
    paragraph = target.paragraphs[0]
    paragraph.style = doc.styles[TABLE_STYLE]
    if cell.kind == "label":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    if cell.kind == "group":
        number, bracket, rest = cell.text.partition("）")
        paragraph.add_run(number + bracket).add_break()
        paragraph.add_run(rest)
        return
    run = paragraph.add_run(cell.text)
    if cell.kind == "results":
        _tc_child(target, "w:textDirection", "tbRlV", _AFTER_TEXT_DIRECTION)
    elif cell.kind == "item":
        _shade(target, ITEM_SHADE)
    mark = marks.get(cell.path) if cell.path else None
    if mark is not None:
        _shade(target, SHADES[mark.severity])
        run.bold = True
        doc.add_comment(run, text=mark.tooltip, author=COMMENT_AUTHOR, initials="GK")


def _shade(target, fill: str) -> None:
    shd = _tc_child(target, "w:shd", None, _AFTER_SHD)
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)


def _tc_child(target, tag: str, value, successors):
    tc_pr = target._tc.get_or_add_tcPr()
    element = OxmlElement(tag)
    if value is not None:
        element.set(qn("w:val"), value)
    tc_pr.insert_element_before(element, *successors)
    return element


def _row_properties(row, header: bool) -> None:
    """Keep each row on one page; repeat header rows on every page."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.insert_element_before(OxmlElement("w:cantSplit"), *_AFTER_CANT_SPLIT)
    if header:
        tr_pr.insert_element_before(OxmlElement("w:tblHeader"), *_AFTER_TBL_HEADER)
