"""The members of a region's aggregated report and their reports.

A region's report is the sum of its chosen members' reports (ROLLUP).  A
member on the platform counts with its published report of the year (the
latest version, or one imported for it); a member that has published
nothing yet counts with its report compiled from its records now, marked
as such.  Reports imported for agencies that are not on the platform take
part as they were published.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from gongkai.organisations.models import Agency
from gongkai.report import AnnualReport

from .compiling import CompileError
from .grouped import compile_many, sum_reports
from .models import ImportedReport, Report
from .selectors import published_reports

SOURCE_LABELS = {
    "published": _("已发布"),
    "imported": _("导入的已发布报告"),
    "live": _("未发布，按平台数据实时生成"),
}


@dataclass(frozen=True)
class Member:
    name: str
    report: AnnualReport
    source: str  # published / imported / live
    agency: Agency | None = None
    imported: ImportedReport | None = None

    @property
    def source_label(self) -> str:
        return str(SOURCE_LABELS[self.source])


def member_reports(report: Report) -> list[Member]:
    """Return the members of a region's report with the report each counts
    with, agencies first in tree order, then imported reports."""
    agencies = list(report.member_agencies.order_by("path"))
    published = published_reports([a.pk for a in agencies], report.year)
    missing = [a for a in agencies if a.pk not in published]
    live = compile_many(missing, report.year) if missing else {}
    members = [_agency_member(a, published.get(a.pk), live.get(a.pk)) for a in agencies]
    for imported in report.member_imports.order_by("agency_name", "pk"):
        name = imported.agency_name or str(imported)
        members.append(Member(name, imported.report(), "imported", imported=imported))
    return members


def _agency_member(agency: Agency, effective, live) -> Member:
    if effective is not None:
        source = "imported" if effective.source == "imported" else "published"
        return Member(agency.name, effective.report, source, agency=agency)
    return Member(agency.name, live, "live", agency=agency)


def compile_region(report: Report) -> AnnualReport:
    """Return the sum of the members' reports as the region's tables."""
    members = member_reports(report)
    if not members:
        raise CompileError("汇总报告还没有选择汇总范围内的机关或报告。")
    other = [m.name for m in members if m.report.format != "2021"]
    if other:
        raise CompileError(
            "以下报告使用 2019 年试行格式，不能与 2021 年格式的报告汇总："
            + "、".join(other)
        )
    return sum_reports(
        [m.report for m in members], agency=report.agency_name, year=report.year
    )
