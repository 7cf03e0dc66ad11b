"""Staff pages of the catalogue: drafting, reviewing and publishing in the
browser's forms, and isolation between agencies."""

from datetime import date

from django.urls import reverse

import pytest

from gongkai.catalogue.models import Category, Document
from tests.catalogue.conftest import draft


def form_data(**changes):
    data = {
        "category": Category.objects.get(code="art21t-08").pk,
        "kind": "other",
        "title": "古城回族乡2025年第二季度城乡最低生活保障审批情况公示",
        "summary": "",
        "body": "现将审批情况公示如下。",
        "document_number": "古政[2025]12号",
        "topic": "civil_affairs",
        "genre": "publicity",
        "keywords": "",
        "source": "",
        "created_on": "2025-07-01",
        "formed_on": "",
        "effective_from": "",
        "valid_until": "",
        "attribute": "proactive",
        "attribute_reason": "",
        "interpreting_unit": "",
        "interpreter": "",
    }
    return data | changes


def test_a_clerk_drafts_in_the_form_and_the_document_number_is_corrected(
    client, lisi, gucheng
):
    client.force_login(lisi)
    response = client.post(reverse("catalogue:document_create"), form_data())

    document = Document.objects.get()
    assert response.status_code == 302 and response["Location"] == document.staff_url()
    assert document.document_number == "古政〔2025〕12号"
    assert document.formed_on == date(2025, 7, 1)
    assert document.created_by == lisi


def test_the_form_shows_the_rule_broken_next_to_the_field(client, lisi, gucheng):
    client.force_login(lisi)
    response = client.post(
        reverse("catalogue:document_create"), form_data(attribute="withheld")
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "公开属性不是“主动公开”时，必须说明理由。" in errors["attribute_reason"]
    assert not Document.objects.exists()


def test_the_reviewer_reviews_and_publishes_from_the_detail_page(
    client, lisi, zhaoliu, gucheng
):
    document = draft(lisi, gucheng)
    client.force_login(zhaoliu)

    client.post(
        reverse("catalogue:document_review", args=[document.pk]),
        {"conclusion": "approved"},
    )
    response = client.post(
        reverse("catalogue:document_publish", args=[document.pk]), follow=True
    )

    document.refresh_from_db()
    assert document.status == "published"
    assert "已发布" in response.content.decode()
    assert document.index_number in response.content.decode()


def test_publishing_without_review_shows_why(client, lisi, zhaoliu, gucheng):
    document = draft(lisi, gucheng)
    client.force_login(zhaoliu)
    response = client.post(
        reverse("catalogue:document_publish", args=[document.pk]), follow=True
    )
    assert "保密审查" in response.content.decode()
    document.refresh_from_db()
    assert document.status == "draft"


def test_a_clerk_gets_403_when_publishing(client, lisi, gucheng):
    document = draft(lisi, gucheng)
    client.force_login(lisi)
    response = client.post(reverse("catalogue:document_publish", args=[document.pk]))
    assert response.status_code == 403


@pytest.mark.parametrize(
    "name", ["document_detail", "document_edit", "document_publish", "document_review"]
)
def test_the_neighbouring_township_gets_404(client, lisi, sunba, gucheng, name):
    document = draft(lisi, gucheng)
    client.force_login(sunba)
    url = reverse(f"catalogue:{name}", args=[document.pk])
    response = (
        client.post(url) if name.endswith(("publish", "review")) else client.get(url)
    )
    assert response.status_code == 404


def test_the_inspector_reads_but_does_not_draft(client, lisi, qianqi, gucheng):
    document = draft(lisi, gucheng)
    client.force_login(qianqi)
    assert client.get(document.staff_url()).status_code == 200
    assert (
        client.get(reverse("catalogue:document_edit", args=[document.pk])).status_code
        == 404
    )
    assert client.get(reverse("catalogue:document_create")).status_code == 403


def test_the_list_shows_only_the_users_agencies(client, lisi, sunba, gucheng, xiaoxia):
    draft(lisi, gucheng, title="古城的草稿")
    draft(sunba, xiaoxia, title="小峡的草稿")
    client.force_login(lisi)
    page = client.get(reverse("catalogue:document_list")).content.decode()
    assert "古城的草稿" in page and "小峡的草稿" not in page


def test_the_flags_page_lists_an_overdue_draft(client, lisi, gucheng):
    draft(lisi, gucheng, title="早已形成的公示", created_on=date(2024, 1, 5))
    client.force_login(lisi)
    page = client.get(reverse("catalogue:flags")).content.decode()
    assert "早已形成的公示" in page


def test_the_figures_page_saves_a_year(client, lisi, gucheng):
    client.force_login(lisi)
    url = reverse("catalogue:figures", args=[gucheng.pk])
    response = client.post(
        url,
        {
            "year": 2024,
            "licensing": 2,
            "penalty": 0,
            "enforcement": 0,
            "fees_yuan": "0",
            "note": "",
        },
    )
    assert response.status_code == 302
    page = client.get(
        reverse("catalogue:section_two", args=[gucheng.pk, 2024])
    ).content.decode()
    assert "行政许可" in page and ">2<" in page


def test_the_guide_editor_publishes_the_guide(client, zhaoliu, gucheng):
    client.force_login(zhaoliu)
    url = reverse("catalogue:guide_edit", args=[gucheng.pk])
    initial = client.get(url).context["form"].initial
    response = client.post(url, initial | {"extra": "查阅点：乡便民服务中心。"})
    assert response.status_code == 302
    public = client.get(
        reverse("portal:agency_guide", args=[gucheng.pk])
    ).content.decode()
    assert "查阅点：乡便民服务中心。" in public


def test_a_standard_catalogue_entry_is_added(client, lisi, gucheng):
    client.force_login(lisi)
    response = client.post(
        reverse("catalogue:standard_create", args=[gucheng.pk]),
        {
            "sequence": 1,
            "level1": "涉农补贴",
            "level2": "耕地地力保护补贴",
            "content": "补贴对象、标准、结果",
            "basis": "",
            "time_limit": "信息形成之日起20个工作日内",
            "subject": gucheng.name,
            "channels": ["website", "notice_board"],
            "audience": "public",
            "mode": "proactive",
            "tier": "township",
            "category": "",
        },
    )
    assert response.status_code == 302
    page = client.get(
        reverse("portal:agency_standard", args=[gucheng.pk])
    ).content.decode()
    assert (
        "耕地地力保护补贴" in page
        and "政府网站、社区/企事业单位/村公示栏（电子屏）" in page
    )


def test_an_attachment_upload_with_a_false_extension_is_refused(client, lisi, gucheng):
    from django.core.files.uploadedfile import SimpleUploadedFile

    document = draft(lisi, gucheng)
    client.force_login(lisi)
    upload = SimpleUploadedFile("表.pdf", b"MZ\x90\x00 not a pdf")
    response = client.post(
        reverse("catalogue:attachment_add", args=[document.pk]),
        {"file": upload},
        follow=True,
    )
    assert "不符" in response.content.decode()
    assert not document.attachments.exists()
