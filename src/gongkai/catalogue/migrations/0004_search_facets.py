"""Search tables with agency and category facets (filters become index
intersections instead of scans); the index is rebuilt from the documents.
"""

from django.db import migrations

SQLITE_UP = [
    "DROP TABLE IF EXISTS catalogue_search_trigram",
    "DROP TABLE IF EXISTS catalogue_search_bigram",
    "CREATE VIRTUAL TABLE catalogue_search_trigram "
    "USING fts5(title, body, facets, tokenize='trigram')",
    "CREATE VIRTUAL TABLE catalogue_search_bigram USING fts5("
    "grams, tokenize='unicode61', prefix='1', content='', detail='none')",
]
POSTGRES_UP = [
    "DROP TABLE IF EXISTS catalogue_search",
    "CREATE TABLE catalogue_search (listing_key bigint PRIMARY KEY, "
    "agency_id bigint NOT NULL, category_id bigint NOT NULL, "
    "content text NOT NULL, grams tsvector NOT NULL)",
    "CREATE INDEX catalogue_search_agency ON catalogue_search (agency_id, listing_key)",
    "CREATE INDEX catalogue_search_category ON catalogue_search (category_id, listing_key)",
    "CREATE INDEX catalogue_search_content_trgm ON catalogue_search "
    "USING gin (content gin_trgm_ops)",
    "CREATE INDEX catalogue_search_grams ON catalogue_search USING gin (grams)",
]


def recreate(apps, schema_editor):
    statements = {"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)
    Document = apps.get_model("catalogue", "Document")
    if Document.objects.filter(listing_key__isnull=False).exists():
        from gongkai.catalogue.search import rebuild

        rebuild()


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0003_statutory_categories")]

    operations = [migrations.RunPython(recreate, migrations.RunPython.noop)]
