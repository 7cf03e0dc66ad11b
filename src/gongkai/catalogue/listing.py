"""Public lists and search results, paged by listing key.

Lists are newest first and paged with a cursor (``after``: older than this
key; ``before``: newer than this key) instead of OFFSET, so page 5,000 of
a million documents costs what page 1 does.  ``before=0`` is the last
page.  Totals are counted once and cached for a minute; search totals stop
counting at ``SEARCH_COUNT_CAP``.
"""

import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import models
from django.utils.safestring import SafeString

from .models import Document, key_range_of_year
from .numbers import looks_like_index_number, normalise_document_number
from .search import Filters, Terms, Window, get_backend, parse_query
from .search.text import highlight, snippet

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
SEARCH_COUNT_CAP = 1000
COUNT_SECONDS = 60


@dataclass
class Page:
    items: list
    next_key: int | None = None  # link "older" with ?after=
    previous_key: int | None = None  # link "newer" with ?before=
    total: int = 0
    capped: bool = False  # the total is at least ``total``


def _cut(rows: list, window: Window) -> tuple[list, int | None, int | None]:
    """Return the page's rows newest first and the next/previous cursors,
    from ``size + 1`` rows fetched in the window's direction."""
    more = len(rows) > window.size
    rows = rows[: window.size]
    keys = [_key(r) for r in rows]
    if window.before is not None:
        rows, keys = rows[::-1], keys[::-1]
        previous_key = keys[0] if more and keys else None
        return rows, (keys[-1] if keys else None), previous_key
    next_key = keys[-1] if more and keys else None
    previous_key = keys[0] if window.after is not None and keys else None
    return rows, next_key, previous_key


def _key(row) -> int:
    return row if isinstance(row, int) else row.listing_key


def cached_count(queryset: models.QuerySet, *parts) -> int:
    """Return ``queryset.count()``, cached for a minute under a key that
    includes the newest listing key, so a publication shows at once."""
    newest = queryset.aggregate(newest=models.Max("listing_key"))["newest"]
    raw = repr((parts, newest)).encode()
    key = "catalogue:count:" + hashlib.sha1(raw).hexdigest()
    total = cache.get(key)
    if total is None:
        total = queryset.count()
        cache.set(key, total, COUNT_SECONDS)
    return total


def list_page(
    queryset: models.QuerySet, window: Window, *count_key, exact: bool = False
) -> Page:
    """Return one page of public documents of ``queryset``.

    The total is counted exactly each time with ``exact`` (a small list: an
    agency's column), cached under ``count_key`` otherwise (a list that can
    hold the whole catalogue), or left at the page's length without either.
    """
    # Lists show titles, 文号 and dates: the 正文 (often many kilobytes) stays
    # behind, and no agency or category objects are built per row.
    queryset = queryset.public().defer("body")
    if window.before is not None:
        rows = queryset.filter(listing_key__gt=window.before).order_by("listing_key")
    elif window.after is not None:
        rows = queryset.filter(listing_key__lt=window.after).order_by("-listing_key")
    else:
        rows = queryset.order_by("-listing_key")
    items, next_key, previous_key = _cut(list(rows[: window.size + 1]), window)
    if exact:
        total = queryset.count()
    else:
        total = cached_count(queryset, *count_key) if count_key else len(items)
    return Page(items, next_key, previous_key, total)


# Search ---------------------------------------------------------------------


@dataclass
class Hit:
    document: Document
    title: SafeString
    excerpt: SafeString
    exact: bool = False


@dataclass
class SearchResult(Page):
    terms: Terms = field(default_factory=Terms)
    exact: list = field(default_factory=list)


def _exact_matches(query: str) -> list[Document]:
    """Documents whose 索引号 or 文号 is exactly the query (shown first)."""
    text = query.strip()
    if not text:
        return []
    public = Document.objects.public()
    if looks_like_index_number(text):
        return list(public.filter(index_number=text.upper())[:1])
    number = normalise_document_number(text)
    if "〔" in number or number.endswith("号"):
        return list(public.filter(document_number=number)[:5])
    return []


def _hits(documents, terms: Terms, exact=False, body=True) -> list[Hit]:
    """Return the documents as hits; the excerpt comes from the 内容概述, or
    the 正文 when there is none and ``body`` was loaded."""
    words = terms.all
    return [
        Hit(
            d,
            highlight(d.title, words),
            snippet(d.summary or (d.body if body else ""), words),
            exact,
        )
        for d in documents
    ]


def search(query: str, filters: Filters, window: Window) -> SearchResult:
    """Return one page of search results for ``query`` within ``filters``.

    Without terms it is the filtered list.  Matches are newest first; an
    exact 索引号 or 文号 match comes first on the first page.
    """
    terms = parse_query(query)
    if not terms:
        page = list_page(_filtered_queryset(filters), window, "browse", filters)
        items = _hits(page.items, terms, body=False)
        return SearchResult(**{**vars(page), "items": items})
    backend = get_backend()
    keys = backend.match(
        terms, filters, Window(window.after, window.before, window.size + 1)
    )
    keys, next_key, previous_key = _cut(keys, window)
    # Hits show the document's own fields only: no related objects.
    by_key = Document.objects.public().in_bulk(keys, field_name="listing_key")
    documents = [by_key[k] for k in keys if k in by_key]
    total = backend.count(terms, filters, SEARCH_COUNT_CAP + 1)
    exact = _exact_matches(query) if previous_key is None else []
    # An exact match is shown once, on top.
    documents = [d for d in documents if d not in exact]
    return SearchResult(
        items=_hits(documents, terms),
        next_key=next_key,
        previous_key=previous_key,
        total=min(total, SEARCH_COUNT_CAP),
        capped=total > SEARCH_COUNT_CAP,
        terms=terms,
        exact=_hits(exact, terms, exact=True),
    )


def _filtered_queryset(filters: Filters) -> models.QuerySet:
    documents = Document.objects.all()
    if filters.agency_id is not None:
        documents = documents.filter(agency_id=filters.agency_id)
    if filters.category_id is not None:
        documents = documents.filter(category_id=filters.category_id)
    if filters.year is not None:
        documents = documents.filter(listing_key__range=key_range_of_year(filters.year))
    if filters.validity:
        documents = documents.with_validity(filters.validity, filters.today)
    return documents
