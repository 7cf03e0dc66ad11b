"""HTML output: the embeddable fragment, the standalone page, the stylesheet.

The markup has no inline ``style=`` and no ``<script>``, so the site can
serve it under a strict CSP; column widths and everything else visual live
in :func:`stylesheet`.
"""

from functools import cache
from html import escape
from importlib.resources import files

from ..model import AnnualReport
from . import layout, text
from .layout import Cell, Heading, Paragraph, Table, Title

TAGS = {"num": "td"}
SCOPES = {"head": "col", "label": "row", "group": "rowgroup", "results": "rowgroup"}
PARAGRAPH_CLASSES = {
    "preamble": "gk-preamble",
    "body": "gk-text",
    "placeholder": "gk-placeholder",
}


def render_fragment(report: AnnualReport, findings=None) -> str:
    """Return the report body as HTML, without ``<html>``: title, preamble,
    six sections; numeric cells carry ``data-cell`` and finding marks."""
    marks = text.cell_marks(text.effective_findings(report, findings))
    doc = layout.build(report)
    body = "\n".join(_block(block, marks) for block in doc.blocks)
    return f'<article class="gk-report" lang="zh-CN">\n{body}\n</article>\n'


def render_document(
    report: AnnualReport, findings=None, *, inline_css: bool = True
) -> str:
    """Return a complete UTF-8 HTML page ready to print on A4.

    Findings are marked on their cells and, since a printed page shows no
    tooltips, listed after section 六.  ``inline_css=False`` leaves the
    stylesheet out (the PDF writer supplies a pre-parsed copy).
    """
    found = text.effective_findings(report, findings)
    style = f"<style>\n{stylesheet()}</style>\n" if inline_css else ""
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(text.title(report))}</title>\n{style}</head>\n"
        f'<body class="gk-page">\n{render_fragment(report, found)}'
        f"{_findings_section(found)}</body>\n</html>\n"
    )


@cache
def stylesheet() -> str:
    """Return the CSS for screen and print, column widths included."""
    css = files(__package__).joinpath("report.css").read_text(encoding="utf-8")
    return css + _column_widths()


def _column_widths() -> str:
    tables = (
        ("proactive", layout.PROACTIVE_WIDTHS),
        ("applications", layout.APPLICATION_WIDTHS),
        ("appeals", layout.APPEAL_WIDTHS),
    )
    rules = ["\n/* Column widths, generated from gongkai.report.render.layout. */"]
    for name, widths in tables:
        total = sum(widths)
        for i, width in enumerate(widths, start=1):
            rules.append(
                f".gk-report .gk-{name} col:nth-child({i}) {{ width: {100 * width / total:.2f}%; }}"
            )
    return "\n".join(rules) + "\n"


def _block(block, marks) -> str:
    if isinstance(block, Title):
        lines = "<br>".join(escape(line) for line in block.lines)
        return f'<h1 class="gk-title">{lines}</h1>'
    if isinstance(block, Heading):
        return f'<h2 class="gk-heading">{escape(block.text)}</h2>'
    if isinstance(block, Paragraph):
        return f'<p class="{PARAGRAPH_CLASSES[block.kind]}">{escape(block.text)}</p>'
    return _table(block, marks)


def _table(table: Table, marks) -> str:
    cols = "".join("<col>" for _ in table.widths)
    parts = [
        f'<div class="gk-table-wrap"><table class="gk-table gk-{table.name}">',
        f"<colgroup>{cols}</colgroup>",
    ]
    if table.head:
        parts.append("<thead>" + _rows(table.head, marks) + "</thead>")
    parts.append("<tbody>" + _rows(table.body, marks) + "</tbody>")
    if table.head:
        parts.append(_closer(table))
    parts.append("</table></div>")
    return "\n".join(parts)


def _closer(table: Table) -> str:
    """Return an empty footer row: a footer repeats at every page break, so
    its top border closes the table where a rowspan cell is cut."""
    return (
        '<tfoot class="gk-closer" aria-hidden="true">'
        f'<tr><td colspan="{table.n_columns}"></td></tr></tfoot>'
    )


def _rows(rows: list[list[Cell]], marks) -> str:
    return "\n".join(
        "<tr>" + "".join(_cell(c, marks) for c in row) + "</tr>" for row in rows
    )


def _cell(cell: Cell, marks) -> str:
    tag = TAGS.get(cell.kind, "th")
    classes = [f"gk-{cell.kind}"]
    attrs = _spans(cell)
    if cell.kind in SCOPES:
        attrs += f' scope="{SCOPES[cell.kind]}"'
    if cell.path is not None:
        attrs += f' data-cell="{escape(cell.path)}"'
        mark = marks.get(cell.path)
        if mark is not None:
            classes.append(mark.css_class)
            attrs += f' title="{escape(mark.tooltip)}"'
    return f'<{tag} class="{" ".join(classes)}"{attrs}>{_content(cell)}</{tag}>'


def _spans(cell: Cell) -> str:
    attrs = ""
    if cell.rowspan > 1:
        attrs += f' rowspan="{cell.rowspan}"'
    if cell.colspan > 1:
        attrs += f' colspan="{cell.colspan}"'
    return attrs


def _content(cell: Cell) -> str:
    if cell.kind == "results":
        # One character per line: vertical text that WeasyPrint (no
        # writing-mode support) and browsers both draw the same way.
        return "".join(f"<span>{escape(ch)}</span>" for ch in cell.text)
    if cell.kind == "group":
        # "（三）不予公开" breaks after its number, as printed reports do.
        number, bracket, rest = cell.text.partition("）")
        return (
            f"{escape(number + bracket)}<br>{escape(rest)}"
            if rest
            else escape(cell.text)
        )
    return escape(cell.text)


def _findings_section(findings) -> str:
    if not findings:
        return ""
    items = "".join(f"<li>{escape(line)}</li>" for line in text.finding_lines(findings))
    return (
        f'<section class="gk-findings" lang="zh-CN"><h2 class="gk-heading">'
        f"{text.FINDINGS_HEADING}</h2><ol>{items}</ol></section>\n"
    )
