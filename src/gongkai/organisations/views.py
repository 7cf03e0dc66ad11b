"""Staff pages for the agency tree.  Every view fetches through a
permission-checked selector: another agency's page is a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.accounts.models import Role, RoleAssignment
from gongkai.accounts.permissions import (
    administered_agencies,
    has_role,
    visible_agencies,
)

from . import importing, services
from .forms import AgencyForm, CreateAgencyForm, ImportForm, MoveAgencyForm, OgiBodyForm
from .selectors import get_administered_agency_for_user, get_agency_for_user, tree_rows


def add_service_errors(form, error: ValidationError) -> None:
    """Show a service's ``ValidationError`` on the form, on the named fields
    where the form has them."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages_ in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages_)


def _require_some_administration(user):
    if not administered_agencies(user).exists():
        raise PermissionDenied


@require_GET
@login_required
def agency_list(request: HttpRequest) -> HttpResponse:
    rows = tree_rows(visible_agencies(request.user))
    can_administer = administered_agencies(request.user).exists()
    return render(
        request,
        "organisations/agency_list.html",
        {"rows": rows, "can_administer": can_administer},
    )


@require_GET
@login_required
def agency_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agency = get_agency_for_user(request.user, pk)
    is_admin = has_role(request.user, agency, Role.ADMINISTRATOR)
    context = {
        "agency": agency,
        "ancestors": agency.ancestors().filter(pk__in=visible_agencies(request.user)),
        "children": tree_rows(visible_agencies(request.user).filter(parent=agency)),
        "can_edit": is_admin or has_role(request.user, agency, Role.HEAD),
        "is_admin": is_admin,
        "assignments": (
            RoleAssignment.objects.filter(agency=agency).select_related("user")
            if is_admin
            else None
        ),
    }
    return render(request, "organisations/agency_detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def agency_edit(request: HttpRequest, pk: int) -> HttpResponse:
    agency = get_agency_for_user(request.user, pk)
    if has_role(request.user, agency, Role.ADMINISTRATOR):
        form_class = AgencyForm
    elif has_role(request.user, agency, Role.HEAD):
        form_class = OgiBodyForm
    else:
        raise PermissionDenied
    form = form_class(request.POST or None, instance=agency)
    if request.method == "POST" and form.is_valid():
        changes = {f: form.cleaned_data[f] for f in form.fields}
        try:
            services.update_agency(request.user, agency, **changes)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("已保存。"))
            return redirect(agency)
    return render(
        request, "organisations/agency_form.html", {"agency": agency, "form": form}
    )


@require_http_methods(["GET", "POST"])
@login_required
def agency_create(request: HttpRequest) -> HttpResponse:
    _require_some_administration(request.user)
    parents = administered_agencies(request.user)
    form = CreateAgencyForm(
        request.POST or None,
        parents=parents,
        allow_root=request.user.is_superuser,
        initial={"parent": request.GET.get("parent")},
    )
    if request.method == "POST" and form.is_valid():
        fields = {f: form.cleaned_data[f] for f in AgencyForm.Meta.fields}
        try:
            agency = services.create_agency(
                request.user, parent=form.cleaned_data["parent"], **fields
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("已新建机关。"))
            return redirect(agency)
    return render(request, "organisations/agency_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
@login_required
def agency_move(request: HttpRequest, pk: int) -> HttpResponse:
    agency = get_administered_agency_for_user(request.user, pk)
    parents = administered_agencies(request.user).exclude(path__startswith=agency.path)
    form = MoveAgencyForm(
        request.POST or None,
        parents=parents,
        allow_root=request.user.is_superuser,
        initial={"parent": agency.parent_id},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.move_agency(request.user, agency, form.cleaned_data["parent"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("已调整上级机关。"))
            return redirect(agency)
    return render(
        request, "organisations/agency_move.html", {"agency": agency, "form": form}
    )


@require_http_methods(["GET", "POST"])
@login_required
def agency_import(request: HttpRequest) -> HttpResponse:
    _require_some_administration(request.user)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            created = importing.import_agencies(
                request.user, upload.name, upload.read()
            )
        except importing.AgencyImportError as error:
            errors = error.errors
        else:
            messages.success(request, _("已导入 %(n)d 个机关。") % {"n": len(created)})
            return redirect("organisations:agency_list")
    context = {"form": form, "errors": errors, "columns": list(importing.COLUMNS)}
    return render(request, "organisations/agency_import.html", context)


@require_GET
@login_required
def import_template(request: HttpRequest) -> HttpResponse:
    _require_some_administration(request.user)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="agencies.csv"'
    # A BOM so that Excel opens the UTF-8 file with the Chinese intact.
    response.write("\ufeff" + ",".join(importing.COLUMNS) + "\r\n")
    return response
