"""Staff pages for responses to public concerns (回应关切, spec §4.5) and the
agency's websites and 政务新媒体 accounts (R69).  Lists show the records
of the agencies the user may read; changes go through the services after
a permission-checked fetch (another agency's record is a 404)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.accounts.permissions import agencies_for_user

from .. import services
from ..engagement_forms import ConcernResponseForm, PlatformForm, PlatformUpdateForm
from ..forms import add_service_errors
from ..models import RESPONSE_HOURS, Timeliness
from ..selectors import (
    concerns_for_user,
    get_concern_for_user,
    get_platform_for_user,
    platform_stale_days,
    platforms_for_user,
    writable_agencies,
)
from ..services.engagement import FIRST_YEAR


def _chosen_agency(request: HttpRequest):
    """The agency a new record is for: the one asked for among those the
    user may change, else the first of them."""
    agencies = writable_agencies(request.user)
    chosen = request.POST.get("agency") or request.GET.get("agency")
    agency = agencies.filter(pk=chosen).first() if str(chosen).isdigit() else None
    agency = agency or agencies.first()
    if agency is None:
        raise PermissionDenied
    return agency, agencies


def _year(request: HttpRequest, today) -> int:
    raw = request.GET.get("year", "")
    if not raw:
        return today.year
    if raw.isdigit() and FIRST_YEAR <= int(raw) <= today.year:
        return int(raw)
    messages.error(
        request,
        _("年度应在 %(first)d 年至今年之间，已显示今年。") % {"first": FIRST_YEAR},
    )
    return today.year


def _agency_filter(request: HttpRequest, queryset):
    agency = request.GET.get("agency", "")
    return queryset.filter(agency_id=int(agency)) if agency.isdigit() else queryset


# 回应关切 -------------------------------------------------------------------


@require_GET
@login_required
def concern_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    year = _year(request, today)
    responses = list(
        _agency_filter(request, concerns_for_user(request.user)).of_year(year)
    )
    writable = set(writable_agencies(request.user).values_list("pk", flat=True))
    context = {
        "year": year,
        "years": range(today.year, FIRST_YEAR - 1, -1),
        "responses": responses,
        "late": sum(r.timeliness == Timeliness.LATE for r in responses),
        "undecided": sum(r.timeliness == Timeliness.UNKNOWN for r in responses),
        "hours": RESPONSE_HOURS,
        "agencies": agencies_for_user(request.user).order_by("path"),
        "writable": writable,
        "can_add": bool(writable),
    }
    return render(request, "catalogue/concern_list.html", context)


def _concern_form_page(request, form, agency, response=None, agencies=None):
    context = {
        "form": form,
        "agency": agency,
        "agencies": agencies,
        "response": response,
        "hours": RESPONSE_HOURS,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "catalogue/concern_form.html", context, status=status)


def _back_to_list(response) -> str:
    url = reverse("catalogue:concern_list")
    return f"{url}?year={response.responded_on.year}"


@require_http_methods(["GET", "POST"])
@login_required
def concern_create(request: HttpRequest) -> HttpResponse:
    agency, agencies = _chosen_agency(request)
    form = ConcernResponseForm(request.POST or None, agency=agency)
    if request.method == "POST" and form.is_valid():
        try:
            response = services.save_concern_response(
                request.user, agency, **form.service_fields()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            _saved_message(request, response)
            return redirect(_back_to_list(response))
    return _concern_form_page(request, form, agency, agencies=agencies)


@require_http_methods(["GET", "POST"])
@login_required
def concern_edit(request: HttpRequest, concern_pk: int) -> HttpResponse:
    response = get_concern_for_user(request.user, concern_pk, write=True)
    form = ConcernResponseForm(
        request.POST or None, instance=response, agency=response.agency
    )
    if request.method == "POST" and form.is_valid():
        try:
            # The form has written the new values onto ``response``; the
            # service compares them with the stored row.
            stored = get_concern_for_user(request.user, concern_pk, write=True)
            response = services.save_concern_response(
                request.user, stored.agency, stored, **form.service_fields()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            _saved_message(request, response)
            return redirect(_back_to_list(response))
    return _concern_form_page(request, form, response.agency, response)


def _saved_message(request, response) -> None:
    if response.timeliness == Timeliness.LATE:
        messages.warning(
            request,
            _("已保存。注意：该回应距发现关切超过 %(h)d 小时。")
            % {"h": RESPONSE_HOURS},
        )
    else:
        messages.success(request, _("已保存。"))


@require_POST
@login_required
def concern_delete(request: HttpRequest, concern_pk: int) -> HttpResponse:
    response = get_concern_for_user(request.user, concern_pk, write=True)
    back = _back_to_list(response)
    services.delete_concern_response(request.user, response)
    messages.success(request, _("已删除。"))
    return redirect(back)


# Platforms (R69) -------------------------------------------------------------


@require_GET
@login_required
def platform_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    platforms = _agency_filter(request, platforms_for_user(request.user)).order_by(
        "agency__path", "-is_active", "kind", "name", "pk"
    )
    writable = set(writable_agencies(request.user).values_list("pk", flat=True))
    days = platform_stale_days()
    rows = [
        (
            p,
            p.days_since_update(today),
            p.is_active and p.days_since_update(today) > days,
        )
        for p in platforms
    ]
    context = {
        "rows": rows,
        "days": days,
        "today": today,
        "writable": writable,
        "can_add": bool(writable),
        "agencies": agencies_for_user(request.user).order_by("path"),
    }
    return render(request, "catalogue/platform_list.html", context)


def _platform_form_page(request, form, agency, platform=None, agencies=None):
    context = {
        "form": form,
        "agency": agency,
        "agencies": agencies,
        "platform": platform,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "catalogue/platform_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def platform_create(request: HttpRequest) -> HttpResponse:
    agency, agencies = _chosen_agency(request)
    form = PlatformForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_platform(request.user, agency, **form.service_fields())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("已保存。"))
            return redirect("catalogue:platform_list")
    return _platform_form_page(request, form, agency, agencies=agencies)


@require_http_methods(["GET", "POST"])
@login_required
def platform_edit(request: HttpRequest, platform_pk: int) -> HttpResponse:
    platform = get_platform_for_user(request.user, platform_pk, write=True)
    form = PlatformForm(request.POST or None, instance=platform)
    if request.method == "POST" and form.is_valid():
        stored = get_platform_for_user(request.user, platform_pk, write=True)
        try:
            services.save_platform(
                request.user, stored.agency, stored, **form.service_fields()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("已保存。"))
            return redirect("catalogue:platform_list")
    return _platform_form_page(request, form, platform.agency, platform)


@require_POST
@login_required
def platform_update(request: HttpRequest, platform_pk: int) -> HttpResponse:
    """Record that the platform was updated (default: today)."""
    platform = get_platform_for_user(request.user, platform_pk, write=True)
    form = PlatformUpdateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请填写有效的更新日期。"))
        return redirect("catalogue:platform_list")
    try:
        services.record_platform_update(
            request.user, platform, form.cleaned_data["day"]
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("已登记“%(name)s”的更新。") % {"name": platform.name}
        )
    return redirect("catalogue:platform_list")
