"""Drill-down: the records behind one number of a compiled report.

Every cell of tables 二、三、四 is a count over records; here each cell path
(``applications.disclosed[0]``, ``appeals.reconsideration[4]``,
``proactive.normative_documents.in_force``) becomes the query that lists
them.  The definitions are the selectors' (R61 for table 三, R68 for table
四, the catalogue's counts for section 二); a test compares every count
with the compiled figure, so the two cannot drift apart.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q, QuerySet
from django.urls import NoReverseMatch, reverse

from gongkai.organisations.models import Agency
from gongkai.report.schema import (
    APPEAL_COLUMNS,
    APPEAL_GROUPS,
    APPLICANT_COLUMNS,
    FORMAT_2021,
    TOTAL_COLUMN,
)

LIMIT = 500
_INDEXED = re.compile(r"^(applications|appeals)\.([a-z_0-9]+)\[(\d+)\]$")
_PROACTIVE = re.compile(r"^proactive\.([a-z_0-9]+)(?:\.([a-z_]+))?$")
DOCUMENT_KINDS = {"regulations": "regulation", "normative_documents": "normative"}
FIGURE_KEYS = ("licensing", "penalty", "enforcement", "fees_10k_yuan")


@dataclass
class Line:
    """One record behind a number."""

    title: str
    details: list[str]
    url: str | None = None


@dataclass
class Cell:
    path: str
    label: str
    kind: str  # applications / appeals / documents / figures
    count: int = 0
    lines: list[Line] = field(default_factory=list)
    note: str = ""


class UnknownCell(ValueError):
    """The path names no cell of a 2021-format report."""


def label_of(path: str) -> str:
    """Return the cell's row and column in words, e.g.
    ``三（一）予以公开 · 自然人``; raise :class:`UnknownCell`."""
    match = _INDEXED.match(path)
    if match:
        table, key, column = match[1], match[2], int(match[3])
        return _indexed_label(table, key, column)
    match = _PROACTIVE.match(path)
    if match:
        return _proactive_label(match[1], match[2] or "")
    raise UnknownCell(path)


def _indexed_label(table: str, key: str, column: int) -> str:
    if table == "applications":
        if key not in FORMAT_2021.row_index or column >= len(APPLICANT_COLUMNS):
            raise UnknownCell(key)
        row = FORMAT_2021.row(key)
        prefix = f"{row.group} · " if row.group else ""
        return f"{prefix}{row.label} · {APPLICANT_COLUMNS[column].label}"
    groups = {g.key: g.label for g in APPEAL_GROUPS}
    if key not in groups or column >= len(APPEAL_COLUMNS):
        raise UnknownCell(key)
    return f"{groups[key]} · {APPEAL_COLUMNS[column].label}"


def _proactive_label(key: str, field_: str) -> str:
    for table, row in FORMAT_2021.proactive_rows():
        if row.key != key:
            continue
        if row.fields == ("",) and not field_:
            return f"{table.item} · {row.label} · {table.columns[0]}"
        if field_ in row.fields:
            column = table.columns[row.fields.index(field_)]
            return f"{table.item} · {row.label} · {column}"
    raise UnknownCell(key)


def records(agency: Agency, year: int, path: str) -> Cell:
    """Return the records behind cell ``path`` of ``agency``'s report on
    ``year`` (at most :data:`LIMIT` listed, all counted)."""
    label = label_of(path)
    match = _INDEXED.match(path)
    if match and match[1] == "applications":
        return _applications(agency, year, path, label, match[2], int(match[3]))
    if match:
        return _appeals(agency, year, path, label, match[2], int(match[3]))
    key, field_ = _PROACTIVE.match(path).groups()
    if key in DOCUMENT_KINDS:
        return _documents(agency, year, path, label, key, field_)
    return _figures(agency, year, path, label)


def _url(name: str, *args) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


# -- table 三 (R61) -----------------------------------------------------------


def application_cases(agency: Agency, year: int, key: str, column: int) -> QuerySet:
    """Return the cases counted in row ``key``, column ``column`` of table 三.

    R61: 一 = received in the year; 二 = received before and open on 1
    January; outcome rows and 总计 = closed in the year; 四 = open on 31
    December.  Column 总计 takes every applicant type.
    """
    from gongkai.applications.models import Application

    first, last = date(year, 1, 1), date(year, 12, 31)
    cases = Application.objects.filter(agency=agency, receipt_date__lte=last).filter(
        Q(closed_on__isnull=True) | Q(closed_on__gte=first)
    )
    cases = cases.filter(_row_condition(key, first, last))
    if column != TOTAL_COLUMN:
        cases = cases.filter(applicant_type=APPLICANT_COLUMNS[column].key)
    return cases


def _row_condition(key: str, first: date, last: date) -> Q:
    if key == "new":
        return Q(receipt_date__gte=first)
    if key == "carried_over":
        return Q(receipt_date__lt=first)
    if key == "carried_forward":
        return Q(closed_on__isnull=True) | Q(closed_on__gt=last)
    if key == "total":
        return Q(closed_on__lte=last)
    return Q(closed_on__lte=last, outcome=key)


def _applications(agency, year, path, label, key, column) -> Cell:
    cases = application_cases(agency, year, key, column).order_by("receipt_date", "pk")
    cell = Cell(path, label, "applications", count=cases.count())
    for case in cases[:LIMIT]:
        details = [
            f"收到申请之日 {case.receipt_date:%Y-%m-%d}",
            case.get_applicant_type_display(),
            f"办结 {case.closed_on:%Y-%m-%d}" if case.closed_on else "未办结",
        ]
        if case.outcome:
            details.append(case.outcome_label)
        cell.lines.append(
            Line(case.number, details, _url("applications:detail", case.pk))
        )
    return cell


# -- table 四 (R68) -----------------------------------------------------------


def appeal_records(agency: Agency, year: int, group: str, column: int) -> QuerySet:
    """Return the reconsiderations or lawsuits counted in one cell of table 四:
    decided in the year under their result, filed by 31 December and not
    decided by then under 尚未审结."""
    from gongkai.remedies.models import Remedy

    first, last = date(year, 1, 1), date(year, 12, 31)
    found = Remedy.objects.filter(
        agency=agency, route=group, filed_on__lte=last
    ).filter(Q(decided_on__isnull=True) | Q(decided_on__gte=first))
    key = APPEAL_COLUMNS[column].key
    if key == "pending":
        return found.filter(Q(decided_on__isnull=True) | Q(decided_on__gt=last))
    if key == "total":
        return found
    return found.filter(decided_on__lte=last, result=key)


def _appeals(agency, year, path, label, group, column) -> Cell:
    found = appeal_records(agency, year, group, column).select_related("application")
    found = found.order_by("filed_on", "pk")
    cell = Cell(path, label, "appeals", count=found.count())
    for remedy in found[:LIMIT]:
        details = [
            remedy.body,
            f"申请或起诉 {remedy.filed_on:%Y-%m-%d}",
            remedy.get_result_display(),
            f"申请 {remedy.application.number}",
        ]
        cell.lines.append(
            Line(remedy.case_number, details, _url("remedies:detail", remedy.pk))
        )
    return cell


# -- section 二 -----------------------------------------------------------------


def documents_counted(agency: Agency, year: int, key: str, field_: str) -> QuerySet:
    """Return the documents counted in one cell of 第二十条第（一）项: issued
    (生成日期 in the year), repealed in the year, or in force on 31 December."""
    from gongkai.catalogue.models import Document
    from gongkai.catalogue.selectors import ISSUED_STATUSES

    documents = Document.objects.filter(
        agency=agency, kind=DOCUMENT_KINDS[key], status__in=ISSUED_STATUSES
    )
    year_end = date(year, 12, 31)
    if field_ == "issued":
        return documents.filter(created_on__year=year)
    if field_ == "repealed":
        return documents.filter(repealed_on__year=year)
    return (
        documents.filter(created_on__lte=year_end)
        .exclude(effective_from__gt=year_end)
        .valid_on(year_end)
    )


def _documents(agency, year, path, label, key, field_) -> Cell:
    found = documents_counted(agency, year, key, field_).order_by("created_on", "pk")
    cell = Cell(path, label, "documents", count=found.count())
    for document in found[:LIMIT]:
        details = [
            document.document_number or "（无文号）",
            f"成文 {document.created_on:%Y-%m-%d}",
        ]
        if document.repealed_on:
            details.append(f"废止 {document.repealed_on:%Y-%m-%d}")
        cell.lines.append(
            Line(
                document.title, details, _url("catalogue:document_detail", document.pk)
            )
        )
    return cell


def _figures(agency, year, path, label) -> Cell:
    from gongkai.catalogue.models import Article20Figures

    figures = Article20Figures.objects.filter(agency=agency, year=year).first()
    cell = Cell(path, label, "figures", count=int(figures is not None))
    note = "第二十条第（五）（六）（八）项的年度数据由机关填报或从 Excel 导入。"
    cell.note = note
    if figures is not None:
        details = [
            f"行政许可 {figures.licensing}",
            f"行政处罚 {figures.penalty}",
            f"行政强制 {figures.enforcement}",
            f"行政事业性收费 {figures.fees_yuan} 元",
            figures.get_source_display(),
        ]
        title = f"{year} 年度第二十条数据"
        cell.lines.append(Line(title, details, _url("catalogue:figures", agency.pk)))
    return cell


def all_cell_paths() -> list[str]:
    """Return every drillable cell path of a 2021-format report."""
    paths = []
    for _table, row in FORMAT_2021.proactive_rows():
        if row.fields == ("",):
            paths.append(f"proactive.{row.key}")
        else:
            paths += [f"proactive.{row.key}.{f}" for f in row.fields]
    paths += [
        f"applications.{k}[{i}]"
        for k in FORMAT_2021.row_keys
        for i in range(len(APPLICANT_COLUMNS))
    ]
    paths += [
        f"appeals.{g.key}[{i}]"
        for g in APPEAL_GROUPS
        for i in range(len(APPEAL_COLUMNS))
    ]
    return paths
