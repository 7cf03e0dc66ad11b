"""A region's report: choose the members it sums."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gongkai.organisations.models import Agency

from ..compiling import CompileError
from ..forms import MembersForm
from ..models import ImportedReport
from ..selectors import get_report_for_user
from ..services import set_region_members
from .common import add_service_errors


@require_http_methods(["GET", "POST"])
@login_required
def report_members(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report_for_user(request.user, pk, write=True)
    if not report.is_region:
        raise Http404
    agencies = Agency.objects.subtree_of(report.agency).order_by("path")
    imports = ImportedReport.objects.filter(
        agency__isnull=True, year=report.year, format="2021"
    ).order_by("agency_name", "pk")
    initial = {
        "agencies": report.member_agencies.all(),
        "imports": report.member_imports.all(),
    }
    form = MembersForm(
        request.POST if request.method == "POST" else None,
        agencies=agencies,
        imports=imports,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            set_region_members(
                request.user,
                report,
                list(form.cleaned_data["agencies"]),
                list(form.cleaned_data["imports"]),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except CompileError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("已按所选范围重新汇总。"))
            return redirect(report)
    return render(
        request, "annual_reports/members.html", {"report": report, "form": form}
    )
