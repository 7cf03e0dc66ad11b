"""Public pages: published annual reports in the official layout."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from gongkai.annual_reports.models import ImportedReport
from gongkai.annual_reports.selectors import checked
from gongkai.report import render as report_render


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    reports = ImportedReport.objects.only("agency_name", "year", "format")
    return render(request, "portal/home.html", {"reports": reports})


@require_GET
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(ImportedReport, pk=pk)
    result = checked(record.report())
    context = {
        "record": record,
        "result": result,
        "body": report_render.render_html_fragment(result.report, result.findings),
        "downloads": [(to, to.upper()) for to in report_render.FORMATS],
    }
    return render(request, "portal/report_detail.html", context)


@require_GET
def report_download(request: HttpRequest, pk: int, to: str) -> HttpResponse:
    if to not in report_render.FORMATS:
        raise Http404
    record = get_object_or_404(ImportedReport, pk=pk)
    result = checked(record.report())
    content = report_render.render(result.report, to, findings=result.findings)
    response = HttpResponse(content, content_type=report_render.MEDIA_TYPES[to])
    filename = f"{record.agency_name}{record.year}年政府信息公开工作年度报告.{to}"
    response["Content-Disposition"] = _attachment(filename)
    return response


@require_GET
@cache_control(max_age=3600, public=True)
def report_stylesheet(request: HttpRequest) -> HttpResponse:
    return HttpResponse(
        report_render.stylesheet(), content_type="text/css; charset=utf-8"
    )


def _attachment(filename: str) -> str:
    from urllib.parse import quote

    return f"attachment; filename=\"report\"; filename*=UTF-8''{quote(filename)}"
