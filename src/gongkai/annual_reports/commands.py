"""What ``gongkai report compile`` needs from the app: the agency named on
the command line and its compiled report with the findings."""

from django.db.models import Q

from gongkai.organisations.models import Agency
from gongkai.report import AnnualReport, Finding

from .compiling import compile_report
from .models import Report, Scope
from .selectors import checked, published_report


class AgencyNotFound(LookupError):
    """No single agency matches; ``str()`` says why in Chinese."""


def find_agency(value: str) -> Agency:
    """Return the agency whose id, full name or short name is ``value``,
    else the only one whose name contains it."""
    value = value.strip()
    if value.isdigit():
        found = Agency.objects.filter(pk=int(value))
    else:
        found = Agency.objects.filter(Q(name=value) | Q(short_name=value))
        if not found:
            found = Agency.objects.filter(name__contains=value)
    agencies = list(found.order_by("path")[:6])
    if len(agencies) == 1:
        return agencies[0]
    if not agencies:
        raise AgencyNotFound(f"没有找到机关：{value}")
    names = "、".join(a.name for a in agencies[:5])
    raise AgencyNotFound(f"“{value}”对应多个机关，请写全称或编号：{names}")


def compiled_with_findings(
    agency: Agency, year: int
) -> tuple[AnnualReport, list[Finding]]:
    """Return the agency's report on ``year`` compiled from its records now,
    with the narrative and title name of its report on the platform (if it
    has one), and the findings against last year's published report."""
    report = compile_report(agency, year)
    draft = Report.objects.filter(agency=agency, year=year, scope=Scope.AGENCY).first()
    if draft is not None:
        report = report.model_copy(
            update={"sections": draft.sections(), "agency": draft.agency_name}
        )
    previous = published_report(agency, year - 1)
    result = checked(
        report,
        previous=previous.report if previous else None,
        level=agency.report_level,
    )
    return result.report, result.findings
