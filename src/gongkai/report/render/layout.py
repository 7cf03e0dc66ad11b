"""The report as a sequence of blocks: the one layout every writer follows.

The three tables are described cell by cell, HTML-style: each row lists the
cells that start in it, with their ``rowspan``/``colspan``.  ``kind`` says
what a cell is, so writers can style it:

- ``corner``: the top-left cell of table 三 holding ``BALANCE_NOTE``;
- ``head``: a column header;
- ``item``: a full-width 第二十条第（…）项 row of table 二;
- ``label``: a row label; ``group``: a （三）–（六） group label;
- ``results``: the vertical 三、本年度办理结果 cell;
- ``num``: a value, with the cell ``path`` of ``spec/report-json.md``.

Column widths are in millimetres for the A4 text block (156 mm).
"""

from dataclasses import dataclass, field

from ..model import AnnualReport
from ..schema import (
    APPEAL_COLUMNS,
    APPEAL_GROUPS,
    APPLICANT_COLUMNS,
    APPLICANT_HEADER,
    BALANCE_NOTE,
    LITIGATION_HEADER,
    ORGANISATION_HEADER,
    ORGANISATION_SPAN,
    PROACTIVE_FIRST_COLUMN,
    RECONSIDERATION_HEADER,
    RESULTS_BLOCK,
    SECTION_HEADINGS,
    ProactiveRow,
    ProactiveTable,
    ReportFormat,
    Row,
    get_format,
)
from . import text

TEXT_WIDTH_MM = 156.0


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    kind: str
    rowspan: int = 1
    colspan: int = 1
    path: str | None = None


@dataclass(frozen=True)
class Table:
    name: str  # "proactive", "applications" or "appeals"
    widths: tuple[float, ...]
    head: list[list[Cell]]
    body: list[list[Cell]]

    @property
    def n_columns(self) -> int:
        return len(self.widths)


@dataclass(frozen=True)
class Title:
    text: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    kind: str = "body"  # "body", "preamble" or "placeholder"


@dataclass(frozen=True)
class Document:
    title: str
    blocks: list = field(default_factory=list)


def build(report: AnnualReport) -> Document:
    """Return the blocks of ``report``: title, preamble and the six sections."""
    fmt = get_format(report.format)
    doc = Document(text.title(report))
    doc.blocks.append(Title(doc.title, tuple(text.title_lines(report))))
    doc.blocks.append(Paragraph(text.preamble(report, fmt), "preamble"))
    tables = {
        1: proactive_table(report, fmt),
        2: applications_table(report, fmt),
        3: appeals_table(report),
    }
    narratives = {i: key for key, i in text.NARRATIVE_SECTIONS.items()}
    for i, heading in enumerate(SECTION_HEADINGS):
        doc.blocks.append(Heading(heading))
        if i in tables:
            doc.blocks.append(tables[i])
        else:
            paragraphs, empty = text.narrative(report, narratives[i])
            kind = "placeholder" if empty else "body"
            doc.blocks.extend(Paragraph(p, kind) for p in paragraphs)
    return doc


def num(report: AnnualReport, path: str, colspan: int = 1) -> Cell:
    return Cell(text.cell_text(report.cell(path)), "num", colspan=colspan, path=path)


# --- table 二 ----------------------------------------------------------------

PROACTIVE_WIDTHS = (48.0, 36.0, 36.0, 36.0)


def proactive_table(report: AnnualReport, fmt: ReportFormat) -> Table:
    """Return table 二: one four-column table, each 第二十条 item a full-width
    row followed by its own header row and data rows."""
    n_values = len(PROACTIVE_WIDTHS) - 1
    body: list[list[Cell]] = []
    for table in fmt.proactive:
        spans = _value_spans(len(table.columns), n_values)
        body.append([Cell(table.item, "item", colspan=n_values + 1)])
        heads = [Cell(PROACTIVE_FIRST_COLUMN, "head")]
        heads += [
            Cell(c, "head", colspan=s)
            for c, s in zip(table.columns, spans, strict=True)
        ]
        body.append(heads)
        body.extend(_proactive_row(report, table, row, spans) for row in table.rows)
    return Table("proactive", PROACTIVE_WIDTHS, [], body)


def _value_spans(n: int, width: int) -> list[int]:
    """Spread ``n`` value cells over ``width`` columns; the last takes the rest."""
    return [1] * (n - 1) + [width - n + 1]


def _proactive_row(
    report, table: ProactiveTable, row: ProactiveRow, spans
) -> list[Cell]:
    cells = [Cell(row.label, "label")]
    for name, span in zip(row.fields, spans, strict=True):
        path = f"proactive.{row.key}" + (f".{name}" if name else "")
        cells.append(num(report, path, span))
    return cells


# --- table 三 ----------------------------------------------------------------

APPLICATION_WIDTHS = (9.0, 19.0, 37.0) + (13.0,) * len(APPLICANT_COLUMNS)


def applications_table(report: AnnualReport, fmt: ReportFormat) -> Table:
    """Return table 三 with its three header rows and merged label columns."""
    first, last = ORGANISATION_SPAN
    names = APPLICANT_COLUMNS
    head = [
        [Cell(BALANCE_NOTE, "corner", rowspan=3, colspan=3)]
        + [Cell(APPLICANT_HEADER, "head", colspan=len(names))],
        [Cell(names[0].label, "head", rowspan=2)]
        + [Cell(ORGANISATION_HEADER, "head", colspan=last - first)]
        + [Cell(c.label, "head", rowspan=2) for c in names[last:]],
        [Cell(c.label, "head") for c in names[first:last]],
    ]
    results = [row for row in fmt.rows if row.in_results]
    body = []
    for row in fmt.rows:
        cells = _application_labels(row, results, fmt)
        cells += [
            num(report, f"applications.{row.key}[{i}]") for i in range(len(names))
        ]
        body.append(cells)
    return Table("applications", APPLICATION_WIDTHS, head, body)


def _application_labels(row: Row, results: list[Row], fmt: ReportFormat) -> list[Cell]:
    if not row.in_results:
        return [Cell(row.label, "label", colspan=3)]
    cells = []
    if row is results[0]:
        cells.append(Cell(RESULTS_BLOCK, "results", rowspan=len(results)))
    if row.group is None:
        return cells + [Cell(row.label, "label", colspan=2)]
    members = [r for r in fmt.rows if r.group == row.group]
    if row is members[0]:
        cells.append(Cell(row.group, "group", rowspan=len(members)))
    return cells + [Cell(row.label, "label")]


# --- table 四 ----------------------------------------------------------------

APPEAL_WIDTHS = (156.0 / 15,) * 15


def appeals_table(report: AnnualReport) -> Table:
    """Return table 四: a two-level header over 3 × 5 columns, one data row."""
    n = len(APPEAL_COLUMNS)
    direct, after = APPEAL_GROUPS[1], APPEAL_GROUPS[2]
    head = [
        [
            Cell(RECONSIDERATION_HEADER, "head", rowspan=2, colspan=n),
            Cell(LITIGATION_HEADER, "head", colspan=2 * n),
        ],
        [Cell(direct.label, "head", colspan=n), Cell(after.label, "head", colspan=n)],
        [Cell(c.label, "head") for _group in APPEAL_GROUPS for c in APPEAL_COLUMNS],
    ]
    row = [
        num(report, f"appeals.{g.key}[{i}]") for g in APPEAL_GROUPS for i in range(n)
    ]
    return Table("appeals", APPEAL_WIDTHS, head, [row])
