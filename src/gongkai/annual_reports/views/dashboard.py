"""The supervisor's dashboard and its export."""

import json

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from gongkai.accounts.permissions import agencies_for_user
from gongkai.organisations.models import Agency

from .. import dashboard, exports
from ..models import Report, Scope
from .common import attachment, default_year, parse_year, report_years

PAGE_SIZE = 100
EXPORTS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _root(reach, value) -> Agency | None:
    """Return the agency the dashboard is about: the one asked for if within
    reach, else the user's highest agency."""
    if value:
        try:
            return reach.get(pk=int(value))
        except (Agency.DoesNotExist, ValueError):
            raise Http404 from None
    tops = reach.order_by("path")
    return tops.first()


def _rows(request, reach):
    root = _root(reach, request.GET.get("root"))
    year = parse_year(request.GET.get("year"), default_year())
    if root is None:
        return None, year, []
    rows = dashboard.status_rows(reach, root, year, timezone.localdate())
    return root, year, rows


@require_GET
@login_required
def dashboard_page(request: HttpRequest) -> HttpResponse:
    reach = agencies_for_user(request.user)
    root, year, rows = _rows(request, reach)
    counts = dashboard.summary(rows)
    wanted = request.GET.get("status", "")
    shown = [r for r in rows if r.status == wanted] if wanted in counts else rows
    page = Paginator(shown, PAGE_SIZE).get_page(request.GET.get("page"))
    dashboard.load_contents(list(page.object_list), year)
    context = {
        "root": root,
        "year": year,
        "years": report_years(),
        "counts": [(k, dashboard.STATUS_LABELS[k], n) for k, n in counts.items()],
        "status": wanted,
        "page": page,
        "total": len(rows),
        "chart": json.dumps(
            dashboard.chart_data(list(page.object_list), counts, year),
            ensure_ascii=False,
        ),
        "ancestors": _ancestors(root, reach),
        "children": reach.filter(parent=root).order_by("sort_order", "name")
        if root
        else [],
        "region_report": _region_report(root, year),
    }
    return render(request, "annual_reports/dashboard.html", context)


def _ancestors(root, reach) -> list[Agency]:
    if root is None:
        return []
    return list(reach.filter(pk__in=root.ancestor_ids()).order_by("path"))


def _region_report(root, year):
    if root is None:
        return None
    return Report.objects.filter(agency=root, year=year, scope=Scope.REGION).first()


@require_GET
@login_required
def dashboard_export(request: HttpRequest) -> HttpResponse:
    """Every row of the dashboard (not only one page) as CSV or Excel."""
    kind = request.GET.get("format", "csv")
    if kind not in EXPORTS:
        raise Http404
    reach = agencies_for_user(request.user)
    root, year, rows = _rows(request, reach)
    dashboard.load_contents(rows, year)
    name = f"{root.name if root else ''}{year}年度报告情况.{kind}"
    if kind == "csv":
        return attachment(exports.csv_bytes(rows), EXPORTS[kind], name)
    return attachment(exports.xlsx_bytes(rows, f"{year}年度报告"), EXPORTS[kind], name)
