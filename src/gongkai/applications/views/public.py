"""Public pages: the application form, the receipt with the query code,
following a case without an account, and the fee calculator.

A case found with its number and query code is remembered in the session,
so the code never appears in a URL or a server log.
"""

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.organisations.models import Agency

from .. import fees, services
from ..forms import (
    FeeCalculatorForm,
    PublicApplicationForm,
    PublicCorrectionForm,
    TrackForm,
    add_service_errors,
)
from ..models import Application, Letter, Status
from ..selectors import find_by_query_code, find_record_correction
from . import record_corrections
from .documents import letter_response
from .intake import client_ip, kept, online_form

SUBMITTED_KEY = "applications_submitted"
TRACKED_KEY = "applications_tracked"
TRACK_LIMIT = 20  # lookups per address per TRACK_WINDOW seconds
TRACK_WINDOW = 600


@require_GET
def apply_index(request: HttpRequest) -> HttpResponse:
    agencies = Agency.objects.order_by("path")
    return render(
        request, "applications/public/apply_index.html", {"agencies": agencies}
    )


@never_cache
@require_http_methods(["GET", "POST"])
def apply_form(request: HttpRequest, agency_pk: int) -> HttpResponse:
    return online_form(
        request,
        agency_pk,
        PublicApplicationForm,
        services.submit_online_application,
        fields="intake",
        uploads="attachments",
        session_keys=(SUBMITTED_KEY, TRACKED_KEY),
        done="apply:submitted",
        template="applications/public/apply_form.html",
    )


@never_cache
@require_GET
def submitted(request: HttpRequest) -> HttpResponse:
    application = kept(request, Application, SUBMITTED_KEY)
    if application is None:
        return redirect("apply:track")
    return render(
        request, "applications/public/submitted.html", {"application": application}
    )


@never_cache
@require_http_methods(["GET", "POST"])
def track(request: HttpRequest) -> HttpResponse:
    form = TrackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _too_many_lookups(request):
            form.add_error(None, _("查询过于频繁，请十分钟后再试。"))
        else:
            number = form.cleaned_data["number"].strip().upper()
            code = services.normalise_query_code(form.cleaned_data["query_code"])
            found = find_record_correction(number, code)
            if found is not None:  # 更正申请 (第四十一条): numbered GZ…
                record_corrections.remember(request, found)
                return redirect("apply:record_track")
            application = find_by_query_code(number, code)
            if application is not None:
                request.session[TRACKED_KEY] = application.pk
                return redirect("apply:track_case")
            form.add_error(None, _("申请编号或查询码不正确。"))
    return render(request, "applications/public/track.html", {"form": form})


@never_cache
@require_GET
def track_case(request: HttpRequest) -> HttpResponse:
    application = _tracked(request)
    context = {
        "application": application,
        "letters": application.letters_for_applicant(),
        "correction_form": _correction_form(application),
    }
    return render(request, "applications/public/track_case.html", context)


@require_POST
def track_correction(request: HttpRequest) -> HttpResponse:
    application = _tracked(request)
    form = PublicCorrectionForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.submit_correction(
                application,
                text=form.cleaned_data["text"],
                uploads=form.cleaned_data["attachments"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("补正内容已提交，办理机关确认收到后重新计算答复期限。")
            )
            return redirect("apply:track_case")
    context = {
        "application": application,
        "letters": application.letters_for_applicant(),
        "correction_form": form,
    }
    return render(request, "applications/public/track_case.html", context, status=400)


@require_GET
def track_letter(request: HttpRequest, letter_pk: int, fmt: str) -> HttpResponse:
    application = _tracked(request)
    letter = get_object_or_404(
        Letter, pk=letter_pk, application=application, for_applicant=True
    )
    return letter_response(letter, fmt)


@require_GET
def fee_calculator(request: HttpRequest) -> HttpResponse:
    form = FeeCalculatorForm(request.GET or None)
    fee = None
    if form.is_bound and form.is_valid():
        basis, n = form.cleaned_data["basis"], form.cleaned_data["n"]
        fee = fees.page_fee(n) if basis == fees.PER_PAGE else fees.application_fee(n)
    return render(request, "applications/public/fees.html", {"form": form, "fee": fee})


def _tracked(request: HttpRequest) -> Application:
    application = kept(request, Application, TRACKED_KEY)
    if application is None:
        raise Http404
    return application


def _correction_form(application: Application):
    correction = getattr(application, "correction", None)
    if application.status != Status.AWAITING_CORRECTION or correction is None:
        return None
    return None if correction.submitted_at else PublicCorrectionForm()


def _too_many_lookups(request: HttpRequest) -> bool:
    key = f"applications:track:{client_ip(request)}"
    cache.add(key, 0, TRACK_WINDOW)
    try:
        return cache.incr(key) > TRACK_LIMIT
    except ValueError:
        return False
