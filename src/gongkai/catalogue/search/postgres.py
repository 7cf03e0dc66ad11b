"""PostgreSQL search: ``pg_trgm`` for terms of three or more characters and
a bigram ``tsvector`` for shorter ones, in one table keyed by listing key.

``agency_id`` and ``category_id`` carry the facets with B-tree indexes the
planner combines with the text indexes; ``content`` holds the normalised
text with a GIN ``gin_trgm_ops`` index
(LIKE ``%term%`` uses it); ``grams`` is built with ``array_to_tsvector``
from ``text.bigram_tokens``, so no text-search parser or dictionary is
involved and the database locale does not matter for it.  ``pg_trgm``
itself needs a UTF-8 ``LC_CTYPE`` (``catalogue.checks`` warns otherwise).
"""

from django.db import connection

from .base import Backend, Filters, Window, indexed_text
from .text import Terms, bigram_tokens, like_pattern, tsquery_operand

TABLE = "catalogue_search"

CREATE_SQL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE TABLE IF NOT EXISTS {TABLE} (listing_key bigint PRIMARY KEY, "
    "agency_id bigint NOT NULL, category_id bigint NOT NULL, "
    "content text NOT NULL, grams tsvector NOT NULL)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_agency ON {TABLE} (agency_id, listing_key)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_category ON {TABLE} (category_id, listing_key)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_content_trgm ON {TABLE} "
    "USING gin (content gin_trgm_ops)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_grams ON {TABLE} USING gin (grams)",
]
DROP_SQL = [f"DROP TABLE IF EXISTS {TABLE}"]


def _row(document) -> tuple:
    title, body = indexed_text(document)
    content = f"{title}\n{body}"
    grams = sorted(set(bigram_tokens(content)))
    return (
        document.listing_key,
        document.agency_id,
        document.category_id,
        content,
        grams,
    )


class PostgresBackend(Backend):
    def index(self, documents) -> None:
        rows = [_row(d) for d in documents]
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {TABLE} (listing_key, agency_id, category_id, content, grams) "
                "VALUES (%s, %s, %s, %s, array_to_tsvector(%s::text[])) "
                "ON CONFLICT (listing_key) DO UPDATE SET agency_id = EXCLUDED.agency_id, "
                "category_id = EXCLUDED.category_id, content = EXCLUDED.content, "
                "grams = EXCLUDED.grams",
                rows,
            )

    def remove(self, keys: list[int]) -> None:
        if keys:
            with connection.cursor() as cursor:
                cursor.execute(
                    f"DELETE FROM {TABLE} WHERE listing_key = ANY(%s)", [list(keys)]
                )

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {TABLE}")

    def optimize(self) -> None:
        """Refresh the planner's statistics of the search table (the GIN
        indexes merge their pending lists on their own)."""
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {TABLE}")

    def _query(self, terms: Terms, filters: Filters, window: Window | None):
        conditions = ["s.content LIKE %s" for _ in terms.long]
        params: list = [like_pattern(t) for t in terms.long]
        if terms.short:
            conditions.append("s.grams @@ %s::tsquery")
            params.append(" & ".join(tsquery_operand(t) for t in terms.short))
        for column, value in (
            ("agency_id", filters.agency_id),
            ("category_id", filters.category_id),
        ):
            if value is not None:
                conditions.append(f"s.{column} = %s")
                params.append(value)
        more, more_params, order = filters.sql("s.listing_key", window)
        conditions += more
        params += more_params
        join = (
            "JOIN catalogue_document AS d ON d.listing_key = s.listing_key "
            if filters.needs_join
            else ""
        )
        sql = (
            f"SELECT s.listing_key FROM {TABLE} AS s {join}"
            f"WHERE {' AND '.join(conditions) or 'TRUE'} ORDER BY s.listing_key {order}"
        )
        return sql, params

    def match(self, terms: Terms, filters: Filters, window: Window) -> list[int]:
        sql, params = self._query(terms, filters, window)
        return self.fetch_keys(f"{sql} LIMIT %s", [*params, window.size])

    def count(self, terms: Terms, filters: Filters, cap: int) -> int:
        sql, params = self._query(terms, filters, None)
        return self.count_sql(sql, params, cap)
