"""``/api/reports/``: check and render canonical annual-report JSON."""

from typing import Any, Literal

from django.http import HttpResponse

from ninja import File, Query, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.security import django_auth

from gongkai.report import AnnualReport, ReportError
from gongkai.report.checks import LEVELS
from gongkai.report.render import FORMATS, MEDIA_TYPES, render

from .forms import MAX_FILE_BYTES as MAX_UPLOAD_BYTES
from .schemas import CompiledOut, FindingOut, ReportDetailOut, ReportOut
from .selectors import checked

router = Router(tags=["reports"])

Level = Literal[tuple(LEVELS)]
RenderFormat = Literal[FORMATS]


class CheckOut(Schema):
    errors: int
    warnings: int
    findings: list[FindingOut]


class ValidationErrorOut(Schema):
    detail: list[dict[str, Any]]


class ErrorOut(Schema):
    detail: str


class ParseOut(Schema):
    kind: Literal["text", "html", "docx", "pdf", "json"]
    errors: int
    warnings: int
    report: AnnualReport
    provenance: dict[str, str]


class CheckParams(Schema):
    level: Level | None = None


class RenderParams(Schema):
    to: RenderFormat = "pdf"


@router.post(
    "/check",
    response={200: CheckOut, 422: ValidationErrorOut},
    summary="检查年度报告（勾稽关系等规则）",
)
def check_report(request, report: AnnualReport, params: Query[CheckParams]):
    """Return the findings of every rule for one canonical report.

    The reader's own findings in ``report.findings`` are returned too.
    """
    result = checked(report, level=params.level)
    return {
        "errors": result.errors,
        "warnings": result.warnings,
        "findings": [f.model_dump() for f in result.findings],
    }


@router.post(
    "/render",
    response={200: bytes, 422: ValidationErrorOut},
    summary="把年度报告渲染为 HTML、Markdown、DOCX、PDF 或 JSON",
    openapi_extra={
        "responses": {
            200: {
                "description": "the rendered file",
                "content": {t: {} for t in sorted(set(MEDIA_TYPES.values()))},
            }
        }
    },
)
def render_report(request, report: AnnualReport, params: Query[RenderParams]):
    """Return the report as a file in the official layout."""
    content = render(report, params.to, findings=checked(report).findings)
    response = HttpResponse(content, content_type=MEDIA_TYPES[params.to])
    name = f"annual-report-{report.year or 'unknown'}.{params.to}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@router.post(
    "/parse",
    response={200: ParseOut, 400: ErrorOut, 413: ErrorOut, 422: ValidationErrorOut},
    summary="读取已发布的年度报告文件（PDF、HTML、DOCX、文本）",
)
def parse_report(request, file: File[UploadedFile]):
    """Return the canonical report read from an uploaded document, with every
    finding (the reader's and the checks') and where each value came from."""
    from gongkai.report.parse import read_detailed

    if file.size > MAX_UPLOAD_BYTES:
        return Status(413, {"detail": "文件超过 20 MB"})
    data = file.read()
    try:
        if data.lstrip()[:1] == b"{":
            report, kind, provenance = AnnualReport.from_json_text(data), "json", {}
        else:
            result = read_detailed(data, filename=file.name)
            report, kind, provenance = result.report, result.kind, result.provenance
    except ReportError as exc:
        return Status(400, {"detail": str(exc)})
    result = checked(report)
    report = report.model_copy(update={"findings": result.findings})
    return {
        "kind": kind,
        "errors": result.errors,
        "warnings": result.warnings,
        "report": report,
        "provenance": provenance,
    }


# -- the platform's own reports, for signed-in staff ----------------------------

staff_router = Router(tags=["annual reports"], auth=django_auth)


def _report_out(report) -> dict:
    from django.urls import reverse

    from .selectors import deadline_of

    versions = report.versions.order_by("number").defer("data")
    return {
        "id": report.pk,
        "agency_id": report.agency_id,
        "agency": report.agency.name,
        "year": report.year,
        "scope": report.scope,
        "status": report.status,
        "errors": report.errors,
        "warnings": report.warnings,
        "deadline": deadline_of(report.agency, report.year).day,
        "versions": [
            {
                "number": v.number,
                "published_at": v.published_at,
                "reason": v.reason,
                "errors": v.errors,
                "warnings": v.warnings,
                "url": reverse("annual_reports_public:version", args=[v.pk]),
            }
            for v in versions
        ],
    }


class YearParams(Schema):
    year: int | None = None


@staff_router.get("/", response={200: list[ReportOut], 401: ErrorOut})
def list_reports(request, params: Query[YearParams]):
    """The reports of the agencies within the user's reach."""
    from gongkai.accounts.permissions import agencies_for_user

    from .models import Report

    found = Report.objects.filter(agency__in=agencies_for_user(request.user))
    if params.year is not None:
        found = found.filter(year=params.year)
    found = found.select_related("agency").order_by("-year", "agency__path", "scope")
    return [_report_out(r) for r in found]


class CompileParams(Schema):
    agency_id: int
    year: int


@staff_router.get(
    "/compiled",
    response={
        200: CompiledOut,
        400: ErrorOut,
        401: ErrorOut,
        404: ErrorOut,
        422: ValidationErrorOut,
    },
    summary="按平台记录实时生成某机关某年度的报告（不保存）",
)
def compiled_report(request, params: Query[CompileParams]):
    """The agency's report compiled from its records now, with findings
    against last year's published report."""
    from gongkai.organisations.selectors import get_agency_for_user

    from .commands import compiled_with_findings
    from .compiling import CompileError

    agency = get_agency_for_user(request.user, params.agency_id)
    try:
        report, findings = compiled_with_findings(agency, params.year)
    except CompileError as exc:
        return Status(400, {"detail": str(exc)})
    return {"report": report, "findings": [f.model_dump() for f in findings]}


@staff_router.get(
    "/{report_id}", response={200: ReportDetailOut, 401: ErrorOut, 404: ErrorOut}
)
def get_report(request, report_id: int):
    """One report: its draft as canonical JSON with every finding."""
    from .review import review_report
    from .selectors import get_report_for_user

    report = get_report_for_user(request.user, report_id)
    review = review_report(report)
    return _report_out(report) | {
        "report": review.report,
        "findings": [f.model_dump() for f in review.findings],
    }
