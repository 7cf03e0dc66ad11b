"""The search index tables (per database) and a database-level guard that
an index number, once given, never changes (R42).

The search tables are not Django models: SQLite gets two FTS5 virtual
tables, PostgreSQL a table with pg_trgm and tsvector GIN indexes (see
``catalogue.search``).  Creating the pg_trgm extension needs a role that
may do so (the database owner on PostgreSQL 13+).
"""

from django.db import migrations

# The tables as first created; 0004 replaces them (kept literal here so the
# history does not change with the search module).
SQLITE_SEARCH = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS catalogue_search_trigram "
    "USING fts5(title, body, tokenize='trigram')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS catalogue_search_bigram USING fts5("
    "grams, tokenize='unicode61', prefix='1', content='', detail='none')",
]
SQLITE_SEARCH_DROP = [
    "DROP TABLE IF EXISTS catalogue_search_trigram",
    "DROP TABLE IF EXISTS catalogue_search_bigram",
]
POSTGRES_SEARCH = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE TABLE IF NOT EXISTS catalogue_search ("
    "listing_key bigint PRIMARY KEY, content text NOT NULL, grams tsvector NOT NULL)",
    "CREATE INDEX IF NOT EXISTS catalogue_search_content_trgm ON catalogue_search "
    "USING gin (content gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS catalogue_search_grams ON catalogue_search USING gin (grams)",
]
POSTGRES_SEARCH_DROP = ["DROP TABLE IF EXISTS catalogue_search"]

SQLITE_GUARD = [
    """
    CREATE TRIGGER catalogue_document_index_number_fixed
    BEFORE UPDATE OF index_number ON catalogue_document
    WHEN OLD.index_number IS NOT NULL
         AND NEW.index_number IS NOT OLD.index_number
    BEGIN SELECT RAISE(ABORT, 'index numbers never change'); END;
    """,
]
POSTGRES_GUARD = [
    """
    CREATE FUNCTION catalogue_index_number_fixed() RETURNS trigger AS $$
    BEGIN
        IF OLD.index_number IS NOT NULL
           AND NEW.index_number IS DISTINCT FROM OLD.index_number THEN
            RAISE EXCEPTION 'index numbers never change';
        END IF;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql;
    """,
    """
    CREATE TRIGGER catalogue_document_index_number_fixed
    BEFORE UPDATE ON catalogue_document
    FOR EACH ROW EXECUTE FUNCTION catalogue_index_number_fixed();
    """,
]
UP = {
    "sqlite": SQLITE_SEARCH + SQLITE_GUARD,
    "postgresql": POSTGRES_SEARCH + POSTGRES_GUARD,
}
DOWN = {
    "sqlite": SQLITE_SEARCH_DROP
    + ["DROP TRIGGER IF EXISTS catalogue_document_index_number_fixed"],
    "postgresql": POSTGRES_SEARCH_DROP
    + [
        "DROP TRIGGER IF EXISTS catalogue_document_index_number_fixed"
        " ON catalogue_document",
        "DROP FUNCTION IF EXISTS catalogue_index_number_fixed()",
    ],
}


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_initial")]

    operations = [migrations.RunPython(_run(UP), _run(DOWN))]
