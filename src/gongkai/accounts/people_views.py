"""People and roles, for administrators (系统管理员) of a subtree.

An administrator sees the people who hold a role in the agencies they
administer, and only those roles; anyone else is a 404.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import services
from .forms import PersonForm, ResetPasswordForm, RoleForm
from .models import RoleAssignment, TotpDevice
from .permissions import administered_agencies

User = get_user_model()


def _administered_or_403(user):
    agencies = administered_agencies(user)
    if not agencies.exists():
        raise PermissionDenied
    return agencies


def people_for_admin(user):
    """Return the users who hold a role in an agency ``user`` administers
    (every user for a superuser)."""
    if user.is_superuser:
        return User.objects.all()
    reach = administered_agencies(user)
    return User.objects.filter(role_assignments__agency__in=reach).distinct()


def get_person_for_admin(user, pk):
    """Return person ``pk`` if ``user`` administers an agency where they hold
    a role, else raise ``Http404``."""
    try:
        return people_for_admin(user).get(pk=pk)
    except User.DoesNotExist:
        raise Http404 from None


@require_GET
@login_required
def person_list(request: HttpRequest) -> HttpResponse:
    reach = _administered_or_403(request.user)
    people = people_for_admin(request.user).order_by("username")
    roles = RoleAssignment.objects.filter(agency__in=reach, user__in=people)
    by_user: dict[int, list] = {}
    for assignment in roles.select_related("agency"):
        by_user.setdefault(assignment.user_id, []).append(assignment)
    rows = [(person, by_user.get(person.pk, [])) for person in people]
    return render(request, "accounts/person_list.html", {"rows": rows})


@require_http_methods(["GET", "POST"])
@login_required
def person_create(request: HttpRequest) -> HttpResponse:
    reach = _administered_or_403(request.user)
    form = PersonForm(request.POST or None, agencies=reach)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person = services.create_user(
            request.user,
            username=data["username"],
            password=data["password1"],
            full_name=data["full_name"],
            phone=data["phone"],
            agency=data["agency"],
            role=data["role"],
        )
        messages.success(request, _("已新建用户。"))
        return redirect("people:person_detail", user_pk=person.pk)
    return render(request, "accounts/person_form.html", {"form": form})


@require_GET
@login_required
def person_detail(request: HttpRequest, user_pk: int) -> HttpResponse:
    person = get_person_for_admin(request.user, user_pk)
    reach = administered_agencies(request.user)
    context = {
        "person": person,
        "assignments": person.role_assignments.filter(agency__in=reach).select_related(
            "agency"
        ),
        "can_manage": services.can_manage_user(request.user, person),
        "has_totp": TotpDevice.objects.filter(user=person).exists(),
        "role_form": RoleForm(agencies=reach),
        "password_form": ResetPasswordForm(user=person),
    }
    return render(request, "accounts/person_detail.html", context)


@require_POST
@login_required
def role_grant(request: HttpRequest, user_pk: int) -> HttpResponse:
    person = get_person_for_admin(request.user, user_pk)
    form = RoleForm(request.POST, agencies=administered_agencies(request.user))
    if form.is_valid():
        try:
            services.grant_role(
                request.user,
                person,
                form.cleaned_data["agency"],
                form.cleaned_data["role"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("已授予角色。"))
    else:
        messages.error(request, _("请选择机关和角色。"))
    return redirect("people:person_detail", user_pk=person.pk)


@require_POST
@login_required
def role_revoke(request: HttpRequest, user_pk: int, role_pk: int) -> HttpResponse:
    person = get_person_for_admin(request.user, user_pk)
    try:
        assignment = person.role_assignments.get(
            pk=role_pk, agency__in=administered_agencies(request.user)
        )
    except RoleAssignment.DoesNotExist:
        raise Http404 from None
    services.revoke_role(request.user, assignment)
    messages.success(request, _("已撤销角色。"))
    return redirect("people:person_detail", user_pk=person.pk)


@require_POST
@login_required
def person_set_active(request: HttpRequest, user_pk: int) -> HttpResponse:
    person = get_person_for_admin(request.user, user_pk)
    active = request.POST.get("active") == "1"
    services.set_user_active(request.user, person, active)
    messages.success(request, _("已启用该用户。") if active else _("已停用该用户。"))
    return redirect("people:person_detail", user_pk=person.pk)


@require_POST
@login_required
def person_reset_password(request: HttpRequest, user_pk: int) -> HttpResponse:
    person = get_person_for_admin(request.user, user_pk)
    form = ResetPasswordForm(request.POST, user=person)
    if form.is_valid():
        services.reset_password(request.user, person, form.cleaned_data["password1"])
        messages.success(request, _("已重置密码。"))
    else:
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
    return redirect("people:person_detail", user_pk=person.pk)


@require_POST
@login_required
def person_disable_totp(request: HttpRequest, user_pk: int) -> HttpResponse:
    person = get_person_for_admin(request.user, user_pk)
    services.disable_totp(request.user, person)
    messages.success(request, _("已停用该用户的动态口令。"))
    return redirect("people:person_detail", user_pk=person.pk)
