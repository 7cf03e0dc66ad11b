"""Full-text search of the public catalogue, behind one interface.

``get_backend()`` picks the backend for the database in use (SQLite FTS5,
PostgreSQL pg_trgm).  The services keep the index in step inside their
transactions (``index_documents``/``remove_documents``); the
``rebuild_search_index`` command rebuilds it from the documents.
"""

from django.db import connection

from .base import Backend, Filters, Window
from .text import Terms, parse_query

__all__ = [
    "Backend",
    "Filters",
    "Terms",
    "Window",
    "get_backend",
    "index_documents",
    "optimize",
    "parse_query",
    "rebuild",
    "remove_documents",
]


def get_backend() -> Backend:
    """Return the search backend for the default database."""
    if connection.vendor == "postgresql":
        from .postgres import PostgresBackend

        return PostgresBackend()
    if connection.vendor == "sqlite":
        from .sqlite import SqliteBackend

        return SqliteBackend()
    raise NotImplementedError(f"no catalogue search for {connection.vendor}")


def index_documents(documents) -> None:
    """(Re)index public documents; others are skipped."""
    public = [d for d in documents if d.listing_key is not None]
    if public:
        get_backend().index(public)


def remove_documents(keys) -> None:
    keys = [k for k in keys if k is not None]
    if keys:
        get_backend().remove(keys)


def optimize() -> None:
    """Merge the index written in many pieces (SQLite FTS5 segments) into
    one: after a bulk load, or now and then on a large catalogue."""
    get_backend().optimize()


def rebuild(batch: int = 2000) -> int:
    """Empty the index and index every public document, then optimize it;
    return how many."""
    from ..models import Document

    backend = get_backend()
    backend.clear()
    count, last = 0, -1
    queryset = Document.objects.public().order_by("listing_key")
    while chunk := list(queryset.filter(listing_key__gt=last)[:batch]):
        backend.index(chunk)
        count += len(chunk)
        last = chunk[-1].listing_key
    backend.optimize()
    return count
