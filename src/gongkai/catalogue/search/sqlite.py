"""SQLite search: FTS5 ``trigram`` for terms of three or more characters,
an FTS5 bigram index for shorter ones (``docs/ecosystem.md`` §6).

- ``catalogue_search_trigram(title, body, facets)``: the normalised text
  and the agency/category facet markers; row id = listing key.  A query's
  long terms are one MATCH on ``{title body}``; its short terms are checked
  with ``instr`` on the same rows.
- ``catalogue_search_bigram(grams)``: contentless, ``unicode61`` over the
  bigram stream of ``text.bigram_tokens`` plus the facet tokens,
  ``detail=none``, with a one-character prefix index.  Used when every
  term is short.  Rows are deleted by replaying their tokens, rebuilt from
  the trigram table's stored text, so both indexes always agree.

Agency and category filters are facet tokens in the MATCH (an index
intersection, not a scan); the year is a range of row ids; only the
validity filter joins the document table.  Neither LIKE on the FTS table
(broken in SQLite 3.40) nor a base-table scan is used.
"""

from django.db import connection

from .base import FACET_MARK, Backend, Filters, Window, facet_tokens, indexed_text
from .text import Terms, bigram_text, fts_phrase

TRIGRAM_TABLE = "catalogue_search_trigram"
BIGRAM_TABLE = "catalogue_search_bigram"

CREATE_SQL = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TRIGRAM_TABLE} "
    "USING fts5(title, body, facets, tokenize='trigram')",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {BIGRAM_TABLE} USING fts5("
    "grams, tokenize='unicode61', prefix='1', content='', detail='none')",
]
DROP_SQL = [
    f"DROP TABLE IF EXISTS {TRIGRAM_TABLE}",
    f"DROP TABLE IF EXISTS {BIGRAM_TABLE}",
]
TEXT_COLUMNS = "{title body}"
CHUNK = 500


def _grams(title: str, body: str, facets: str) -> str:
    """The bigram row: text tokens, then the facets without closing marks
    (``unicode61`` compares whole tokens, so no mark is needed there)."""
    open_facets = " ".join(token.rstrip(FACET_MARK) for token in facets.split())
    return f"{bigram_text(f'{title}\n{body}')} {open_facets}"


def _short_match(term: str) -> str:
    return fts_phrase(term) if len(term) > 1 else fts_phrase(term) + "*"


def _closed(token: str) -> str:
    # In the trigram table a facet is matched as a phrase: the closing
    # marker stops ``a12`` from matching ``a123``.
    return f"{token}{FACET_MARK}"


def _facet_text(tokens: list[str]) -> str:
    return " ".join(_closed(token) for token in tokens)


def _row(document) -> tuple[int, str, str, str]:
    title, body = indexed_text(document)
    return document.listing_key, title, body, _facet_text(facet_tokens(document))


class SqliteBackend(Backend):
    def index(self, documents) -> None:
        rows = [_row(d) for d in documents]
        self.remove([row[0] for row in rows])
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {TRIGRAM_TABLE}(rowid, title, body, facets) "
                "VALUES (%s, %s, %s, %s)",
                rows,
            )
            cursor.executemany(
                f"INSERT INTO {BIGRAM_TABLE}(rowid, grams) VALUES (%s, %s)",
                [(key, _grams(*texts)) for key, *texts in rows],
            )

    def remove(self, keys: list[int]) -> None:
        """Delete the rows of ``keys`` that exist (in chunks, one SELECT
        per chunk: re-indexing a batch costs no query per document)."""
        keys = list(keys)
        for start in range(0, len(keys), CHUNK):
            self._remove_chunk(keys[start : start + CHUNK])

    def _remove_chunk(self, keys: list[int]) -> None:
        marks = ", ".join(["%s"] * len(keys))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, title, body, facets FROM {TRIGRAM_TABLE} "
                f"WHERE rowid IN ({marks})",
                keys,
            )
            found = cursor.fetchall()
            if not found:
                return
            cursor.executemany(
                f"INSERT INTO {BIGRAM_TABLE}({BIGRAM_TABLE}, rowid, grams) "
                "VALUES ('delete', %s, %s)",
                [(key, _grams(*texts)) for key, *texts in found],
            )
            cursor.execute(
                f"DELETE FROM {TRIGRAM_TABLE} WHERE rowid IN ({marks})", keys
            )

    def clear(self) -> None:
        with connection.cursor() as cursor:
            for statement in DROP_SQL + CREATE_SQL:
                cursor.execute(statement)

    def _match(self, terms: Terms, filters: Filters) -> tuple[str, str, list]:
        """Return the table, its MATCH expression and the extra conditions'
        parameters (short terms checked on the trigram table's text)."""
        facets = filters.facets()
        if terms.long:
            text = " AND ".join(fts_phrase(t) for t in terms.long)
            parts = [f"{TEXT_COLUMNS} : ({text})"]
            parts += [f"facets : {fts_phrase(_closed(f))}" for f in facets]
            return (
                TRIGRAM_TABLE,
                " AND ".join(parts),
                [p for t in terms.short for p in (t, t)],
            )
        parts = [_short_match(t) for t in terms.short] + [fts_phrase(f) for f in facets]
        return BIGRAM_TABLE, " AND ".join(parts), []

    def _query(self, terms: Terms, filters: Filters, window: Window | None):
        """Return the SELECT of matching keys (without LIMIT) and params."""
        table, match, short_params = self._match(terms, filters)
        conditions = [f"f.{table} MATCH %s"]
        conditions += ["(instr(f.title, %s) > 0 OR instr(f.body, %s) > 0)"] * (
            len(short_params) // 2
        )
        more, params, order = filters.sql("f.rowid", window)
        conditions += more
        join = (
            "JOIN catalogue_document AS d ON d.listing_key = f.rowid "
            if filters.needs_join
            else ""
        )
        sql = (
            f"SELECT f.rowid FROM {table} AS f {join}"
            f"WHERE {' AND '.join(conditions)} ORDER BY f.rowid {order}"
        )
        return sql, [match, *short_params, *params]

    def match(self, terms: Terms, filters: Filters, window: Window) -> list[int]:
        sql, params = self._query(terms, filters, window)
        return self.fetch_keys(f"{sql} LIMIT %s", [*params, window.size])

    def count(self, terms: Terms, filters: Filters, cap: int) -> int:
        sql, params = self._query(terms, filters, None)
        return self.count_sql(sql, params, cap)
