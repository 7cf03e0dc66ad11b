"""``/sitemap.xml``: an index of small sitemaps, one per 50,000 document
primary keys, so no page of it needs OFFSET over a million rows."""

from django.db.models import Max
from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_GET

from gongkai.catalogue.models import Document
from gongkai.organisations.models import Agency

CHUNK = 50_000
XML = "application/xml; charset=utf-8"


def _sections() -> int:
    highest = Document.objects.public().aggregate(top=Max("pk"))["top"]
    return 0 if highest is None else highest // CHUNK + 1


@require_GET
@cache_page(600)
def sitemap_index(request: HttpRequest) -> HttpResponse:
    base = request.build_absolute_uri("/").rstrip("/")
    chunks = [
        n
        for n in range(_sections())
        if Document.objects.public()
        .filter(pk__gte=n * CHUNK, pk__lt=(n + 1) * CHUNK)
        .exists()
    ]
    body = render_to_string(
        "portal/sitemap_index.xml", {"base": base, "chunks": chunks}
    )
    return HttpResponse(body, content_type=XML)


@require_GET
@cache_page(600)
def sitemap_pages(request: HttpRequest) -> HttpResponse:
    base = request.build_absolute_uri("/").rstrip("/")
    agencies = Agency.objects.order_by("path").values_list("pk", flat=True)
    body = render_to_string(
        "portal/sitemap_pages.xml", {"base": base, "agencies": agencies}
    )
    return HttpResponse(body, content_type=XML)


@require_GET
@cache_page(600)
def sitemap_documents(request: HttpRequest, chunk: int) -> HttpResponse:
    documents = (
        Document.objects.public()
        .filter(pk__gte=chunk * CHUNK, pk__lt=(chunk + 1) * CHUNK)
        .order_by("pk")
        .values_list("pk", "updated_at")
    )
    rows = list(documents)
    if not rows:
        raise Http404
    base = request.build_absolute_uri("/").rstrip("/")
    body = render_to_string(
        "portal/sitemap_documents.xml", {"base": base, "rows": rows}
    )
    return HttpResponse(body, content_type=XML)
