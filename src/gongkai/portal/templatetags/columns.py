"""Template tags of the public column pages."""

from django import template
from django.core.cache import cache
from django.db.models import Count, Max, Q

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
    are rebuilt as soon as one is added, renamed or moved."""
    figures = Agency.objects.aggregate(n=Count("id"), last=Max("updated_at"))
    last = figures["last"].timestamp() if figures["last"] else 0
    return f"{figures['n']}-{last:.6f}"


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
