"""The members of a region's aggregated report and their reports.

A region's report is the sum of its chosen members' reports (ROLLUP).  A
member on the platform counts with its published report of the year (the
latest version, or one imported for it); a member that has published
nothing yet counts with its report compiled from its records now, marked
as such.  Reports imported for agencies that are not on the platform take
part as they were published.
"""

from dataclasses import dataclass

from gongkai.organisations.models import Agency
from gongkai.report import AnnualReport
from gongkai.report.checks import rollup

from .compiling import CompileError, compile_report
from .models import ImportedReport, Report
from .selectors import published_report

SOURCE_LABELS = {
    "published": "已发布",
    "imported": "导入的已发布报告",
    "live": "未发布，按平台数据实时生成",
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
        return SOURCE_LABELS[self.source]


def member_reports(report: Report) -> list[Member]:
    """Return the members of a region's report with the report each counts
    with, agencies first in tree order, then imported reports."""
    members = [
        _agency_member(agency, report.year)
        for agency in report.member_agencies.order_by("path")
    ]
    for imported in report.member_imports.order_by("agency_name", "pk"):
        name = imported.agency_name or str(imported)
        members.append(Member(name, imported.report(), "imported", imported=imported))
    return members


def _agency_member(agency: Agency, year: int) -> Member:
    effective = published_report(agency, year)
    if effective is not None:
        source = "imported" if effective.source == "imported" else "published"
        return Member(agency.name, effective.report, source, agency=agency)
    return Member(agency.name, compile_report(agency, year), "live", agency=agency)


def compile_region(report: Report) -> AnnualReport:
    """Return the sum of the members' reports as the region's tables."""
    members = member_reports(report)
    if not members:
        raise CompileError("汇总报告还没有选择汇总范围内的机关或报告。")
    try:
        return rollup(
            [m.report for m in members], agency=report.agency_name, year=report.year
        )
    except ValueError as exc:
        raise CompileError(str(exc)) from exc
