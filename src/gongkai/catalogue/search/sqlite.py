"""SQLite search: FTS5 ``trigram`` for terms of three or more characters,
an FTS5 bigram index for shorter ones (``docs/ecosystem.md`` §6).

- ``catalogue_search_trigram(title, body)``: the normalised text, row id =
  listing key.  A query's long terms are one MATCH (AND of phrases); its
  short terms are checked with ``instr`` on the same rows.
- ``catalogue_search_bigram(grams)``: contentless, ``unicode61`` over the
  bigram stream of ``text.bigram_tokens``, ``detail=none``, with a
  one-character prefix index.  Used only when every term is short.  Rows
  are deleted by replaying their tokens, which are rebuilt from the
  trigram table's stored text, so both indexes always agree.

Neither LIKE on the FTS table (broken in SQLite 3.40) nor a base-table scan
(a second on a million documents) is used.
"""

from django.db import connection

from .base import Backend, Filters, Window, indexed_text
from .text import Terms, bigram_text, fts_phrase

TRIGRAM_TABLE = "catalogue_search_trigram"
BIGRAM_TABLE = "catalogue_search_bigram"

CREATE_SQL = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TRIGRAM_TABLE} "
    "USING fts5(title, body, tokenize='trigram')",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {BIGRAM_TABLE} USING fts5("
    "grams, tokenize='unicode61', prefix='1', content='', detail='none')",
]
DROP_SQL = [
    f"DROP TABLE IF EXISTS {TRIGRAM_TABLE}",
    f"DROP TABLE IF EXISTS {BIGRAM_TABLE}",
]


def _grams(title: str, body: str) -> str:
    return bigram_text(f"{title}\n{body}")


def _short_match(term: str) -> str:
    return fts_phrase(term) if len(term) > 1 else fts_phrase(term) + "*"


class SqliteBackend(Backend):
    def index(self, documents) -> None:
        rows = [(d.listing_key, *indexed_text(d)) for d in documents]
        self.remove([key for key, _title, _body in rows])
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {TRIGRAM_TABLE}(rowid, title, body) VALUES (%s, %s, %s)",
                rows,
            )
            cursor.executemany(
                f"INSERT INTO {BIGRAM_TABLE}(rowid, grams) VALUES (%s, %s)",
                [(key, _grams(title, body)) for key, title, body in rows],
            )

    def remove(self, keys: list[int]) -> None:
        with connection.cursor() as cursor:
            for key in keys:
                cursor.execute(
                    f"SELECT title, body FROM {TRIGRAM_TABLE} WHERE rowid = %s", [key]
                )
                found = cursor.fetchone()
                if found is None:
                    continue
                cursor.execute(
                    f"INSERT INTO {BIGRAM_TABLE}({BIGRAM_TABLE}, rowid, grams) "
                    "VALUES ('delete', %s, %s)",
                    [key, _grams(*found)],
                )
                cursor.execute(f"DELETE FROM {TRIGRAM_TABLE} WHERE rowid = %s", [key])

    def clear(self) -> None:
        with connection.cursor() as cursor:
            for statement in DROP_SQL + CREATE_SQL:
                cursor.execute(statement)

    def _query(self, terms: Terms, filters: Filters, window: Window | None):
        """Return the SELECT of matching keys (without LIMIT) and params."""
        if terms.long:
            table = TRIGRAM_TABLE
            match = " AND ".join(fts_phrase(t) for t in terms.long)
            extra = [
                "(instr(f.title, %s) > 0 OR instr(f.body, %s) > 0)" for _ in terms.short
            ]
            extra_params = [p for t in terms.short for p in (t, t)]
        else:
            table = BIGRAM_TABLE
            match = " AND ".join(_short_match(t) for t in terms.short)
            extra, extra_params = [], []
        conditions, params = filters.sql("f.rowid")
        order = "DESC"
        if window is not None:
            more, more_params, order = window.sql("f.rowid")
            conditions += more
            params += more_params
        where = " AND ".join([f"f.{table} MATCH %s", *extra, *conditions])
        sql = (
            f"SELECT f.rowid FROM {table} AS f "
            "JOIN catalogue_document AS d ON d.listing_key = f.rowid "
            f"WHERE {where} ORDER BY f.rowid {order}"
        )
        return sql, [match, *extra_params, *params]

    def match(self, terms: Terms, filters: Filters, window: Window) -> list[int]:
        sql, params = self._query(terms, filters, window)
        return self.fetch_keys(f"{sql} LIMIT %s", [*params, window.size])

    def count(self, terms: Terms, filters: Filters, cap: int) -> int:
        sql, params = self._query(terms, filters, None)
        return self.count_sql(sql, params, cap)
