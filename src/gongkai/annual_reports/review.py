"""Everything a draft is checked against before it is published.

- the rule catalogue of ``gongkai.report.checks`` (勾稽关系, level, and the
  cross-year rules against last year's published report);
- FIGURES-MISSING: a section 二 cell the platform has no figure for;
- COMPLETENESS: the narrative sub-topics (R63);
- REPETITION: sentences repeated from last year's report (内容雷同);
- ROLLUP: a region's report against the current sum of its members.
"""

from dataclasses import dataclass, field

from gongkai.organisations.models import Kind
from gongkai.report import AnnualReport, Finding
from gongkai.report.checks import check_rollup

from . import narrative
from .members import member_reports
from .models import Report
from .selectors import CheckedReport, Effective, checked, previous_report, sort_findings


@dataclass
class Review:
    report: AnnualReport
    findings: list[Finding]
    completeness: list[narrative.SectionState]
    previous: Effective | None = None
    repetition: list[narrative.SectionRepetition] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.findings)


def review_report(report: Report) -> Review:
    """Return the draft of ``report`` with every finding on it."""
    draft = report.annual_report()
    previous = previous_report(report)
    base = checked(
        draft,
        previous=previous.report if previous else None,
        level=report.agency.report_level,
    )
    states = narrative.completeness(
        draft.sections, government=report.agency.kind == Kind.GOVERNMENT
    )
    findings = base.findings + missing_figures(draft)
    findings += narrative.completeness_findings(states)
    repeated = []
    if previous is not None:
        repeated = narrative.repetition(previous.report, draft)
        findings += narrative.repetition_findings(repeated, previous.report.year)
    if report.is_region and report.pk is not None:
        findings += check_rollup(draft, [m.report for m in member_reports(report)])
    return Review(draft, sort_findings(findings), states, previous, repeated)


def missing_figures(report: AnnualReport) -> list[Finding]:
    """Return an error for each cell of section 二 the platform had no
    figure for (the 第二十条 yearly figures not yet entered)."""
    proactive = report.proactive
    missing = [
        key
        for key in ("licensing", "penalty", "enforcement", "fees_10k_yuan")
        if getattr(proactive, key, 0) is None
    ]
    if not missing:
        return []
    message = (
        "第二十条第（五）（六）（八）项本年度数据尚未填报（行政许可、行政处罚、"
        "行政强制处理决定数量和行政事业性收费金额），请在目录的“第二十条年度数据”中填报后重新生成表格"
    )
    cells = [f"proactive.{key}" for key in missing]
    return [
        Finding(rule="FIGURES-MISSING", severity="error", message=message, cells=cells)
    ]


def checked_version(review: Review) -> CheckedReport:
    return CheckedReport(review.report, review.findings)
