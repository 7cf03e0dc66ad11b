"""Public lists and search results, paged by listing key.

Lists are newest first and paged with a cursor (``after``: older than this
key; ``before``: newer than this key) instead of OFFSET, so page 5,000 of
a million documents costs what page 1 does.  ``before=0`` is the last
page.  Totals are counted once and cached for a minute; search totals stop
counting at ``SEARCH_COUNT_CAP``.

These reads run on every public list and search page, so they are written
as SQL and the rows become documents through ``Model.from_db``: compiling
the equivalent ORM query cost 0.5–2 ms of CPU, several times the query
itself, and ``Manager.raw`` another 0.3 ms a page for value conversions
these columns do not need (``bench/bench_catalogue.py``).  Rows carry
``LISTED_COLUMNS`` only.
"""

import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection
from django.utils.safestring import SafeString

from gongkai.organisations.models import Agency

from .models import Attachment, Category, Document
from .models.documents import DocumentQuerySet
from .numbers import looks_like_index_number, normalise_document_number
from .search import Filters, Terms, Window, get_backend, parse_query
from .search.text import highlight, snippet

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
SEARCH_COUNT_CAP = 1000
COUNT_SECONDS = 60

# What list rows, search hits and the API's search results read of a
# document (the API shows the validity of policy documents); other fields
# load on access, one query each.  Search hits also load the 正文 (their
# excerpt when there is no 内容概述).  Integers, text and dates only: both
# database drivers return them as Python values (Django registers SQLite's
# ``date`` converter), so rows need no per-field conversion.
LISTED_COLUMNS = (
    "id",
    "listing_key",
    "agency_id",
    "category_id",
    "kind",
    "title",
    "summary",
    "publisher_name",
    "document_number",
    "index_number",
    "created_on",
    "published_on",
    "repealed_on",
    "valid_until",
)


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


def _columns(body: bool) -> list[str]:
    """The columns read, in the model's field order (``from_db`` wants)."""
    wanted = set(LISTED_COLUMNS) | ({"body"} if body else set())
    return [f.attname for f in Document._meta.concrete_fields if f.attname in wanted]


def _documents(where: str, params: list, tail: str = "", *, body=False) -> list:
    """Return the documents of ``SELECT … FROM catalogue_document AS d
    WHERE where tail``, loaded with ``LISTED_COLUMNS`` (and the 正文)."""
    columns = _columns(body)
    quote = connection.ops.quote_name
    sql = (
        f"SELECT {', '.join(f'd.{quote(c)}' for c in columns)} "
        f"FROM {quote(Document._meta.db_table)} AS d WHERE {where} {tail}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [Document.from_db(connection.alias, columns, row) for row in rows]


def _public(alias: str = "") -> str:
    """The rule of ``Document.objects.public()`` as SQL."""
    return DocumentQuerySet.PUBLIC_SQL.format(alias=alias)


def _where(filters: Filters, window: Window | None = None) -> tuple[str, list, str]:
    """Return the WHERE condition of the public documents within
    ``filters`` and ``window`` (on alias ``d``), its parameters and the
    ORDER BY direction."""
    conditions, params = [_public("d.")], []
    for column, value in (
        ("agency_id", filters.agency_id),
        ("category_id", filters.category_id),
    ):
        if value is not None:
            conditions.append(f"d.{column} = %s")
            params.append(value)
    more, more_params, order = filters.sql("d.listing_key", window)
    return " AND ".join(conditions + more), params + more_params, order


def _scalar(sql: str, params: list):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def _count(filters: Filters) -> int:
    where, params, _order = _where(filters)
    table = connection.ops.quote_name(Document._meta.db_table)
    return _scalar(f"SELECT count(*) FROM {table} AS d WHERE {where}", params)


def cached_count(filters: Filters) -> int:
    """Return the number of public documents within ``filters``, cached for
    a minute under a key that includes the newest listing key, so a
    publication shows at once."""
    where, params, _order = _where(filters)
    table = connection.ops.quote_name(Document._meta.db_table)
    newest = _scalar(
        f"SELECT max(d.listing_key) FROM {table} AS d WHERE {where}", params
    )
    raw = repr((filters, newest)).encode()
    key = "catalogue:count:" + hashlib.sha1(raw).hexdigest()
    total = cache.get(key)
    if total is None:
        total = _count(filters)
        cache.set(key, total, COUNT_SECONDS)
    return total


def list_page(filters: Filters, window: Window, *, total: str = "page") -> Page:
    """Return one page of the public documents within ``filters``.

    ``total`` is ``"exact"`` to count on every call (a small list: an
    agency's column), ``"cached"`` to count once a minute (a list that can
    hold the whole catalogue), or ``"page"``: the page's length.
    """
    # Lists show titles, 文号 and dates: the 正文 (often many kilobytes) stays
    # behind, and no agency or category objects are built per row.
    where, params, order = _where(filters, window)
    rows = _documents(
        where, [*params, window.size + 1], f"ORDER BY d.listing_key {order} LIMIT %s"
    )
    items, next_key, previous_key = _cut(rows, window)
    if total == "exact":
        count = _count(filters)
    elif total == "cached":
        count = cached_count(filters)
    else:
        count = len(items)
    return Page(items, next_key, previous_key, count)


def documents_by_key(keys: list[int], *, body: bool = False) -> list[Document]:
    """Return the public documents of listing ``keys``, in that order."""
    if not keys:
        return []
    marks = ", ".join(["%s"] * len(keys))
    rows = _documents(f"d.listing_key IN ({marks})", list(keys), body=body)
    found = {d.listing_key: d for d in rows}
    return [found[k] for k in keys if k in found]


def _raw_one(model, where: str, params: list):
    table = connection.ops.quote_name(model._meta.db_table)
    found = list(model.objects.raw(f"SELECT * FROM {table} WHERE {where}", params))
    return found[0] if found else None


def public_document(pk: int) -> Document | None:
    """Return public document ``pk`` with its agency, category and
    attachments, or None: what ``selectors.get_public_document`` returns,
    for the public document page, in four primary-key statements rather
    than a compiled three-table ORM join and an attachment query.
    ``document.public_attachments`` holds the attachments in their order."""
    document = _raw_one(Document, f"id = %s AND {_public()}", [pk])
    if document is None:
        return None
    document.agency = _raw_one(Agency, "id = %s", [document.agency_id])
    document.category = _raw_one(Category, "id = %s", [document.category_id])
    table = connection.ops.quote_name(Attachment._meta.db_table)
    document.public_attachments = list(
        Attachment.objects.raw(
            f"SELECT * FROM {table} WHERE document_id = %s ORDER BY sort_order, id",
            [pk],
        )
    )
    return document


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
    if looks_like_index_number(text):
        return list(Document.objects.public().filter(index_number=text.upper())[:1])
    number = normalise_document_number(text)
    if "〔" in number or number.endswith("号"):
        return list(Document.objects.public().filter(document_number=number)[:5])
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
        page = list_page(filters, window, total="cached")
        items = _hits(page.items, terms, body=False)
        return SearchResult(**{**vars(page), "items": items})
    keys, total = get_backend().match_and_count(
        terms,
        filters,
        Window(window.after, window.before, window.size + 1),
        SEARCH_COUNT_CAP + 1,
    )
    keys, next_key, previous_key = _cut(keys, window)
    # Hits show the document's own fields only: no related objects.
    documents = documents_by_key(keys, body=True)
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
