"""Staff pages: reach by agency, the deadline proof, one page per step,
letters, the due list for the 督查, tables 三/四, templates, the dossier."""

import io
import re
import zipfile
from datetime import date

from django.conf import settings
from django.urls import reverse

import pytest
from lxml import html as lxml_html

from gongkai.applications import services
from gongkai.applications.outcomes import OUTCOME_KEYS
from gongkai.audit.models import AuditEntry

from .conftest import at, person, register

DAY = date(2025, 10, 9)


@pytest.fixture(autouse=True)
def on_day():
    with at(DAY):
        yield


def page(client, name, *args, **query):
    response = client.get(reverse(f"applications:{name}", args=args), query)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_the_list_shows_a_clerk_only_the_township(client, case, lisi, sunba, xiaoxia):
    other = register(sunba, xiaoxia, date(2025, 9, 26), applicant_name="韩梅")
    client.force_login(lisi)
    html = page(client, "list")
    assert case.number in html and other.number not in html


def test_the_inspector_sees_the_district_and_its_overdue_cases(
    client, case, qianqi, sunba, xiaoxia
):
    other = register(sunba, xiaoxia, date(2025, 8, 1), applicant_name="韩梅")
    client.force_login(qianqi)
    assert other.number in page(client, "list")
    due = page(client, "due")
    assert other.number in due and "小峡镇" in due
    assert "登记申请" not in page(client, "list")  # 督查 reads, never writes


def test_the_neighbours_case_is_404_for_every_page(client, case, sunba):
    client.force_login(sunba)
    for name in ("detail", "close", "correction", "extension", "dossier"):
        assert (
            client.get(reverse(f"applications:{name}", args=[case.pk])).status_code
            == 404
        )


def _proof(html: str) -> list[str]:
    """The lines of the deadline proof as a reader sees them."""
    proof = lxml_html.fromstring(html).get_element_by_id("deadline-proof")
    return [" ".join(e.text_content().split()) for e in proof.iter("p", "li")]


def test_the_detail_page_proves_the_due_date_and_audits_the_viewing(client, case, lisi):
    client.force_login(lisi)
    html = page(client, "detail", case.pk)
    assert 'id="due-date">2025-10-30' in html
    proof = _proof(html)
    assert proof[0] == "2025-09-26（星期五）后第 20 个工作日为 2025-10-30（星期四）"
    assert "2025-09-27 星期六 不计：周末" in proof
    assert "2025-09-28 星期日 第 1 个工作日，调休上班（国庆节）" in proof
    assert "2025-10-01 星期三 不计：国庆节" in proof
    assert "2025-10-11 星期六 第 6 个工作日，调休上班（国庆节）" in proof
    assert proof[-2] == "2025-10-30 星期四 第 20 个工作日"
    assert proof[-1].startswith("依据：国务院办公厅关于2025年部分节假日安排的通知")
    entry = AuditEntry.objects.filter(verb="audit.view_personal_data").latest("pk")
    assert entry.target_id == str(case.pk) and "id_number" in entry.data["fields"]


def test_the_proof_in_english_keeps_the_official_names(client, case, lisi):
    client.force_login(lisi)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    proof = _proof(page(client, "detail", case.pk))
    assert proof[0] == "Working day 20 after 2025-09-26 (Fri) is 2025-10-30 (Thu)"
    assert "2025-09-27 Sat not counted: weekend" in proof
    assert "2025-09-28 Sun working day 1, make-up working day (国庆节)" in proof
    assert "2025-10-01 Wed not counted: 国庆节" in proof
    assert proof[-1].startswith("Source: 国务院办公厅关于2025年部分节假日安排的通知")


def test_a_step_page_shows_the_service_refusal_on_the_form(client, case, lisi):
    client.force_login(lisi)
    url = reverse("applications:correction", args=[case.pk])
    response = client.post(
        url, {"items": "请写明名称", "correct_by": "2025-10-08", "on": "2025-10-09"}
    )
    assert response.status_code == 400
    assert "补正期限应晚于告知日期" in response.content.decode()
    done = client.post(
        url, {"items": "请写明名称", "correct_by": "2025-10-20", "on": "2025-10-09"}
    )
    assert done.status_code == 302 and done["Location"] == case.get_absolute_url()


def test_only_the_head_gets_the_extension_page(client, case, lisi, wangwu):
    url = reverse("applications:extension", args=[case.pk])
    client.force_login(lisi)
    assert (
        client.post(
            url, {"days": "10", "reason": "档案", "on": "2025-10-09"}
        ).status_code
        == 403
    )
    assert "批准延期" not in page(client, "detail", case.pk)
    client.force_login(wangwu)
    assert "批准延期" in page(client, "detail", case.pk)
    assert (
        client.post(
            url, {"days": "10", "reason": "档案", "on": "2025-10-09"}
        ).status_code
        == 302
    )


def test_closing_through_the_page_offers_the_21_rows(client, case, lisi):
    client.force_login(lisi)
    html = page(client, "close", case.pk)
    offered = set(re.findall(r'<option value="(\w+)"', html)) & set(OUTCOME_KEYS)
    assert offered == set(OUTCOME_KEYS)
    assert '<optgroup label="（三）不予公开">' in html
    response = client.post(
        reverse("applications:close", args=[case.pk]),
        {
            "outcome": "partially_disclosed",
            "provided": "名单",
            "legal_basis": "身份证号，第十五条",
            "on": "2025-10-09",
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.outcome == "partially_disclosed"


def test_staff_register_an_oral_application(client, gucheng, lisi):
    client.force_login(lisi)
    data = person() | {
        "agency": gucheng.pk,
        "channel": "oral",
        "receipt_date": "2025-10-09",
    }
    response = client.post(reverse("applications:register"), data)
    assert response.status_code == 302
    assert "代为填写" in client.get(response["Location"]).content.decode()


def test_letters_preview_download_and_delivery(client, case, lisi):
    client.force_login(lisi)
    letter = case.letters.get()
    html = page(client, "letter", letter.pk)
    assert "政府信息公开申请登记回执" in html and case.query_code in html
    docx = client.get(reverse("applications:letter_download", args=[letter.pk, "docx"]))
    assert (
        docx.content.startswith(b"PK")
        and "filename*=UTF-8''" in docx["Content-Disposition"]
    )
    assert (
        client.get(
            reverse("applications:letter_download", args=[letter.pk, "exe"])
        ).status_code
        == 404
    )
    url = reverse("applications:letter_delivery", args=[letter.pk])
    assert (
        client.post(
            url, {"method": "当面领取", "delivered_on": "2025-10-09", "note": ""}
        ).status_code
        == 302
    )
    letter.refresh_from_db()
    assert letter.delivered_on == DAY


def test_the_tables_page_checks_the_arithmetic(client, case, lisi, gucheng):
    services.close_application(lisi, case, outcome="disclosed", on=DAY, provided="全文")
    client.force_login(lisi)
    html = page(client, "tables", agency=gucheng.pk, year=2025)
    assert "勾稽关系检查通过" in html
    assert (
        'id="table-three"' in html and "（一）予以公开" in html and "结果维持" in html
    )


def test_the_template_page_edits_the_agencys_wording(client, lisi, gucheng):
    client.force_login(lisi)
    url = reverse("applications:template_edit", args=[gucheng.pk, "fee"])
    assert "{{ fee_breakdown }}" in client.get(url).content.decode()
    bad = client.post(url, {"title": "收费", "body": "{{ nope }}"})
    assert "未知的占位符" in bad.content.decode()
    client.post(
        url, {"title": "收费通知", "body": "{{ applicant_name }}：{{ fee_amount }}元"}
    )
    assert services.wording(gucheng, "fee") == (
        "收费通知",
        "{{ applicant_name }}：{{ fee_amount }}元",
    )


def test_the_dossier_holds_summary_history_letters_and_attachments(client, case, lisi):
    services.add_attachments(
        lisi, case, (services.Upload("来信.pdf", b"%PDF-1.4", "application/pdf"),)
    )
    client.force_login(lisi)
    response = client.get(reverse("applications:dossier", args=[case.pk]))
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert "案卷摘要.json" in names and "办理过程.txt" in names
    assert any(n.endswith("申请登记回执.pdf") for n in names)
    assert any(n.endswith("来信.pdf") and n.startswith("附件/") for n in names)


def test_every_template_listed_can_be_opened(client, lisi, gucheng):
    client.force_login(lisi)
    links = re.findall(
        r'href="(/staff/applications/templates/[^"]+)"', page(client, "templates")
    )
    assert len(links) == 10 + 21  # every kind, and the reply per outcome
    for link in links:
        assert client.get(link.replace("&amp;", "&")).status_code == 200, link
