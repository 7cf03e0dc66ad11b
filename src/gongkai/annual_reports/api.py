"""``/api/reports/``: check and render canonical annual-report JSON."""

from typing import Any, Literal

from django.http import HttpResponse

from ninja import File, Query, Router, Schema, Status
from ninja.files import UploadedFile

from gongkai.report import AnnualReport, ReportError
from gongkai.report.checks import LEVELS
from gongkai.report.render import FORMATS, MEDIA_TYPES, render

from .forms import MAX_FILE_BYTES as MAX_UPLOAD_BYTES
from .selectors import checked

router = Router(tags=["reports"])

Level = Literal[tuple(LEVELS)]
RenderFormat = Literal[FORMATS]


class FindingOut(Schema):
    rule: str
    severity: Literal["error", "warning", "info"]
    message: str
    cells: list[str]


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
