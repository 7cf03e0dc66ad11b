"""SQLite search: the agency and category facets of the trigram table
become one trigram each (``search.sqlite.trigram_facet``), so a filtered
search with a long term intersects two token lists instead of checking
three-trigram phrases that many ids share.  The table is written again from
its own rows (no text is normalised again) and optimized; the bigram table
and PostgreSQL do not change.  Going back leaves the index as it is: run
``rebuild_search_index`` with the older code.
"""

from django.db import migrations


def renew(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    from gongkai.catalogue.search.sqlite import SqliteBackend

    SqliteBackend().renew_facets()


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0005_engagement")]

    operations = [migrations.RunPython(renew, migrations.RunPython.noop)]
