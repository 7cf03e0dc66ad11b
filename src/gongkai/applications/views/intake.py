"""The intake both kinds of request share: the public online form and desk
registration by staff, for 依申请公开 applications (第二十九条) and for
correction-of-record requests (更正申请, 第四十一条).

The callers say what differs: the form, the service that files the request,
the message, the template, where the session keeps the request and where
the browser goes next.
"""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from gongkai.accounts.permissions import agencies_for_user
from gongkai.organisations.models import Agency

from .. import services
from ..forms import add_service_errors


def client_ip(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def writable_agency(request: HttpRequest) -> tuple[QuerySet, Agency | None]:
    """The agencies the user may register for, and the one chosen (POST, then
    GET ``agency``); the only one where there is just one."""
    agencies = agencies_for_user(request.user, write=True).order_by("path")
    agency_id = request.POST.get("agency") or request.GET.get("agency") or ""
    agency = agencies.filter(pk=int(agency_id)).first() if agency_id.isdigit() else None
    agency = agency or (agencies.first() if agencies.count() == 1 else None)
    return agencies, agency


def desk_register(
    request: HttpRequest,
    form_class: type[Form],
    register: Callable[[object, Agency, Form], Model],
    success: Callable[[Model], str],
    template: str,
    refused_status: int,
) -> HttpResponse:
    """Staff registration of a request that came by another channel.

    ``register`` files the valid form for the agency, as the user, through
    the service; ``success`` words the message for what it filed.  A POST that is not
    filed answers with ``refused_status``.
    """
    agencies, agency = writable_agency(request)
    form = form_class(request.POST or None, request.FILES or None)
    if request.method == "POST" and agency is None:
        form.add_error(None, _("请选择受理机关。"))
    elif request.method == "POST" and form.is_valid():
        try:
            found = register(request.user, agency, form)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, success(found))
            return redirect(found)
    context = {"form": form, "agencies": agencies, "agency": agency}
    status = refused_status if request.method == "POST" else 200
    return render(request, template, context, status=status)


def kept(request: HttpRequest, model: type[Model], key: str) -> Model | None:
    """The request the session keeps under ``key``, with its agency."""
    found = model.objects.filter(pk=request.session.get(key))
    return found.select_related("agency").first()


def online_form(
    request: HttpRequest,
    agency_pk: int,
    form_class: type[Form],
    submit: Callable[..., Model],
    *,
    fields: str,
    uploads: str,
    session_keys: tuple[str, str],
    done: str,
    template: str,
) -> HttpResponse:
    """The public online form of one agency.

    ``submit`` is the service that files it; the form's attribute ``fields``
    holds what the form cleaned for it, its field ``uploads`` the files.
    What was filed is kept in the session under both ``session_keys`` (the
    receipt, and following it), then the browser goes to the URL named
    ``done``.
    """
    agency = get_object_or_404(Agency, pk=agency_pk)
    form = form_class(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            found = submit(
                agency,
                getattr(form, fields),
                token=form.cleaned_data["token"],
                ip=client_ip(request),
                uploads=form.cleaned_data[uploads],
            )
        except services.TooManyApplications as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            for key in session_keys:
                request.session[key] = found.pk
            return redirect(done)
    return render(request, template, {"agency": agency, "form": form})
