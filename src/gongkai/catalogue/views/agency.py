"""Staff pages of an agency's column: 第二十条 figures, the 指南, the
基层政务公开标准目录, the index-number scheme, and what needs attention."""

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
from gongkai.organisations.selectors import get_agency_for_user

from .. import services
from ..figures_import import TEMPLATE_HEADERS, FiguresImportError
from ..forms import (
    FiguresForm,
    GuideForm,
    ImportForm,
    IndexSchemeForm,
    ReasonForm,
    StandardEntryForm,
    SuggestionForm,
    add_service_errors,
)
from ..guide import guide_texts
from ..models import Article20Figures
from ..selectors import (
    flags_for,
    get_entry_for_user,
    get_suggestion_for_user,
    proactive_section,
    published_count,
)
from ..services.numbering import scheme_for

MAX_IMPORT_BYTES = 2 * 1024 * 1024


def _business_agency(request, pk, *, write=False):
    """Return the agency if the user has a business role there, else 404."""
    agency = get_agency_for_user(request.user, pk, write=write)
    if not agencies_for_user(request.user).filter(pk=agency.pk).exists():
        raise PermissionDenied
    return agency


@require_http_methods(["GET", "POST"])
@login_required
def figures(request: HttpRequest, agency_pk: int) -> HttpResponse:
    agency = _business_agency(request, agency_pk)
    year = timezone.localdate().year - 1
    form = FiguresForm(request.POST or None, initial={"year": year})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.record_article20_figures(
                request.user, agency, data.pop("year"), **data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("已保存。"))
            return redirect("catalogue:figures", agency_pk=agency.pk)
    rows = Article20Figures.objects.filter(agency=agency).order_by("-year")
    sections = [(r, proactive_section(agency, r.year)) for r in rows]
    context = {
        "agency": agency,
        "form": form,
        "sections": sections,
        "import_form": ImportForm(),
    }
    return render(request, "catalogue/figures.html", context)


@require_POST
@login_required
def figures_import(request: HttpRequest, agency_pk: int) -> HttpResponse:
    agency = _business_agency(request, agency_pk)
    form = ImportForm(request.POST, request.FILES)
    errors = []
    if form.is_valid() and form.cleaned_data["file"].size > MAX_IMPORT_BYTES:
        errors = [_("文件太大（最多 2 MB）。")]
    elif form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            stored = services.import_article20_figures(
                request.user, agency, upload.name, upload.read()
            )
        except FiguresImportError as error:
            errors = error.errors
        else:
            messages.success(request, _("已导入 %(n)d 个年度。") % {"n": len(stored)})
            return redirect("catalogue:figures", agency_pk=agency.pk)
    context = {
        "agency": agency,
        "import_form": form,
        "errors": errors,
        "headers": TEMPLATE_HEADERS,
    }
    return render(request, "catalogue/figures_import.html", context, status=400)


@require_GET
@login_required
def section_two(request: HttpRequest, agency_pk: int, year: int) -> HttpResponse:
    """Section 二 of the annual report as the catalogue computes it."""
    agency = _business_agency(request, agency_pk)
    context = {
        "agency": agency,
        "year": year,
        "section": proactive_section(agency, year),
        "published": published_count(agency, year),
    }
    return render(request, "catalogue/section_two.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def guide_edit(request: HttpRequest, agency_pk: int) -> HttpResponse:
    agency = _business_agency(request, agency_pk, write=True)
    texts, guide = guide_texts(agency)
    form = GuideForm(request.POST or None, initial=texts)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_guide(request.user, agency, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("指南已更新。"))
            return redirect("portal:agency_guide", agency_pk=agency.pk)
    context = {"agency": agency, "form": form, "guide": guide}
    return render(request, "catalogue/guide_form.html", context)


@require_GET
@login_required
def standard_list(request: HttpRequest, agency_pk: int) -> HttpResponse:
    agency = _business_agency(request, agency_pk)
    context = {
        "agency": agency,
        "entries": agency.standard_entries.select_related("category"),
    }
    return render(request, "catalogue/standard_list.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def standard_edit(
    request: HttpRequest, agency_pk: int, entry_pk: int | None = None
) -> HttpResponse:
    agency = _business_agency(request, agency_pk, write=True)
    entry = get_entry_for_user(request.user, agency, entry_pk) if entry_pk else None
    next_sequence = agency.standard_entries.count() + 1
    form = StandardEntryForm(
        request.POST or None,
        instance=entry,
        agency=agency,
        initial={"sequence": next_sequence, "subject": agency.name},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_standard_entry(
                request.user, agency, entry, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("已保存。"))
            return redirect("catalogue:standard_list", agency_pk=agency.pk)
    context = {"agency": agency, "form": form, "entry": entry}
    return render(request, "catalogue/standard_form.html", context)


@require_POST
@login_required
def standard_delete(
    request: HttpRequest, agency_pk: int, entry_pk: int
) -> HttpResponse:
    agency = _business_agency(request, agency_pk, write=True)
    entry = get_entry_for_user(request.user, agency, entry_pk)
    services.delete_standard_entry(request.user, entry)
    messages.success(request, _("已删除。"))
    return redirect("catalogue:standard_list", agency_pk=agency.pk)


@require_http_methods(["GET", "POST"])
@login_required
def index_scheme(request: HttpRequest, agency_pk: int) -> HttpResponse:
    agency = get_agency_for_user(request.user, agency_pk)
    scheme = scheme_for(agency)
    form = IndexSchemeForm(request.POST or None, instance=scheme)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_index_scheme(request.user, agency, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("索引号规则已保存，只影响今后生成的索引号。"))
            return redirect("catalogue:index_scheme", agency_pk=agency.pk)
    return render(
        request, "catalogue/index_scheme.html", {"agency": agency, "form": form}
    )


@require_GET
@login_required
def flags(request: HttpRequest) -> HttpResponse:
    agencies = agencies_for_user(request.user).order_by("path")
    context = {
        "flags": flags_for(agencies, timezone.localdate()),
        "today": timezone.localdate(),
    }
    return render(request, "catalogue/flags.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def suggestion_accept(request: HttpRequest, suggestion_pk: int) -> HttpResponse:
    suggestion = get_suggestion_for_user(request.user, suggestion_pk, write=True)
    form = SuggestionForm(request.POST or None, agency=suggestion.agency)
    if request.method == "POST" and form.is_valid():
        try:
            document = services.accept_suggestion(
                request.user, suggestion, category=form.cleaned_data["category"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("已生成主动公开草稿，请补充内容后送审。"))
            return redirect(reverse("catalogue:document_edit", args=[document.pk]))
    context = {"suggestion": suggestion, "form": form, "reason_form": ReasonForm()}
    return render(request, "catalogue/suggestion.html", context)


@require_POST
@login_required
def suggestion_dismiss(request: HttpRequest, suggestion_pk: int) -> HttpResponse:
    suggestion = get_suggestion_for_user(request.user, suggestion_pk, write=True)
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.dismiss_suggestion(request.user, suggestion, reason=reason)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("catalogue:suggestion_accept", suggestion_pk=suggestion.pk)
    messages.success(request, _("已记录不予纳入的理由。"))
    return redirect("catalogue:flags")
