"""Template tags of the public column pages.

The document lists, search hits and pager are built here in Python rather
than included templates: a page holds 20 to 100 rows, and the template
engine spent 60–80 µs on each (variable lookups, a ``reverse`` for every
link), more than the rest of the page's work.
"""

import html
from collections.abc import Callable

from django import template
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.safestring import SafeData, SafeString, mark_safe
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


# Document links, lists and pager ---------------------------------------------
#
# Built with f-strings: every value that is not already safe HTML goes
# through ``_escape`` (``django.utils.html.escape`` without its lazy-string
# wrapper, which ``format_html`` pays for on every argument).

_SAMPLE_PK = 9_876_543_210


def _escape(value) -> str:
    return value if isinstance(value, SafeData) else html.escape(str(value))


def document_paths() -> Callable[[int], str]:
    """Return a function of a document's pk giving the path of its public
    page (``Document.get_absolute_url``), with one ``reverse`` per call of
    this function instead of one per link."""
    head, tail = reverse("portal:document", args=[_SAMPLE_PK]).split(str(_SAMPLE_PK))
    return lambda pk: f"{head}{pk}{tail}"


def _hrefs() -> Callable[[int], str]:
    """``document_paths`` escaped for an ``href`` attribute."""
    head, tail = map(_escape, document_paths()(_SAMPLE_PK).split(str(_SAMPLE_PK)))
    return lambda pk: f"{head}{int(pk)}{tail}"


@register.simple_tag
def document_list(items) -> SafeString:
    """The ``<ul class="document-list">`` of a column: title, 文号 and date
    of each document, newest first."""
    href = _hrefs()
    rows = []
    for d in items:
        day = d.published_on.isoformat()
        number = (
            f'<span class="number">{_escape(d.document_number)}</span>'
            if d.document_number
            else ""
        )
        rows.append(
            f'  <li><a href="{href(d.pk)}">{_escape(d.title)}</a>\n'
            f'    <span class="meta">{number}<time datetime="{day}">{day}</time></span></li>'
        )
    if not rows:
        # gettext outside f-strings: xgettext does not look inside them.
        empty = _escape(gettext("暂无信息。"))
        rows.append(f'  <li class="empty">{empty}</li>')
    return mark_safe('<ul class="document-list">\n' + "\n".join(rows) + "\n</ul>")


@register.simple_tag
def search_hits(hits) -> SafeString:
    """The ``<li class="hit">`` items of search results: the highlighted
    title and excerpt (safe HTML from ``search.text``), 发布机构, 文号,
    索引号 and date."""
    href = _hrefs()
    exact = _escape(gettext("精确匹配"))
    badge = f' <span class="badge">{exact}</span>'
    index_label = _escape(gettext("索引号"))
    items = []
    for hit in hits:
        d = hit.document
        day = d.published_on.isoformat()
        number = (
            f"<span>{_escape(d.document_number)}</span>" if d.document_number else ""
        )
        items.append(
            '<li class="hit">\n'
            f'  <a class="hit-title" href="{href(d.pk)}">{_escape(hit.title)}</a>'
            f"{badge if hit.exact else ''}\n"
            f'  <p class="hit-excerpt">{_escape(hit.excerpt)}</p>\n'
            f'  <p class="hit-meta"><span>{_escape(d.publisher_name)}</span>{number}'
            f"<span>{index_label} {_escape(d.index_number)}</span>"
            f'<time datetime="{day}">{day}</time></p>\n'
            "</li>"
        )
    return mark_safe("\n".join(items))


@register.simple_tag(takes_context=True)
def pager(context, page) -> SafeString:
    """Links 首页 / 上一页 / 下一页 / 末页 for a keyset-paged list, keeping
    the other query parameters."""
    if not (page.previous_key or page.next_key):
        return mark_safe("")
    params = context["request"].GET.copy()
    for key in ("after", "before"):
        params.pop(key, None)
    base = params.urlencode()
    join = "&" if base else ""
    links = []
    # gettext outside f-strings: xgettext does not look inside them.
    words = {
        "first": _escape(gettext("首页")),
        "prev": _escape(gettext("上一页")),
        "next": _escape(gettext("下一页")),
        "last": _escape(gettext("末页")),
    }
    if page.previous_key:
        first = _escape(f"?{base}")
        newer = _escape(f"?{base}{join}before={page.previous_key}")
        links.append(
            f'  <a href="{first}">{words["first"]}</a> '
            f'<a href="{newer}" rel="prev">{words["prev"]}</a>'
        )
    if page.next_key:
        older = _escape(f"?{base}{join}after={page.next_key}")
        last = _escape(f"?{base}{join}before=0")
        links.append(
            f'  <a href="{older}" rel="next">{words["next"]}</a> '
            f'<a href="{last}">{words["last"]}</a>'
        )
    label = _escape(gettext("分页"))
    return mark_safe(
        f'\n<nav class="pager" aria-label="{label}">\n' + "\n".join(links) + "\n</nav>"
    )
