"""Public document pages, attachments, search, the agency index and the
适老化 switch."""

from django import forms
from django.core.cache import cache
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from gongkai.catalogue.listing import PAGE_SIZE, public_document, search
from gongkai.catalogue.models import Category, CategoryGroup, DocumentKind, Validity
from gongkai.catalogue.models.choices import NEEDS_INTERPRETATION
from gongkai.catalogue.search import Filters
from gongkai.catalogue.search.text import MAX_QUERY_LENGTH
from gongkai.catalogue.selectors import get_public_document
from gongkai.organisations.models import Agency

from .agency_views import column_context, window_from
from .templatetags.columns import agencies_stamp

CARE_COOKIE = "gk_care"
CARE_SECONDS = 365 * 24 * 3600


@require_GET
def document(request: HttpRequest, pk: int) -> HttpResponse:
    item = public_document(pk)
    if item is None:
        raise Http404
    context = {
        **column_context(item.agency),
        "document": item,
        "attachments": item.public_attachments,
        # Only policy documents have 解读, only a 解读 has 关联文件.
        "interpretations": (
            item.interpretations.public().order_by("-listing_key")
            if item.kind in NEEDS_INTERPRETATION
            else ()
        ),
        "interprets": (
            item.interprets.public().order_by("-listing_key")
            if item.kind == DocumentKind.INTERPRETATION
            else ()
        ),
    }
    return render(request, "portal/document.html", context)


@require_GET
def attachment(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    item = get_public_document(pk)
    found = item.attachments.filter(pk=attachment_pk).first()
    if found is None:
        raise Http404
    response = FileResponse(
        found.file.open("rb"),
        as_attachment=True,
        filename=found.name,
        content_type=found.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


class CategoryChoiceField(forms.ModelChoiceField):
    """Categories labelled with their group where names repeat (土地征收
    is both a county and a township item of 第二十一条)."""

    def label_from_instance(self, obj):
        if obj.group == CategoryGroup.ARTICLE_21_TOWNSHIP:
            return _("%(name)s（乡镇）") % {"name": obj.name}
        if obj.group == CategoryGroup.ARTICLE_21_COUNTY:
            return _("%(name)s（市县）") % {"name": obj.name}
        return obj.name


class SearchForm(forms.Form):
    """The search box and its filters; bad values are reported, not used."""

    q = forms.CharField(label=_("关键词"), required=False, max_length=MAX_QUERY_LENGTH)
    agency = forms.ModelChoiceField(
        label=_("发布机构"),
        required=False,
        queryset=Agency.objects.order_by("path"),
        empty_label=_("全部"),
    )
    category = CategoryChoiceField(
        label=_("分类"),
        required=False,
        empty_label=_("全部"),
        queryset=Category.objects.filter(agency__isnull=True, is_active=True),
        to_field_name="code",
    )
    year = forms.IntegerField(
        label=_("发布年份"), required=False, min_value=2000, max_value=2100
    )
    validity = forms.ChoiceField(
        label=_("有效性"), required=False, choices=[("", _("全部")), *Validity.choices]
    )

    def filters(self) -> Filters:
        # Valid fields stay in cleaned_data when another field is invalid.
        data = getattr(self, "cleaned_data", {}) if self.is_bound else {}
        return Filters(
            agency_id=data["agency"].pk if data.get("agency") else None,
            category_id=data["category"].pk if data.get("category") else None,
            year=data.get("year"),
            validity=data.get("validity") or None,
            today=timezone.localdate(),
        )


CHOICES_SECONDS = 300


def _options(choices) -> str:
    return "".join(
        format_html('<option value="{}">{}</option>', value, label)
        for value, label in choices
    )


def filter_options() -> dict[str, str]:
    """The ``<option>`` lists of the search filters as HTML, cached: a few
    hundred agencies rendered option by option cost more than the search."""
    key = f"portal:search_options:{agencies_stamp()}"
    options = cache.get(key)
    if options is None:
        form = SearchForm()
        category_label = form.fields["category"].label_from_instance
        options = {
            "agency": _options((a.pk, a.name) for a in form.fields["agency"].queryset),
            "category": _options(
                (c.code, category_label(c)) for c in form.fields["category"].queryset
            ),
            "validity": _options(Validity.choices),
        }
        cache.set(key, options, CHOICES_SECONDS)
    return options


def _selected(options: str, value: str) -> SafeString:
    """Mark the option of ``value`` selected (values are escaped already)."""
    if value:
        marker = format_html('<option value="{}">', value)
        options = options.replace(marker, marker[:-1] + " selected>", 1)
    return mark_safe(options)  # built by format_html above


def selected_options(form: "SearchForm") -> dict[str, SafeString]:
    return {
        name: _selected(html, form.data.get(name, ""))
        for name, html in filter_options().items()
    }


@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    result = None
    if form.is_bound and not form.is_valid() and "q" in form.errors:
        pass  # the message is shown next to the search box; nothing is searched
    elif form.is_bound:
        query = form.cleaned_data.get("q", "")
        result = search(query, form.filters(), window_from(request))
    context = {
        "form": form,
        "result": result,
        "page_size": PAGE_SIZE,
        "options": selected_options(form),
    }
    return render(request, "portal/search.html", context)


@require_POST
def care_mode(request: HttpRequest) -> HttpResponse:
    """Switch the 适老化 mode (larger text, higher contrast) on or off; the
    choice is kept in a cookie for a year."""
    target = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
        target = "/"
    response = redirect(target)
    if request.COOKIES.get(CARE_COOKIE) == "1":
        response.delete_cookie(CARE_COOKIE)
    else:
        response.set_cookie(CARE_COOKIE, "1", max_age=CARE_SECONDS, samesite="Lax")
    return response
