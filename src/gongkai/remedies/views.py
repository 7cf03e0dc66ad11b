"""Staff pages for reconsideration and litigation records."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.applications.forms import add_service_errors
from gongkai.applications.selectors import get_application_for_user

from . import services
from .forms import RemedyForm, ResultForm
from .selectors import get_remedy_for_user, remedies_for_user


@require_GET
@login_required
def remedy_list(request: HttpRequest) -> HttpResponse:
    remedies = remedies_for_user(request.user)
    return render(request, "remedies/remedy_list.html", {"remedies": remedies})


@require_GET
@login_required
def remedy_detail(request: HttpRequest, pk: int) -> HttpResponse:
    remedy = get_remedy_for_user(request.user, pk)
    return render(request, "remedies/remedy_detail.html", {"remedy": remedy})


@require_http_methods(["GET", "POST"])
@login_required
def remedy_create(request: HttpRequest, application_pk: int) -> HttpResponse:
    application = get_application_for_user(request.user, application_pk, write=True)
    form = RemedyForm(request.POST or None, application=application)
    if request.method == "POST" and form.is_valid():
        try:
            remedy = services.record_remedy(
                request.user, application, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("已登记。"))
            return redirect(remedy)
    context = {
        "form": form,
        "application": application,
        "title": _("登记行政复议或行政诉讼"),
    }
    return render(request, "remedies/remedy_form.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def remedy_result(request: HttpRequest, pk: int) -> HttpResponse:
    remedy = get_remedy_for_user(request.user, pk, write=True)
    form = ResultForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_result(request.user, remedy, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("已记录结果。"))
            return redirect(remedy)
    context = {
        "form": form,
        "application": remedy.application,
        "remedy": remedy,
        "title": _("记录结果"),
    }
    return render(request, "remedies/remedy_form.html", context)
