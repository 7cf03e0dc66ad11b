"""Staff pages: upload published reports and see them checked."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from .forms import ReportUploadForm
from .services import import_uploaded_report


@login_required
@require_http_methods(["GET", "POST"])
def upload_reports(request: HttpRequest) -> HttpResponse:
    """Read each uploaded report; show what was read and what was wrong."""
    form = ReportUploadForm(request.POST or None, request.FILES or None)
    results = []
    if request.method == "POST" and form.is_valid():
        results = [
            import_uploaded_report(upload, user=request.user)
            for upload in form.cleaned_data["files"]
        ]
    return render(
        request, "annual_reports/upload.html", {"form": form, "results": results}
    )
