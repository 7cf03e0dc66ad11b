"""The supervisor's dashboard: every agency of a subtree and its report on
one year — status, deadline, findings, key totals and the change on last
year — plus the chart data and the rows of the CSV/Excel export.

Statuses for the whole subtree come from a few indexed queries (a province
has ten thousand agencies); the report contents are read and checked only
for the rows shown, or for every row when exporting.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.organisations.models import Agency, Kind
from gongkai.report import AnnualReport, Finding
from gongkai.report.checks import CHECKED_RULES, check
from gongkai.report.schema import TOTAL_COLUMN

from . import deadlines as rules
from . import narrative
from .models import DeadlineRule, ImportedReport, Report, ReportVersion, Scope, Status
from .review import missing_figures
from .selectors import sort_findings

NOT_STARTED = "not_started"
DRAFT = "draft"
IN_REVIEW = "in_review"
PUBLISHED = "published"
LATE = "late"  # not published and past the deadline
PUBLISHED_LATE = "published_late"
STATUS_LABELS = {
    NOT_STARTED: _("未开始"),
    DRAFT: _("草稿"),
    IN_REVIEW: _("待审核"),
    PUBLISHED: _("已发布"),
    PUBLISHED_LATE: _("逾期发布"),
    LATE: _("逾期未发布"),
}
TOTAL_KEYS = ("new", "total", "carried_forward")


@dataclass
class Totals:
    new: int = 0  # 一、本年新收
    concluded: int = 0  # 三（七）总计
    carried_forward: int = 0  # 四、结转下年度
    reconsideration: int = 0
    litigation: int = 0
    normative_in_force: int = 0

    @classmethod
    def of(cls, report: AnnualReport) -> "Totals":
        rows, appeals = report.applications, report.appeals
        proactive = report.proactive
        in_force = getattr(proactive.normative_documents, "in_force", None)
        return cls(
            new=rows["new"][TOTAL_COLUMN] or 0,
            concluded=rows["total"][TOTAL_COLUMN] or 0,
            carried_forward=rows["carried_forward"][TOTAL_COLUMN] or 0,
            reconsideration=appeals.reconsideration[-1] or 0,
            litigation=(appeals.litigation_direct[-1] or 0)
            + (appeals.litigation_after_reconsideration[-1] or 0),
            normative_in_force=in_force or 0,
        )


@dataclass
class Row:
    agency: Agency
    depth: int
    status: str
    deadline: rules.Deadline
    published_on: date | None = None
    report_id: int | None = None
    version_id: int | None = None  # latest published version
    imported_id: int | None = None
    # Filled for the rows shown (``load_contents``):
    totals: Totals | None = None
    previous: Totals | None = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.findings)

    @property
    def new_change(self) -> int | None:
        if self.totals is None or self.previous is None:
            return None
        return self.totals.new - self.previous.new


def status_rows(agencies: QuerySet, root: Agency, year: int, today: date) -> list[Row]:
    """Return one row per agency of ``agencies`` under ``root`` in tree
    order, with the status of its report on ``year`` as of ``today``."""
    found = list(agencies.filter(path__startswith=root.path).order_by("path"))
    ids = [a.pk for a in found]
    reports = {
        r["agency_id"]: r
        for r in Report.objects.filter(
            agency_id__in=ids, year=year, scope=Scope.AGENCY
        ).values("id", "agency_id", "status")
    }
    firsts = _first_publications(ids, year)
    imported = _imported(ids, year)
    deadline = _deadlines(found, root, year)
    return [
        _row(
            a,
            root,
            reports.get(a.pk),
            firsts.get(a.pk),
            imported.get(a.pk),
            deadline(a),
            today,
        )
        for a in found
    ]


def _first_publications(ids: list[int], year: int) -> dict[int, tuple]:
    """Return per agency the first publication time and the latest version."""
    versions = (
        ReportVersion.objects.filter(
            report__agency_id__in=ids, report__year=year, report__scope=Scope.AGENCY
        )
        .order_by("number")
        .values_list("report__agency_id", "id", "published_at")
    )
    found: dict[int, tuple] = {}
    for agency_id, pk, published_at in versions:
        first = found.get(agency_id, (published_at, pk))[0]
        found[agency_id] = (first, pk)
    return found


def _imported(ids: list[int], year: int) -> dict[int, int]:
    rows = (
        ImportedReport.objects.filter(agency_id__in=ids, year=year)
        .order_by("created_at", "pk")
        .values_list("agency_id", "id")
    )
    return dict(rows)


def _deadlines(agencies: list[Agency], root: Agency, year: int):
    """Return a function giving each agency's deadline, with the local
    rules of the subtree and its ancestors read once."""
    scope_ids = set(root.ancestor_ids()) | {a.pk for a in agencies}
    by_agency: dict[int, list[rules.Rule]] = {}
    for r in DeadlineRule.objects.filter(agency_id__in=scope_ids):
        rule = rules.Rule(r.applies_to, r.month, r.day, r.basis, r.year)
        by_agency.setdefault(r.agency_id, []).append(rule)

    def deadline(agency: Agency) -> rules.Deadline:
        binding = [
            rule
            for agency_id in agency.ancestor_ids() + [agency.pk]
            for rule in by_agency.get(agency_id, [])
        ]
        kind = rules.DEPARTMENT if agency.kind == Kind.DEPARTMENT else "government"
        return rules.deadline_for(kind, agency.level, year, binding)

    return deadline


def _row(agency, root, report, first, imported_id, deadline, today) -> Row:
    row = Row(agency, agency.depth - root.depth, NOT_STARTED, deadline)
    if report is not None:
        row.report_id = report["id"]
        row.status = report["status"]
    if first is not None:
        row.published_on = timezone.localdate(first[0])
        row.version_id = first[1]
        row.status = PUBLISHED
    elif imported_id is not None and row.status == NOT_STARTED:
        row.imported_id = imported_id
        row.status = PUBLISHED
    row.status = _lateness(row, today)
    return row


def _lateness(row: Row, today: date) -> str:
    # R64: overdue reports are flagged.
    if row.status == PUBLISHED:
        late = row.published_on is not None and row.published_on > row.deadline.day
        return PUBLISHED_LATE if late else PUBLISHED
    if today > row.deadline.day:
        return LATE
    return row.status


def summary(rows: list[Row]) -> dict[str, int]:
    """Return the number of agencies per status, in display order."""
    counts = dict.fromkeys(STATUS_LABELS, 0)
    for row in rows:
        counts[row.status] += 1
    return counts


# -- contents of the rows shown ------------------------------------------------


def load_contents(rows: list[Row], year: int) -> None:
    """Read each row's report and last year's, check them, fill the totals.

    The rule catalogue runs again (last year's report may have changed);
    the platform's own findings (missing figures, the narrative) come from
    the version as published, or from the draft as it stands.
    """
    ids = [row.agency.pk for row in rows]
    current = _reports_of(ids, year)
    previous = _reports_of(ids, year - 1)
    for row in rows:
        found = current.get(row.agency.pk)
        if found is None:
            continue
        report, extra = found
        before = previous.get(row.agency.pk)
        before = before[0] if before else None
        row.totals = Totals.of(report)
        row.previous = Totals.of(before) if before is not None else None
        findings = check(report, previous=before, level=row.agency.report_level)
        row.findings = sort_findings(list(report.findings) + findings + extra)


def _reports_of(ids: list[int], year: int) -> dict[int, tuple]:
    """Return per agency the report standing for ``year`` with the platform's
    own findings on it: the latest published version, else an imported
    published report, else the draft."""
    found: dict[int, tuple] = {}
    drafts = Report.objects.filter(
        agency_id__in=ids, year=year, scope=Scope.AGENCY
    ).select_related("agency")
    for draft in drafts.exclude(status=Status.PUBLISHED):
        report = draft.annual_report()
        found[draft.agency_id] = (report, _draft_findings(draft, report))
    for record in ImportedReport.objects.filter(agency_id__in=ids, year=year).order_by(
        "created_at", "pk"
    ):
        found.setdefault(record.agency_id, (record.report(), []))
    versions = ReportVersion.objects.filter(
        report__agency_id__in=ids, report__year=year, report__scope=Scope.AGENCY
    ).order_by("number")
    for version in versions.select_related("report"):
        found[version.report.agency_id] = _published(version.annual_report())
    return found


def _published(report: AnnualReport) -> tuple[AnnualReport, list[Finding]]:
    # A version keeps the findings made when it was published; the catalogue
    # rules are checked again, the platform's own findings are kept.
    own = [f for f in report.findings if f.rule not in CHECKED_RULES]
    return report.model_copy(update={"findings": []}), own


def _draft_findings(draft: Report, report: AnnualReport) -> list[Finding]:
    states = narrative.completeness(
        report.sections, government=draft.agency.kind == Kind.GOVERNMENT
    )
    return missing_figures(report) + narrative.completeness_findings(states)


# -- charts and export -----------------------------------------------------------


def chart_data(rows: list[Row], counts: dict[str, int], year: int) -> dict:
    """Return the data of the dashboard's two charts (ECharts options are
    built in the browser from this)."""
    shown = [r for r in rows if r.totals is not None]
    return {
        "status": [
            {"name": str(STATUS_LABELS[key]), "value": n, "key": key}
            for key, n in counts.items()
        ],
        "agencies": [r.agency.display_name for r in shown],
        "series": [
            {
                "name": _series_name(year - 1),
                "data": [r.previous.new if r.previous else None for r in shown],
            },
            {"name": _series_name(year), "data": [r.totals.new for r in shown]},
        ],
    }


def _series_name(year: int) -> str:
    return _("%(year)s年新收申请") % {"year": year}


EXPORT_HEADER = (
    _("机关"),
    _("层级"),
    _("状态"),
    _("公开期限"),
    _("期限依据"),
    _("发布日期"),
    _("错误"),
    _("警告"),
    _("本年新收申请"),
    _("上年新收申请"),
    _("增减"),
    _("办结"),
    _("结转下年度"),
    _("行政复议"),
    _("行政诉讼"),
    _("现行有效规范性文件"),
)


def export_rows(rows: list[Row]) -> list[list]:
    """Return the export's data rows (see :data:`EXPORT_HEADER`)."""
    return [_export_row(row) for row in rows]


def _export_row(row: Row) -> list:
    totals = row.totals or Totals()
    known = row.totals is not None
    return [
        row.agency.name,
        row.agency.get_level_display(),
        row.status_label,
        row.deadline.day.isoformat(),
        row.deadline.basis,
        row.published_on.isoformat() if row.published_on else "",
        row.errors if known else "",
        row.warnings if known else "",
        totals.new if known else "",
        row.previous.new if row.previous else "",
        row.new_change if row.new_change is not None else "",
        totals.concluded if known else "",
        totals.carried_forward if known else "",
        totals.reconsideration if known else "",
        totals.litigation if known else "",
        totals.normative_in_force if known else "",
    ]
