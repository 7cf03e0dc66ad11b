"""Staff pages: upload published reports and see them checked."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from gongkai.accounts.permissions import agencies_for_user

from ..forms import ReportUploadForm
from ..services import import_uploaded_report


@login_required
@require_http_methods(["GET", "POST"])
def upload_reports(request: HttpRequest) -> HttpResponse:
    """Read each uploaded report; show what was read and what was wrong."""
    agencies = agencies_for_user(request.user).order_by("path")
    form = ReportUploadForm(
        request.POST or None, request.FILES or None, agencies=agencies
    )
    results = []
    if request.method == "POST" and form.is_valid():
        agency = form.cleaned_data["agency"]
        results = [
            import_uploaded_report(upload, user=request.user, agency=agency)
            for upload in form.cleaned_data["files"]
        ]
    return render(
        request, "annual_reports/upload.html", {"form": form, "results": results}
    )
