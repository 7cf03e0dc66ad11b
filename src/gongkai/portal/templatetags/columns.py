"""Template tags of the public column pages.

The document lists and search hits are built here with ``format_html``
rather than included templates: a page holds 20 to 100 rows, and the
template engine spent 60–80 µs on each (variable lookups, a ``reverse`` for
every link), more than the rest of the page's work.
"""

from collections.abc import Callable

from django import template
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from gongkai.organisations.models import Agency
from gongkai.organisations.selectors import tree_rows

register = template.Library()
INDEX_SECONDS = 300


def _agency_rows():
    agencies = Agency.objects.annotate(
        public_count=Count(
            "catalogue_documents",
            filter=Q(catalogue_documents__listing_key__isnull=False),
        )
    )
    return [
        (row.depth, row.agency.pk, row.agency.name, row.agency.public_count)
        for row in tree_rows(agencies)
    ]


@register.simple_tag
def agency_index():
    """Return ``(depth, pk, name, published count)`` for every agency in
    tree order, for the portal's index of columns (cached five minutes)."""
    key = f"portal:agency_index:{agencies_stamp()}"
    rows = cache.get(key)
    if rows is None:
        rows = _agency_rows()
        cache.set(key, rows, INDEX_SECONDS)
    return rows


def agencies_stamp() -> str:
    """A cheap fingerprint of the agency table: cached lists of agencies
    are rebuilt as soon as one is added, renamed or moved (``updated_at``
    changes) or removed (the count does).  One indexless aggregate over a
    small table, in SQL: the search page asks on every request."""
    table = connection.ops.quote_name(Agency._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*), max(updated_at) FROM {table}")
        count, last = cursor.fetchone()
    # Part of cache keys: no spaces (``last`` is text on SQLite).
    return f"{count}-{last}".replace(" ", "T")


# Document links and lists ---------------------------------------------------

_SAMPLE_PK = 9_876_543_210


def document_paths() -> Callable[[int], str]:
    """Return a function of a document's pk giving the path of its public
    page (``Document.get_absolute_url``), with one ``reverse`` per call of
    this function instead of one per link."""
    head, tail = reverse("portal:document", args=[_SAMPLE_PK]).split(str(_SAMPLE_PK))
    return lambda pk: f"{head}{pk}{tail}"


DOCUMENT_ROW = (
    '  <li><a href="{}">{}</a>\n'
    '    <span class="meta">{}<time datetime="{}">{}</time></span></li>'
)
HIT = (
    '<li class="hit">\n'
    '  <a class="hit-title" href="{}">{}</a>{}\n'
    '  <p class="hit-excerpt">{}</p>\n'
    '  <p class="hit-meta"><span>{}</span>{}<span>{} {}</span>'
    '<time datetime="{}">{}</time></p>\n'
    "</li>"
)


def _number(document, wrapper: str) -> SafeString | str:
    return (
        format_html(wrapper, document.document_number)
        if document.document_number
        else ""
    )


@register.simple_tag
def document_list(items) -> SafeString:
    """The ``<ul class="document-list">`` of a column: title, 文号 and date
    of each document, newest first."""
    path = document_paths()
    rows = []
    for d in items:
        day = d.published_on.isoformat()
        number = _number(d, '<span class="number">{}</span>')
        rows.append(format_html(DOCUMENT_ROW, path(d.pk), d.title, number, day, day))
    if not rows:
        rows.append(format_html('  <li class="empty">{}</li>', gettext("暂无信息。")))
    return format_html(
        '<ul class="document-list">\n{}\n</ul>', mark_safe("\n".join(rows))
    )


@register.simple_tag
def search_hits(hits) -> SafeString:
    """The ``<li class="hit">`` items of search results: the highlighted
    title and excerpt, 发布机构, 文号, 索引号 and date."""
    path = document_paths()
    badge = format_html(' <span class="badge">{}</span>', gettext("精确匹配"))
    index_label = gettext("索引号")
    items = []
    for hit in hits:
        d = hit.document
        day = d.published_on.isoformat()
        items.append(
            format_html(
                HIT,
                path(d.pk),
                hit.title,
                badge if hit.exact else "",
                hit.excerpt,
                d.publisher_name,
                _number(d, "<span>{}</span>"),
                index_label,
                d.index_number,
                day,
                day,
            )
        )
    return mark_safe("\n".join(items))  # every part went through format_html


@register.inclusion_tag("portal/agency/_pager.html", takes_context=True)
def pager(context, page):
    """Links 首页 / 上一页 / 下一页 / 末页 for a keyset-paged list, keeping
    the other query parameters."""
    request = context["request"]
    params = request.GET.copy()
    for key in ("after", "before"):
        params.pop(key, None)
    base = params.urlencode()
    join = "&" if base else ""
    return {
        "page": page,
        "first": f"?{base}",
        "newer": f"?{base}{join}before={page.previous_key}"
        if page.previous_key
        else None,
        "older": f"?{base}{join}after={page.next_key}" if page.next_key else None,
        "last": f"?{base}{join}before=0",
    }
