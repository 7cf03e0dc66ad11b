"""The public 政府信息公开专栏 of each agency (《条例》第二十四条;
国办公开办函〔2019〕61号: 政府信息公开指南, 政府信息公开制度, 法定主动公开内容,
政府信息公开年报, and the entry to apply online).  Everyone may read these
pages; only published 主动公开 items appear (R44)."""

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_GET

from gongkai.annual_reports.selectors import published_reports_for
from gongkai.catalogue.guide import guide_texts
from gongkai.catalogue.listing import PAGE_SIZE, list_page
from gongkai.catalogue.models import (
    SYSTEM_CATEGORY,
    Category,
    CategoryGroup,
)
from gongkai.catalogue.search import Filters, Window
from gongkai.catalogue.selectors import has_standard_catalogue, last_published
from gongkai.organisations.models import Agency

CATEGORY_SECONDS = 60


def category_by_code(code: str) -> Category | None:
    """Return the category with ``code``, from the cache (a minute) when it
    was asked for lately.  An unknown code is looked up every time, so a new
    category shows at once."""
    if len(code) > Category._meta.get_field("code").max_length:
        return None
    key = f"portal:category:{code}"
    category = cache.get(key)
    if category is None:
        category = Category.objects.filter(code=code).first()
        if category is not None:
            cache.set(key, category, CATEGORY_SECONDS)
    return category


def get_public_agency(pk) -> Agency:
    """Return agency ``pk`` or raise ``Http404``.  Every column page asks:
    one SQL statement, without compiling an ORM query."""
    table = connection.ops.quote_name(Agency._meta.db_table)
    found = list(Agency.objects.raw(f"SELECT * FROM {table} WHERE id = %s", [pk]))
    if not found:
        raise Http404
    return found[0]


def apply_url(agency: Agency) -> str | None:
    """Return the online application page for ``agency``, or None while the
    applications app offers none."""
    for name in ("apply:form", "applications:apply"):
        try:
            return reverse(name, args=[agency.pk])
        except NoReverseMatch:
            continue
    return None


def fee_calculator_url() -> str | None:
    try:
        return reverse("apply:fees")
    except NoReverseMatch:
        return None


def window_from(request: HttpRequest) -> Window:
    """Return the paging window of ``?after=`` / ``?before=``; junk is
    ignored (first page)."""
    after, before = request.GET.get("after", ""), request.GET.get("before", "")
    return Window(
        after=int(after) if after.isdigit() else None,
        before=int(before) if before.isdigit() and not after.isdigit() else None,
        size=PAGE_SIZE,
    )


def reports_of(agency: Agency):
    """The published annual reports of ``agency``, newest year first: the
    versions published on the platform and, for other years, the imported
    published reports (see ``annual_reports.selectors.published_reports_for``)."""
    return published_reports_for(agency)


def column_context(agency: Agency) -> dict:
    """What the column's navigation needs on every page of the column."""
    return {
        "agency": agency,
        "apply_url": apply_url(agency),
        "has_standard": has_standard_catalogue(agency),  # cached a minute
    }


def _column(request, agency: Agency, template: str, **context) -> HttpResponse:
    context.update(column_context(agency))
    return render(request, f"portal/agency/{template}", context)


@require_GET
def agency_column(request: HttpRequest, agency_pk: int) -> HttpResponse:
    agency = get_public_agency(agency_pk)
    latest = list_page(Filters(agency_id=agency.pk), Window(size=10))
    return _column(
        request,
        agency,
        "column.html",
        latest=latest.items,
        last_published=last_published(agency),
        guide_updated=getattr(getattr(agency, "guide", None), "updated_at", None),
        reports=reports_of(agency)[:3],
    )


@require_GET
def agency_guide(request: HttpRequest, agency_pk: int) -> HttpResponse:
    agency = get_public_agency(agency_pk)
    texts, guide = guide_texts(agency)
    return _column(
        request,
        agency,
        "guide.html",
        texts=texts,
        guide=guide,
        contacts=agency.ogi_body(),
        fee_url=fee_calculator_url(),
    )


def _category_page(request, agency: Agency, category: Category, template: str):
    filters = Filters(agency_id=agency.pk, category_id=category.pk)
    # One agency's category: small enough to count on every page.
    page = list_page(filters, window_from(request), total="exact")
    return _column(request, agency, template, category=category, page=page)


@require_GET
def agency_system(request: HttpRequest, agency_pk: int) -> HttpResponse:
    agency = get_public_agency(agency_pk)
    category = get_object_or_404(Category, code=SYSTEM_CATEGORY)
    return _category_page(request, agency, category, "documents.html")


@require_GET
def agency_proactive(request: HttpRequest, agency_pk: int) -> HttpResponse:
    agency = get_public_agency(agency_pk)
    categories = (
        Category.objects.for_agency(agency)
        .exclude(code=SYSTEM_CATEGORY)
        .annotate(
            public_count=Count(
                "documents",
                filter=Q(
                    documents__agency=agency, documents__listing_key__isnull=False
                ),
            )
        )
    )
    groups = [
        (label, [c for c in categories if c.group == key])
        for key, label in CategoryGroup.choices
    ]
    return _column(
        request,
        agency,
        "proactive.html",
        groups=[(label, items) for label, items in groups if items],
    )


@require_GET
def agency_category(request: HttpRequest, agency_pk: int, code: str) -> HttpResponse:
    agency = get_public_agency(agency_pk)
    category = category_by_code(code)
    if category is None or not category.belongs_to(agency):
        raise Http404
    return _category_page(request, agency, category, "documents.html")


@require_GET
def agency_reports(request: HttpRequest, agency_pk: int) -> HttpResponse:
    agency = get_public_agency(agency_pk)
    return _column(request, agency, "reports.html", reports=reports_of(agency))


@require_GET
def agency_standard(request: HttpRequest, agency_pk: int) -> HttpResponse:
    agency = get_public_agency(agency_pk)
    entries = agency.standard_entries.select_related("category")
    return _column(request, agency, "standard.html", entries=entries)


@require_GET
def agency_apply(request: HttpRequest, agency_pk: int) -> HttpResponse:
    """The 依申请公开 entry: the online form when the platform offers it,
    else the ways to apply from the 指南."""
    agency = get_public_agency(agency_pk)
    url = apply_url(agency)
    if url:
        return redirect(url)
    texts, _guide = guide_texts(agency)
    return _column(
        request,
        agency,
        "apply.html",
        on_request=texts["on_request"],
        contacts=agency.ogi_body(),
    )
