"""What every search backend shares: the request, the filter SQL over
``catalogue_document`` and the document text that is indexed.

A backend keeps one index row per public document, keyed by the
document's ``listing_key`` (publication date, then primary key), so the
newest-first order and keyset paging come straight from the index.
"""

from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.utils import timezone

from ..models import Validity, key_range_of_year
from .text import Terms, normalise

# Facet markers: a private-use character cannot come out of a user's query
# (``text.parse_query`` keeps letters and digits only), so a facet token
# never matches a search term.
FACET_MARK = "\ue000"


def facet(kind: str, value: int) -> str:
    """Return the index token of a facet, e.g. agency 12 → ``\ue000a12``."""
    return f"{FACET_MARK}{kind}{value}"


@dataclass(frozen=True)
class Filters:
    """The filters of a search.  Agency and category are indexed as facet
    tokens, the year as a range of row keys; validity depends on the day
    asked about and is checked on the document table (a join)."""

    agency_id: int | None = None
    category_id: int | None = None
    year: int | None = None
    validity: str | None = None
    today: date | None = None

    def facets(self) -> list[tuple[str, int]]:
        """Return the (kind, id) of the agency and category filters."""
        found = []
        if self.agency_id is not None:
            found.append(("a", self.agency_id))
        if self.category_id is not None:
            found.append(("c", self.category_id))
        return found

    @property
    def needs_join(self) -> bool:
        return bool(self.validity)

    def sql(
        self, key_column: str, window: "Window | None" = None
    ) -> tuple[list[str], list, str]:
        """Return the conditions of the year, the ``window`` and validity (on
        ``key_column``, the row key, and ``d``, the document table), their
        parameters and the ORDER BY direction of the key.

        The year and the window become one range of keys, at most one lower
        and one upper bound: FTS5 walks its index within one bound of each
        kind and checks a second one row by row (a year filter on a page
        after a later key would walk the years in between).
        """
        low, high = (
            key_range_of_year(self.year) if self.year is not None else (None, None)
        )
        order = "DESC"
        if window is not None and window.before is not None:
            order = "ASC"
            low = _tighter(max, low, window.before + 1)
        elif window is not None and window.after is not None:
            high = _tighter(min, high, window.after - 1)
        conditions, params = [], []
        for operator, bound in ((">=", low), ("<=", high)):
            if bound is not None:
                conditions.append(f"{key_column} {operator} %s")
                params.append(bound)
        if self.validity:
            sql, more = _validity_sql(self.validity, self.today)
            conditions.append(sql)
            params.extend(more)
        return conditions, params, order


def _tighter(pick, bound: int | None, other: int) -> int:
    return other if bound is None else pick(bound, other)


def _validity_sql(validity: str, today: date | None) -> tuple[str, list]:
    day = connection.ops.adapt_datefield_value(today or timezone.localdate())
    not_repealed = "(d.repealed_on IS NULL OR d.repealed_on > %s)"
    if validity == Validity.REPEALED:
        return "d.repealed_on <= %s", [day]
    if validity == Validity.EXPIRED:
        return f"{not_repealed} AND d.valid_until < %s", [day, day]
    return f"{not_repealed} AND (d.valid_until IS NULL OR d.valid_until >= %s)", [
        day,
        day,
    ]


@dataclass(frozen=True)
class Window:
    """Which slice of the newest-first result list: keys below ``after``
    (next pages) or above ``before`` (previous pages), ``size`` of them."""

    after: int | None = None
    before: int | None = None
    size: int = 20


def indexed_text(document) -> tuple[str, str]:
    """Return the normalised (title, body) that the indexes hold for a
    document: the body joins 内容概述, 文号, 索引号, 主题词 and 正文."""
    parts = [
        document.summary,
        document.document_number,
        document.index_number or "",
        document.keywords,
        document.body,
    ]
    return normalise(document.title), normalise("\n".join(p for p in parts if p))


def facets_of(document) -> list[tuple[str, int]]:
    """Return the (kind, id) of a document's agency and category."""
    return [("a", document.agency_id), ("c", document.category_id)]


class Backend:
    """The interface; see ``sqlite.SqliteBackend`` and
    ``postgres.PostgresBackend``."""

    def index(self, documents) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def remove(self, keys: list[int]) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def clear(self) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def optimize(self) -> None:  # pragma: no cover - interface
        """Bring the index into its fastest shape after many writes."""
        raise NotImplementedError

    def match(self, terms: Terms, filters: Filters, window: Window) -> list[int]:
        raise NotImplementedError  # pragma: no cover - interface

    def count(self, terms: Terms, filters: Filters, cap: int) -> int:
        raise NotImplementedError  # pragma: no cover - interface

    def match_and_count(
        self, terms: Terms, filters: Filters, window: Window, cap: int
    ) -> tuple[list[int], int]:
        """Return ``match`` and ``count`` together.  On a first page both
        come from one query, the first ``cap`` matching keys (the search
        runs once, and a selective filter makes it the costly part)."""
        if window.after is not None or window.before is not None:
            return self.match(terms, filters, window), self.count(terms, filters, cap)
        keys = self.match(terms, filters, Window(size=max(cap, window.size)))
        return keys[: window.size], min(len(keys), cap)

    def fetch_keys(self, sql: str, params: list) -> list[int]:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]

    def count_sql(self, inner: str, params: list, cap: int) -> int:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM ({inner} LIMIT %s) AS hits", [*params, cap]
            )
            return cursor.fetchone()[0]
