import io

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from gongkai.annual_reports.models import ImportedReport
from gongkai.audit.models import AuditEntry
from gongkai.report import render
from gongkai.report.model import empty_report
from tests.report_fixtures import REPORTS

pytestmark = pytest.mark.django_db

SEED = REPORTS / "seed-000_b84d2fa2a12aa177.txt"


@pytest.fixture
def clerk(client, django_user_model):
    user = django_user_model.objects.create_user(
        username="lisi", password="Lisi-2023-secret!", full_name="李四"
    )
    client.force_login(user)
    return user


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def test_upload_page_needs_a_login(client):
    response = client.get("/staff/reports/upload/")
    assert response.status_code == 302


def test_uploaded_reports_are_read_checked_and_stored(client, clerk):
    pdf = render.render(empty_report(year=2022, agency="某县人民政府", fill=0), "pdf")
    files = [upload("seed.txt", SEED.read_bytes()), upload("county.pdf", pdf)]
    page = client.post("/staff/reports/upload/", {"files": files})
    assert page.status_code == 200
    text = page.content.decode()
    assert "海东市平安区古城回族乡" in text and "某县人民政府" in text
    stored = ImportedReport.objects.order_by("source_name")
    assert [(r.source_name, r.source_kind, r.created_by) for r in stored] == [
        ("county.pdf", "pdf", clerk),
        ("seed.txt", "text", clerk),
    ]
    assert AuditEntry.objects.filter(verb="annual_reports.import_report").count() == 2


def test_an_unreadable_file_stores_nothing_and_says_why(client, clerk):
    page = client.post(
        "/staff/reports/upload/", {"files": [upload("scan.pdf", b"%PDF-1.4\n%%EOF")]}
    )
    assert "无法读取" in page.content.decode()
    assert ImportedReport.objects.count() == 0


def test_too_many_files_are_refused(client, clerk):
    files = [upload(f"{i}.txt", b"x") for i in range(21)]
    page = client.post("/staff/reports/upload/", {"files": files})
    assert "一次最多上传 20 个文件" in page.content.decode()
    assert ImportedReport.objects.count() == 0


def test_api_parse_returns_the_report_with_findings_and_provenance(client):
    response = client.post(
        "/api/reports/parse",
        {"file": io.BytesIO(SEED.read_bytes())},
        format="multipart",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["kind"] == "text" and body["errors"] == 0
    assert body["report"]["agency"] == "海东市平安区古城回族乡"
    assert {f["rule"] for f in body["report"]["findings"]} == {"LABELS"}
    assert "applications.new[0]" in body["provenance"]


def test_api_parse_refuses_junk_with_a_chinese_message(client):
    response = client.post(
        "/api/reports/parse",
        {"file": io.BytesIO(b"\x00\xff" * 100)},
        format="multipart",
    )
    assert response.status_code == 400
    assert response.json()["detail"]


def test_a_report_imported_for_an_agency_counts_as_its_published_report(
    client, lisi, gucheng, xiaoxia
):
    from gongkai.annual_reports.selectors import published_report

    client.force_login(lisi)
    page = client.post(
        "/staff/reports/upload/",
        {"files": [upload("seed.txt", SEED.read_bytes())], "agency": gucheng.pk},
    )

    assert page.status_code == 200
    effective = published_report(gucheng, 2023)
    assert effective.source == "imported" and effective.report.year == 2023
    # An agency outside 李四's reach cannot be chosen.
    refused = client.post(
        "/staff/reports/upload/",
        {"files": [upload("seed.txt", SEED.read_bytes())], "agency": xiaoxia.pk},
    )
    assert "选择一个有效的选项" in refused.content.decode()
    assert ImportedReport.objects.count() == 1
