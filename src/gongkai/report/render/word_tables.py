"""The tables of the DOCX output, written as WordprocessingML.

Each table is one ``w:tbl`` built as text and parsed once: a horizontal
merge is a cell with ``w:gridSpan``, a vertical merge a ``w:vMerge``
"restart" cell followed by "continue" cells below it, which is what Word
writes and what python-docx's ``_Cell.merge`` produces.  Calling ``merge``
for each of the ~30 merged regions, and styling ~280 cells through the
python-docx API, took 0.4 s a report; this takes a few milliseconds.
"""

from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from .layout import Cell, Table

TWIPS_PER_MM = 1440 / 25.4
SHADES = {"error": "F8D0D0", "warning": "FBE7B5", "info": "DBE8F7"}
ITEM_SHADE = "F2F2F2"
# Left/right cell padding in twips (1 mm = 56.7): Word's default 1.9 mm
# leaves a 10 mm column of table 四 room for one character per line.
CELL_PADDING = {"appeals": 28}
DEFAULT_CELL_PADDING = 57


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


def table_element(table: Table, marks, style_id: str, table_style_id: str):
    """Return ``(w:tbl element, [(w:tc element, Cell) of marked cells])``."""
    grid: dict[tuple[int, int], tuple[Cell, bool]] = {}
    for r, c, cell in origins(table):
        grid[(r, c)] = (cell, True)
        for i in range(1, cell.rowspan):
            grid[(r + i, c)] = (cell, False)
    widths = [round(w * TWIPS_PER_MM) for w in table.widths]
    rows = [
        _row(table, r, grid, widths, marks, style_id)
        for r in range(len(table.head) + len(table.body))
    ]
    xml = (
        f"<w:tbl {nsdecls('w')}>{_table_properties(table, widths, table_style_id)}"
        f"<w:tblGrid>{''.join(f'<w:gridCol w:w="{w}"/>' for w in widths)}</w:tblGrid>"
        f"{''.join(rows)}</w:tbl>"
    )
    tbl = parse_xml(xml)
    return tbl, _marked_cells(tbl, table, grid, marks)


def _table_properties(table: Table, widths: list[int], table_style_id: str) -> str:
    padding = CELL_PADDING.get(table.name, DEFAULT_CELL_PADDING)
    return (
        f'<w:tblPr><w:tblStyle w:val="{table_style_id}"/>'
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:left w:w="{padding}" w:type="dxa"/>'
        f'<w:right w:w="{padding}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
        'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
    )


def _row(table: Table, r: int, grid, widths, marks, style_id: str) -> str:
    # Rows never split over pages; header rows repeat on every page.
    header = "<w:tblHeader/>" if r < len(table.head) else ""
    cells = []
    c = 0
    while c < len(widths):
        cell, origin = grid[(r, c)]
        width = sum(widths[c : c + cell.colspan])
        if origin:
            cells.append(_cell(cell, width, marks, style_id))
        else:
            cells.append(_continuation(cell, width, style_id))
        c += cell.colspan
    return f"<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>{''.join(cells)}</w:tr>"


def _span(cell: Cell) -> str:
    return f'<w:gridSpan w:val="{cell.colspan}"/>' if cell.colspan > 1 else ""


def _continuation(cell: Cell, width: int, style_id: str) -> str:
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{_span(cell)}<w:vMerge/>'
        f'</w:tcPr><w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr></w:p></w:tc>'
    )


def _cell(cell: Cell, width: int, marks, style_id: str) -> str:
    mark = marks.get(cell.path) if cell.path else None
    properties = f'<w:tcW w:w="{width}" w:type="dxa"/>{_span(cell)}'
    if cell.rowspan > 1:
        properties += '<w:vMerge w:val="restart"/>'
    fill = (
        SHADES[mark.severity] if mark else ITEM_SHADE if cell.kind == "item" else None
    )
    if fill:
        properties += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    if cell.kind == "results":
        # Vertical text, upright characters.  Top-aligned: when the block
        # runs over a page break, the text stays in its first part.
        properties += '<w:textDirection w:val="tbRlV"/><w:vAlign w:val="top"/>'
    else:
        properties += '<w:vAlign w:val="center"/>'
    align = '<w:jc w:val="left"/>' if cell.kind == "label" else ""
    return (
        f"<w:tc><w:tcPr>{properties}</w:tcPr><w:p><w:pPr>"
        f'<w:pStyle w:val="{style_id}"/>{align}</w:pPr>{_runs(cell, bold=bool(mark))}</w:p></w:tc>'
    )


def _runs(cell: Cell, bold: bool) -> str:
    properties = "<w:rPr><w:b/></w:rPr>" if bold else ""
    if cell.kind == "group":
        # "（三）不予公开" breaks after its number, as printed reports do.
        number, bracket, rest = cell.text.partition("）")
        return (
            f"<w:r><w:t>{escape(number + bracket)}</w:t><w:br/></w:r>"
            f"<w:r><w:t>{escape(rest)}</w:t></w:r>"
        )
    return f'<w:r>{properties}<w:t xml:space="preserve">{escape(cell.text)}</w:t></w:r>'


def _marked_cells(tbl, table: Table, grid, marks):
    """Pair the ``w:tc`` elements of marked cells with their cells, walking
    the elements in the order :func:`_row` wrote them."""
    slots = []
    for r in range(len(table.head) + len(table.body)):
        c = 0
        while c < table.n_columns:
            cell, origin = grid[(r, c)]
            slots.append(cell if origin else None)
            c += cell.colspan
    tcs = tbl.xpath(".//w:tc")
    return [
        (tc, cell)
        for tc, cell in zip(tcs, slots, strict=True)
        if cell is not None and cell.path in marks
    ]
