from django.db import DatabaseError, connection, transaction

import pytest

from gongkai.audit.models import AppendOnlyError, AuditEntry
from gongkai.audit.services import record


@pytest.fixture
def entry(lisi, gucheng):
    return record(lisi, "organisations.update_agency", target=gucheng, data={"x": 1})


def test_it_records_who_did_what_to_which_record(entry, lisi, gucheng):
    entry.refresh_from_db()
    assert entry.actor == lisi
    assert entry.actor_name == "李四 (lisi)"
    assert entry.target_type == "organisations.agency"
    assert entry.target_id == str(gucheng.pk)
    assert entry.target_repr == gucheng.name
    assert entry.agency == gucheng
    assert entry.verb_label() == "修改机关信息"


def test_an_entry_cannot_be_changed(entry):
    entry.verb = "something.else"
    with pytest.raises(AppendOnlyError):
        entry.save()
    assert AuditEntry.objects.get(pk=entry.pk).verb == "organisations.update_agency"


def test_an_entry_cannot_be_deleted(entry):
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(verb="x")
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_the_database_refuses_an_update_behind_the_orms_back(entry):
    with pytest.raises(DatabaseError), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE audit_auditentry SET verb = 'x' WHERE id = %s", [entry.pk]
            )
    assert AuditEntry.objects.get(pk=entry.pk).verb == "organisations.update_agency"


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="DELETE is refused by a trigger on PostgreSQL only: SQLite's test flush deletes rows",
)
def test_postgresql_refuses_a_delete_behind_the_orms_back(entry):
    with pytest.raises(DatabaseError), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM audit_auditentry WHERE id = %s", [entry.pk])
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_the_admin_offers_no_way_to_add_change_or_delete(admin_client, entry):
    page = admin_client.get(f"/admin/audit/auditentry/{entry.pk}/change/")
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
    assert admin_client.get("/admin/audit/auditentry/add/").status_code == 403
    assert (
        admin_client.post(f"/admin/audit/auditentry/{entry.pk}/delete/").status_code
        == 403
    )
    assert AuditEntry.objects.filter(pk=entry.pk).exists()
