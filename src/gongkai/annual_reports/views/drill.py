"""Drill-down: the records behind one number of a report."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .. import drilldown
from ..members import member_reports
from ..selectors import get_report_for_user


@require_GET
@login_required
def report_cell(request: HttpRequest, pk: int, cell: str) -> HttpResponse:
    """List the cases, appeals or documents counted in ``cell``; for a
    region's report, each member's figure."""
    report = get_report_for_user(request.user, pk)
    try:
        label = drilldown.label_of(cell)
    except drilldown.UnknownCell:
        raise Http404 from None
    value = report.annual_report().cell(cell)
    context = {"report": report, "path": cell, "label": label, "value": value}
    if report.is_region:
        context["members"] = [
            (member, member.report.cell(cell)) for member in member_reports(report)
        ]
    else:
        context["cell"] = drilldown.records(report.agency, report.year, cell)
    return render(request, "annual_reports/cell.html", context)
