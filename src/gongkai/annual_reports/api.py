"""``/api/reports/``: check and render canonical annual-report JSON."""

from typing import Any, Literal

from django.http import HttpResponse
from ninja import Query, Router, Schema

from gongkai.report import AnnualReport
from gongkai.report.checks import LEVELS
from gongkai.report.render import FORMATS, MEDIA_TYPES, render

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
