from django.urls import reverse

import pytest

from gongkai.audit.models import AuditEntry
from gongkai.organisations.models import Agency


def test_the_agency_list_shows_a_clerk_only_their_own_agency(client, lisi, world):
    client.force_login(lisi)

    page = client.get(reverse("organisations:agency_list")).content.decode()

    assert "海东市平安区古城回族乡人民政府" in page
    assert "小峡镇" not in page
    assert "海东市平安区人民政府" not in page


def test_the_agency_list_shows_an_inspector_the_whole_district(client, qianqi, world):
    client.force_login(qianqi)

    page = client.get(reverse("organisations:agency_list")).content.decode()

    for agency in world.district_agencies:
        assert agency.name in page
    assert world.city.name not in page


def test_the_agency_list_needs_a_login(client, world):
    response = client.get(reverse("organisations:agency_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_clerk_gets_404_for_the_neighbouring_township(client, lisi, xiaoxia):
    client.force_login(lisi)
    response = client.get(reverse("organisations:agency_detail", args=[xiaoxia.pk]))
    assert response.status_code == 404


def test_the_detail_page_shows_the_working_body_contacts(client, lisi, gucheng):
    client.force_login(lisi)
    page = client.get(gucheng.get_absolute_url()).content.decode()
    assert "古城回族乡党政综合办公室" in page
    assert "0972-8690101" in page


def test_the_head_edits_the_working_body_contacts_only(client, wangwu, gucheng):
    client.force_login(wangwu)
    url = reverse("organisations:agency_edit", args=[gucheng.pk])
    form = client.get(url).context["form"]
    assert "name" not in form.fields
    data = {f: getattr(gucheng, f) for f in form.fields}

    response = client.post(url, data | {"ogi_body_telephone": "0972-8690188"})

    assert response.status_code == 302
    gucheng.refresh_from_db()
    assert gucheng.ogi_body_telephone == "0972-8690188"
    entry = AuditEntry.objects.get(verb="organisations.update_agency")
    assert entry.data["changes"] == {
        "ogi_body_telephone": ["0972-8690101", "0972-8690188"]
    }
    assert entry.actor == wangwu


def test_a_clerk_may_not_edit_the_agency(client, lisi, gucheng):
    client.force_login(lisi)
    response = client.get(reverse("organisations:agency_edit", args=[gucheng.pk]))
    assert response.status_code == 403


def test_an_administrator_creates_an_agency_in_the_ui(client, zhoujiu, world):
    client.force_login(zhoujiu)
    response = client.post(
        reverse("organisations:agency_create"),
        {
            "parent": world.district.pk,
            "name": "海东市平安区平安镇人民政府",
            "short_name": "平安镇",
            "level": "township",
            "kind": "government",
            "sort_order": 0,
        },
    )
    agency = Agency.objects.get(short_name="平安镇")
    assert response["Location"] == agency.get_absolute_url()
    assert agency.parent == world.district


def test_the_create_form_offers_only_administered_parents(client, zhoujiu, world):
    client.force_login(zhoujiu)
    form = client.get(reverse("organisations:agency_create")).context["form"]
    assert set(form.fields["parent"].queryset) == set(world.district_agencies)


def test_the_move_page_refuses_a_cycle_with_a_message(client, zhoujiu, world):
    client.force_login(zhoujiu)
    url = reverse("organisations:agency_move", args=[world.district.pk])

    response = client.post(url, {"parent": world.township.pk})

    # The district's own subtree is not even offered as a new parent.
    assert response.status_code == 200
    assert response.context["form"].errors["parent"]
    world.district.refresh_from_db()
    assert world.district.parent == world.city


def test_the_move_page_moves_a_department_below_another(client, zhoujiu, world):
    client.force_login(zhoujiu)
    education, resources = world.departments
    url = reverse("organisations:agency_move", args=[resources.pk])

    response = client.post(url, {"parent": education.pk})

    assert response.status_code == 302
    resources.refresh_from_db()
    assert resources.parent == education


def test_the_move_page_is_404_for_non_administrators(client, wangwu, gucheng):
    client.force_login(wangwu)
    response = client.get(reverse("organisations:agency_move", args=[gucheng.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize(
    "name", ["organisations:agency_import", "organisations:agency_create"]
)
def test_structure_pages_are_403_without_any_administrator_role(client, lisi, name):
    client.force_login(lisi)
    assert client.get(reverse(name)).status_code == 403


def test_the_import_page_lists_bad_lines_and_imports_nothing(client, zhoujiu, world):
    client.force_login(zhoujiu)
    content = "全称,层级,上级机关\r\n甲局,县,海东市平安区人民政府\r\n乙局,省部级,海东市平安区人民政府\r\n"
    upload = _upload("机关.csv", content.encode("utf-8"))

    response = client.post(reverse("organisations:agency_import"), {"file": upload})

    page = response.content.decode()
    assert response.status_code == 200
    assert "<td>3</td>" in page
    assert "层级“省部级”无法识别" in page
    assert not Agency.objects.filter(name="甲局").exists()


def test_the_import_page_imports_a_good_file(client, zhoujiu, world):
    client.force_login(zhoujiu)
    content = "全称,层级,类型,上级机关\r\n甲局,县,部门,海东市平安区人民政府\r\n"

    response = client.post(
        reverse("organisations:agency_import"),
        {"file": _upload("a.csv", content.encode())},
    )

    assert response.status_code == 302
    assert Agency.objects.get(name="甲局").parent == world.district


def test_the_import_template_has_the_chinese_headers(client, zhoujiu):
    client.force_login(zhoujiu)
    response = client.get(reverse("organisations:import_template"))
    assert response.content.decode("utf-8-sig").startswith(
        "全称,简称,层级,类型,上级机关"
    )


def _upload(name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="text/csv")
