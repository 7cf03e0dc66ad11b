"""Letter templates: every agency may word its own letters (per kind, and
per outcome for replies); without its own the built-in wording applies."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.accounts.permissions import agencies_for_user
from gongkai.organisations.selectors import get_agency_for_user

from .. import outcomes, services
from ..forms import TemplateForm, add_service_errors
from ..letters.render import PLACEHOLDERS
from ..models import LetterKind, LetterTemplate


@require_GET
@login_required
def template_list(request: HttpRequest) -> HttpResponse:
    agencies = agencies_for_user(request.user, write=True).order_by("path")
    agency_id = request.GET.get("agency", "")
    agency = (
        agencies.filter(pk=int(agency_id)).first()
        if agency_id.isdigit()
        else agencies.first()
    )
    own = {}
    if agency is not None:
        own = {
            (t.kind, t.outcome): t for t in LetterTemplate.objects.filter(agency=agency)
        }
    rows = [
        (kind, label, "", own.get((kind, ""))) for kind, label in LetterKind.choices
    ]
    rows += [
        (LetterKind.REPLY, outcomes.label(key), key, own.get((LetterKind.REPLY, key)))
        for key in outcomes.OUTCOME_KEYS
    ]
    context = {"agencies": agencies, "agency": agency, "rows": rows}
    return render(request, "applications/template_list.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def template_edit(request: HttpRequest, agency_pk: int, kind: str) -> HttpResponse:
    agency = get_agency_for_user(request.user, agency_pk, write=True)
    outcome = request.GET.get("outcome", "")
    if kind not in LetterKind.values or (
        outcome and outcome not in outcomes.OUTCOME_KEYS
    ):
        raise Http404
    title, body = services.wording(agency, kind, outcome)
    form = TemplateForm(request.POST or None, initial={"title": title, "body": body})
    if request.method == "POST" and "reset" in request.POST:
        services.reset_letter_template(request.user, agency, kind=kind, outcome=outcome)
        messages.success(request, _("已恢复默认模板。"))
        return redirect(f"{request.path}?outcome={outcome}")
    if request.method == "POST" and form.is_valid():
        try:
            services.save_letter_template(
                request.user, agency, kind=kind, outcome=outcome, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("模板已保存，此后生成的文书使用新模板。"))
            return redirect(f"{request.path}?outcome={outcome}")
    context = {
        "agency": agency,
        "kind_label": LetterKind(kind).label,
        "outcome_label": outcomes.label(outcome) if outcome else "",
        "form": form,
        "placeholders": PLACEHOLDERS.items(),
        "syntax_help": _(
            "在正文中写 {{ 名称 }} 插入案件信息；可用 {% if 名称 %}…{% endif %} "
            "包住可选段落。段落之间空一行；第一段为称呼，最后一段为落款。"
        ),
        "is_own": LetterTemplate.objects.filter(
            agency=agency, kind=kind, outcome=outcome
        ).exists(),
    }
    return render(request, "applications/template_form.html", context)
