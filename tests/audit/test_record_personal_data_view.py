from django.test import RequestFactory

from gongkai.accounts.models import RoleAssignment
from gongkai.audit.models import AuditEntry
from gongkai.audit.services import record_personal_data_view
from gongkai.organisations.services import EDITABLE_FIELDS


def test_it_records_which_personal_fields_were_shown_to_whom(lisi, sunba):
    # A role assignment stands in for an application: it has an agency.
    record_obj = RoleAssignment.objects.get(user=sunba)
    request = RequestFactory().get(
        "/staff/applications/7/",
        REMOTE_ADDR="10.1.2.3",
        HTTP_USER_AGENT="Mozilla/5.0 测试",
    )
    request.user = lisi

    record_personal_data_view(request, record_obj, ["id_number", "name", "address"])

    entry = AuditEntry.objects.get(verb="audit.view_personal_data")
    assert entry.actor == lisi
    assert entry.agency == record_obj.agency
    assert entry.target_type == "accounts.roleassignment"
    assert entry.data == {
        "fields": ["address", "id_number", "name"],
        "path": "/staff/applications/7/",
    }
    assert entry.ip_address == "10.1.2.3"
    assert entry.user_agent == "Mozilla/5.0 测试"
    assert entry.verb_label() == "查看个人信息"


def test_services_take_the_address_from_the_current_request(client, zhoujiu, gucheng):
    client.force_login(zhoujiu)
    client.post(
        f"/staff/agencies/{gucheng.pk}/edit/",
        {f: getattr(gucheng, f) for f in EDITABLE_FIELDS} | {"short_name": "古城乡"},
        REMOTE_ADDR="192.0.2.8",
        HTTP_USER_AGENT="Chromium",
    )
    entry = AuditEntry.objects.get(verb="organisations.update_agency")
    assert (entry.ip_address, entry.user_agent) == ("192.0.2.8", "Chromium")
    assert entry.data["changes"] == {"short_name": ["古城回族乡", "古城乡"]}
