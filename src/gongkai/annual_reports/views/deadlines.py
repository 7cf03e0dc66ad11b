"""Local deadlines for publishing annual reports (R64)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.accounts.models import Role, RoleAssignment
from gongkai.accounts.permissions import agencies_for_user, get_for_user
from gongkai.organisations.models import Agency

from .. import services
from ..forms import DeadlineRuleForm
from ..models import DeadlineRule
from ..selectors import deadline_of
from .common import add_service_errors, default_year


def setter_agencies(user):
    """Agencies whose local deadlines the user sets: as 系统管理员 (the
    subtree) or as 负责人 (the agency itself)."""
    if user.is_superuser:
        return Agency.objects.all()
    held = RoleAssignment.objects.filter(
        user=user, role__in=[Role.ADMINISTRATOR, Role.HEAD]
    )
    condition = Q(pk__in=held.filter(role=Role.HEAD).values("agency_id"))
    for path in held.filter(role=Role.ADMINISTRATOR).values_list(
        "agency__path", flat=True
    ):
        condition |= Q(path__startswith=path)
    return Agency.objects.filter(condition) if held.exists() else Agency.objects.none()


@require_http_methods(["GET", "POST"])
@login_required
def deadline_rules(request: HttpRequest) -> HttpResponse:
    setters = setter_agencies(request.user).order_by("path")
    form = DeadlineRuleForm(
        request.POST if request.method == "POST" else None, agencies=setters
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.add_deadline_rule(request.user, data.pop("agency"), **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("已设置。"))
            return redirect("annual_reports:deadlines")
    reach = agencies_for_user(request.user) | setters
    year = default_year()
    context = {
        "form": form if setters.exists() else None,
        "rules": _visible_rules(reach, {a.pk for a in setters}),
        "year": year,
        "own": [
            (a, deadline_of(a, year))
            for a in agencies_for_user(request.user, write=True)
        ],
    }
    return render(request, "annual_reports/deadlines.html", context)


def _visible_rules(reach, deletable: set[int]) -> list[DeadlineRule]:
    """The rules binding the agencies within reach: set by them or above.
    A rule set above the user's reach names no agency, only “上级机关”."""
    own = {a.pk: a for a in reach}
    ids = set()
    for agency in own.values():
        ids.update(agency.ancestor_ids())
    found = DeadlineRule.objects.filter(agency_id__in=ids | set(own))
    rules = list(found.order_by("month", "day", "pk"))
    for rule in rules:
        rule.setter_name = (
            own[rule.agency_id].name if rule.agency_id in own else _("上级机关")
        )
        rule.deletable = rule.agency_id in deletable
    return rules


@require_POST
@login_required
def deadline_rule_delete(request: HttpRequest, rule_pk: int) -> HttpResponse:
    rule = get_for_user(
        DeadlineRule.objects.select_related("agency"),
        request.user,
        rule_pk,
        agencies=setter_agencies(request.user),
    )
    services.remove_deadline_rule(request.user, rule)
    messages.success(request, _("已删除。"))
    return redirect("annual_reports:deadlines")
