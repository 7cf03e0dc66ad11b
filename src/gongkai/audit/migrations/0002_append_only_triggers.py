"""Database-level refusal to change audit entries (defence in depth behind
``AuditEntry.save``).

UPDATE is refused on SQLite and PostgreSQL.  DELETE is refused on
PostgreSQL only: its test flush uses TRUNCATE, which row triggers do not
see, while SQLite's flush is a plain DELETE.
"""

from django.db import migrations

SQLITE_UP = [
    """
    CREATE TRIGGER audit_auditentry_no_update BEFORE UPDATE ON audit_auditentry
    BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
    """,
]
SQLITE_DOWN = ["DROP TRIGGER IF EXISTS audit_auditentry_no_update;"]

POSTGRES_UP = [
    """
    CREATE FUNCTION audit_auditentry_refuse() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION 'audit entries are append-only';
    END;
    $$ LANGUAGE plpgsql;
    """,
    """
    CREATE TRIGGER audit_auditentry_no_change
    BEFORE UPDATE OR DELETE ON audit_auditentry
    FOR EACH ROW EXECUTE FUNCTION audit_auditentry_refuse();
    """,
]
POSTGRES_DOWN = [
    "DROP TRIGGER IF EXISTS audit_auditentry_no_change ON audit_auditentry;",
    "DROP FUNCTION IF EXISTS audit_auditentry_refuse();",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        )
    ]
