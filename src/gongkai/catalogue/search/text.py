"""Search text handling without a database: normalisation, query terms,
the bigram stream of the short-query index, and highlighting.

Chinese has no spaces between words and most words have two characters
(复议, 公开, 预算).  The trigram indexes (SQLite FTS5 ``trigram``,
PostgreSQL ``pg_trgm``) cannot answer terms under three characters, so a
second index holds every pair of adjacent characters (and the last
character of each run) as a token: a two-character term is one token, a
one-character term a prefix (``docs/ecosystem.md`` §6).
"""

import html
import re
import unicodedata
from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe

MAX_TERMS = 8
MAX_TERM_LENGTH = 40
MAX_QUERY_LENGTH = 100
TRIGRAM = 3
_RUN = re.compile(r"\w+")


def normalise(text: str) -> str:
    """NFKC (full-width letters and digits to ASCII) and lower case."""
    return unicodedata.normalize("NFKC", text or "").lower()


@dataclass(frozen=True)
class Terms:
    """The terms of a query, split by length: ``long`` ones (three or more
    characters) go to the trigram index, ``short`` ones to the bigram one."""

    long: tuple[str, ...] = ()
    short: tuple[str, ...] = ()

    def __bool__(self):
        return bool(self.long or self.short)

    @property
    def all(self) -> tuple[str, ...]:
        return self.long + self.short


def parse_query(query: str) -> Terms:
    """Return the terms of ``query``: runs of letters and digits, lower-cased,
    at most ``MAX_TERMS`` of at most ``MAX_TERM_LENGTH`` characters.

    Punctuation separates terms, so ``平政〔2023〕5号`` searches for 平政,
    2023 and 5号 together.  Duplicates are dropped.
    """
    runs = _RUN.findall(normalise(query[:MAX_QUERY_LENGTH]).replace("_", " "))
    unique = list(dict.fromkeys(run[:MAX_TERM_LENGTH] for run in runs))[:MAX_TERMS]
    return Terms(
        long=tuple(t for t in unique if len(t) >= TRIGRAM),
        short=tuple(t for t in unique if len(t) < TRIGRAM),
    )


def bigram_tokens(text: str) -> list[str]:
    """Return the tokens of the short-query index for ``text``: each pair of
    adjacent characters of every run, and each run's last character.

    ``复议申请`` → ``复议 议申 申请 请``: every character starts exactly one
    token, so a one-character term is found as a prefix.
    """
    tokens: list[str] = []
    for run in _RUN.findall(normalise(text).replace("_", " ")):
        tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
        tokens.append(run[-1])
    return tokens


def bigram_text(text: str) -> str:
    return " ".join(bigram_tokens(text))


def fts_phrase(term: str) -> str:
    """Quote ``term`` as an FTS5 string (terms hold no quotes, but be safe)."""
    return '"' + term.replace('"', '""') + '"'


def like_pattern(term: str) -> str:
    """Return ``%term%`` with LIKE's wildcards escaped (escape character \\)."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def tsquery_operand(term: str) -> str:
    """Return a PostgreSQL tsquery operand for a short term: the bigram as a
    lexeme, a single character as a prefix."""
    quoted = "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"
    return quoted if len(term) > 1 else quoted + ":*"


# Highlighting -------------------------------------------------------------

SNIPPET_RADIUS = 60


def _spans(text: str, terms: tuple[str, ...]) -> list[tuple[int, int]]:
    """Return the merged (start, end) spans of ``terms`` in ``text``,
    matched without regard to case."""
    lowered = text.lower()
    spans = []
    for term in terms:
        start = lowered.find(term)
        while start != -1 and term:
            spans.append((start, start + len(term)))
            start = lowered.find(term, start + len(term))
    return _merge(sorted(spans))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, terms: tuple[str, ...]) -> SafeString:
    """Return ``text`` HTML-escaped with every term wrapped in ``<mark>``."""
    out, position = [], 0
    for start, end in _spans(text, terms):
        out.append(html.escape(text[position:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        position = end
    out.append(html.escape(text[position:]))
    return mark_safe("".join(out))


def snippet(
    text: str, terms: tuple[str, ...], radius: int = SNIPPET_RADIUS
) -> SafeString:
    """Return a highlighted excerpt of ``text`` around the first match (the
    beginning when nothing matches), with ellipses where it was cut."""
    text = " ".join((text or "").split())
    spans = _spans(text, terms)
    centre = spans[0][0] if spans else 0
    start = max(0, centre - radius // 2)
    end = min(len(text), start + 2 * radius)
    body = highlight(text[start:end], terms)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(f"{prefix}{body}{suffix}")
