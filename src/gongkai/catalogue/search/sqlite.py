"""SQLite search: FTS5 ``trigram`` for terms of three or more characters,
an FTS5 bigram index for shorter ones (``docs/ecosystem.md`` §6).

- ``catalogue_search_trigram(title, body, facets)``: the normalised text
  and the agency/category facets (``trigram_facet``); row id = listing
  key.  A query's long terms are one MATCH on ``{title body}``; its short
  terms are checked with ``instr`` on the same rows.
- ``catalogue_search_bigram(grams)``: contentless, ``unicode61`` over the
  bigram stream of ``text.bigram_tokens`` plus the facet tokens
  (``base.facet``), ``detail=none``, with a one-character prefix index.
  Used when every term is short.  Rows are deleted by replaying their
  tokens, rebuilt from the trigram table's stored text and facets, so both
  indexes always agree.

Agency and category filters are facet tokens in the MATCH (an index
intersection, not a scan); the year is a range of row ids; only the
validity filter joins the document table.  Neither LIKE on the FTS table
(broken in SQLite 3.40) nor a base-table scan is used.

FTS5 adds a segment to its index with each write and merges them now and
then; ``optimize`` merges them all into one (a search reads one b-tree per
segment and term).  ``search.rebuild`` ends with it.
"""

from django.db import connection

from .base import Backend, Filters, Window, facet, facets_of, indexed_text
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


# Facets in the trigram table: a kind character and the id in base-4096
# digits, all private-use characters (never in a query's terms, see
# ``base.FACET_MARK``).  With two digits (ids below 4096², 16.7 million) a
# facet is exactly one trigram, one token to FTS5, matched without the
# position checks of a phrase.  (The former ``\ue000a12\ue000`` were phrases
# of three trigrams that many ids share: a filtered search walked a good
# part of the index.)  Larger ids take the second kind character and three
# digits, a phrase of two trigrams, still exact: the digits never start a
# facet, and facets are separated by spaces.
_KINDS = {"a": ("\ue001", "\ue003"), "c": ("\ue002", "\ue004")}
_KIND_OF = {char: kind for kind, chars in _KINDS.items() for char in chars}
_DIGIT_ZERO = 0xE100
_BASE = 4096


def trigram_facet(kind: str, value: int) -> str:
    """Return the trigram table's token of a facet (agency ``a`` or
    category ``c`` with id ``value``)."""
    short, long = _KINDS[kind]
    width = 2 if value < _BASE**2 else 3
    if not 0 <= value < _BASE**width:
        raise ValueError(f"no search facet for id {value}")
    digits = "".join(
        chr(_DIGIT_ZERO + value // _BASE**i % _BASE) for i in reversed(range(width))
    )
    return (short if width == 2 else long) + digits


def _facet_of(token: str) -> tuple[str, int]:
    """Return (kind, id) of a ``trigram_facet`` token."""
    value = 0
    for char in token[1:]:
        value = value * _BASE + ord(char) - _DIGIT_ZERO
    return _KIND_OF[token[0]], value


def _trigram_facets(facets: list[tuple[str, int]]) -> str:
    return " ".join(trigram_facet(kind, value) for kind, value in facets)


def _grams(title: str, body: str, facets: str) -> str:
    """The bigram row of a trigram row: text tokens, then the facets as
    ``base.facet`` tokens (``unicode61`` compares whole tokens)."""
    tokens = " ".join(facet(*_facet_of(token)) for token in facets.split())
    return f"{bigram_text(f'{title}\n{body}')} {tokens}"


def _short_match(term: str) -> str:
    return fts_phrase(term) if len(term) > 1 else fts_phrase(term) + "*"


def _row(document) -> tuple[int, str, str, str]:
    title, body = indexed_text(document)
    return document.listing_key, title, body, _trigram_facets(facets_of(document))


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

    def optimize(self) -> None:
        """Merge each index into one segment (FTS5 ``optimize``)."""
        with connection.cursor() as cursor:
            for table in (TRIGRAM_TABLE, BIGRAM_TABLE):
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")

    def renew_facets(self) -> int:
        """Write the trigram table again with each document's facets in the
        current format (``trigram_facet``), from the table's own text: no
        document is normalised again and the bigram table stays.  Return
        the number of rows.  Migration 0006 runs it."""
        renewed = f"{TRIGRAM_TABLE}_renewed"
        connection.ensure_connection()
        connection.connection.create_function(
            "gongkai_trigram_facets",
            2,
            lambda agency, category: _trigram_facets([("a", agency), ("c", category)]),
            deterministic=True,
        )
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {renewed}")
            cursor.execute(
                f"CREATE VIRTUAL TABLE {renewed} "
                "USING fts5(title, body, facets, tokenize='trigram')"
            )
            cursor.execute(
                f"INSERT INTO {renewed}(rowid, title, body, facets) "
                "SELECT t.rowid, t.title, t.body, "
                "gongkai_trigram_facets(d.agency_id, d.category_id) "
                f"FROM {TRIGRAM_TABLE} AS t "
                "JOIN catalogue_document AS d ON d.listing_key = t.rowid "
                "ORDER BY t.rowid"
            )
            count = cursor.rowcount
            cursor.execute(f"DROP TABLE {TRIGRAM_TABLE}")
            cursor.execute(f"ALTER TABLE {renewed} RENAME TO {TRIGRAM_TABLE}")
            cursor.execute(
                f"INSERT INTO {TRIGRAM_TABLE}({TRIGRAM_TABLE}) VALUES ('optimize')"
            )
        return count

    def _match(self, terms: Terms, filters: Filters) -> tuple[str, str, list]:
        """Return the table, its MATCH expression and the extra conditions'
        parameters (short terms checked on the trigram table's text)."""
        facets = filters.facets()
        if terms.long:
            text = " AND ".join(fts_phrase(t) for t in terms.long)
            parts = [f"{TEXT_COLUMNS} : ({text})"]
            parts += [f"facets : {fts_phrase(trigram_facet(*f))}" for f in facets]
            return (
                TRIGRAM_TABLE,
                " AND ".join(parts),
                [p for t in terms.short for p in (t, t)],
            )
        parts = [_short_match(t) for t in terms.short]
        parts += [fts_phrase(facet(*f)) for f in facets]
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
