"""Read-side helpers: fetchers, a report with its findings, the reports of
other years and agencies, and the list the portal's 年报 column shows."""

from dataclasses import dataclass

from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from gongkai.accounts.permissions import get_for_user
from gongkai.organisations.models import Agency, Kind
from gongkai.report import AnnualReport, Finding
from gongkai.report.checks import check

from . import deadlines as rules
from .models import DeadlineRule, ImportedReport, Report, ReportVersion, Scope

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass
class CheckedReport:
    report: AnnualReport
    findings: list[Finding]

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.findings)


def checked(
    report: AnnualReport, previous: AnnualReport | None = None, level: str | None = None
) -> CheckedReport:
    """Return the report with the reader's findings and the checks' findings."""
    findings = list(report.findings) + check(report, previous=previous, level=level)
    return CheckedReport(report, sort_findings(findings))


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])


# -- fetchers ----------------------------------------------------------------


def get_report_for_user(user, pk, *, write: bool = False) -> Report:
    """Return report ``pk`` if its agency is within the user's reach (with
    ``write``: the user may change it), else raise ``Http404``."""
    return get_for_user(Report.objects.select_related("agency"), user, pk, write=write)


def get_version_for_user(user, pk) -> ReportVersion:
    return get_for_user(
        ReportVersion.objects.select_related("report__agency"),
        user,
        pk,
        agency_field="report__agency",
    )


def get_public_version(pk) -> ReportVersion:
    """Return a published version: every version is public once published."""
    try:
        return ReportVersion.objects.select_related("report__agency").get(pk=pk)
    except (ReportVersion.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


# -- reports of a year -------------------------------------------------------


@dataclass(frozen=True)
class Effective:
    """The report that stands for an agency's year, and where it came from."""

    report: AnnualReport
    source: str  # published / imported / draft / live
    version: ReportVersion | None = None
    imported: ImportedReport | None = None


def published_version(agency: Agency, year: int, scope=Scope.AGENCY):
    return (
        ReportVersion.objects.filter(
            report__agency=agency, report__year=year, report__scope=scope
        )
        .order_by("-number")
        .first()
    )


def imported_report(agency: Agency, year: int) -> ImportedReport | None:
    return (
        ImportedReport.objects.filter(agency=agency, year=year)
        .order_by("-created_at", "-pk")
        .first()
    )


def published_report(agency: Agency, year: int) -> Effective | None:
    """Return the agency's published report on ``year``: the latest version
    published on the platform, else a published report imported for it."""
    version = published_version(agency, year)
    if version is not None:
        return Effective(version.annual_report(), "published", version=version)
    imported = imported_report(agency, year)
    if imported is not None:
        return Effective(imported.report(), "imported", imported=imported)
    return None


def published_reports(agency_ids: list[int], year: int) -> dict[int, Effective]:
    """Return :func:`published_report` for many agencies in two queries."""
    found: dict[int, Effective] = {}
    imported = ImportedReport.objects.filter(agency_id__in=agency_ids, year=year)
    for record in imported.order_by("created_at", "pk"):
        found[record.agency_id] = Effective(
            record.report(), "imported", imported=record
        )
    versions = ReportVersion.objects.filter(
        report__agency_id__in=agency_ids, report__year=year, report__scope=Scope.AGENCY
    ).select_related("report")
    for version in versions.order_by("number"):
        found[version.report.agency_id] = Effective(
            version.annual_report(), "published", version=version
        )
    return found


def previous_report(report: Report) -> Effective | None:
    """Return last year's published report of the same agency and scope."""
    if report.scope == Scope.REGION:
        version = published_version(report.agency, report.year - 1, Scope.REGION)
        return (
            Effective(version.annual_report(), "published", version)
            if version
            else None
        )
    return published_report(report.agency, report.year - 1)


# -- deadlines (R64) ---------------------------------------------------------


def deadline_rules(agency: Agency) -> list[rules.Rule]:
    """Return the local deadline rules set by the agency or its ancestors."""
    found = DeadlineRule.objects.filter(
        agency_id__in=agency.ancestor_ids() + [agency.pk]
    )
    return [rules.Rule(r.applies_to, r.month, r.day, r.basis, r.year) for r in found]


def deadline_of(agency: Agency, year: int) -> rules.Deadline:
    kind = rules.DEPARTMENT if agency.kind == Kind.DEPARTMENT else "government"
    return rules.deadline_for(kind, agency.level, year, deadline_rules(agency))


# -- the portal's 政府信息公开年报 column -------------------------------------


@dataclass(frozen=True)
class PublishedEntry:
    year: int
    title: str
    url: str
    kind: str  # compiled / region / imported
    published_on: object | None  # date, or None when unknown (imported)
    version: int | None = None


def published_reports_for(agency: Agency) -> list[PublishedEntry]:
    """Return the agency's published annual reports, newest year first: the
    reports published on the platform (the latest version of each, the
    agency's own and its region's) and, for years without one, reports
    imported as published."""
    entries = _platform_entries(agency)
    years = {e.year for e in entries if e.kind == "compiled"}
    entries += [e for e in _imported_entries(agency) if e.year not in years]
    entries.sort(key=lambda e: (-e.year, e.kind != "compiled", e.kind))
    return entries


def _platform_entries(agency: Agency) -> list[PublishedEntry]:
    latest: dict[tuple[int, str], ReportVersion] = {}
    versions = ReportVersion.objects.filter(report__agency=agency).select_related(
        "report"
    )
    for version in versions.defer("data").order_by("number"):
        latest[(version.report.year, version.report.scope)] = version
    return [_platform_entry(v) for v in latest.values()]


def _platform_entry(version: ReportVersion) -> PublishedEntry:
    report = version.report
    title = f"{report.agency_name}{report.year}年政府信息公开工作年度报告"
    if report.scope == Scope.REGION:
        title += "（汇总）"
    return PublishedEntry(
        year=report.year,
        title=title,
        url=reverse("annual_reports_public:version", args=[version.pk]),
        kind="region" if report.scope == Scope.REGION else "compiled",
        published_on=timezone.localdate(version.published_at),
        version=version.number,
    )


def _imported_entries(agency: Agency) -> list[PublishedEntry]:
    found = ImportedReport.objects.filter(agency=agency, year__isnull=False)
    entries = {}
    for record in found.order_by("created_at", "pk").only(
        "year", "agency_name", "created_at"
    ):
        entries[record.year] = PublishedEntry(
            year=record.year,
            title=f"{record.agency_name or agency.name}{record.year}年政府信息公开工作年度报告",
            url=reverse("portal:report_detail", args=[record.pk]),
            kind="imported",
            published_on=None,
        )
    return list(entries.values())
