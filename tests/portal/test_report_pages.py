import json
from importlib import resources

import pytest
from lxml import html

from gongkai.annual_reports.models import ImportedReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_record() -> ImportedReport:
    source = resources.files("gongkai.annual_reports").joinpath(
        "data", "seed-2023.json"
    )
    data = json.loads(source.read_text("utf-8"))
    return ImportedReport.objects.create(
        agency_name=data["agency"],
        year=data["year"],
        format=data["format"],
        data=data,
        source_name="seed-2023.json",
        source_kind="json",
    )


def test_home_lists_the_seed_report(client, seed_record):
    page = client.get("/")
    assert page.status_code == 200
    assert "海东市平安区古城回族乡" in page.content.decode()


def test_report_page_shows_the_official_tables_and_findings(client, seed_record):
    page = client.get(f"/reports/{seed_record.pk}/")
    assert page.status_code == 200
    doc = html.fromstring(page.content)
    text = doc.text_content()
    assert "三、收到和处理政府信息公开申请情况" in text
    assert (
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" in text
    )
    assert "全乡累计主动公开政府信息89条" in text
    cells = doc.xpath("//*[@data-cell]")
    assert len(cells) > 150  # 25 rows × 7 + 15 + section 二
    assert "未发现问题" in text


def test_report_page_marks_a_broken_cell(client, seed_record):
    seed_record.data["applications"]["new"][0] = 3
    seed_record.save()
    doc = html.fromstring(client.get(f"/reports/{seed_record.pk}/").content)
    cell = doc.xpath('//*[@data-cell="applications.new[0]"]')[0]
    assert "finding-error" in cell.get("class")
    assert "T3-BALANCE" in doc.text_content()


@pytest.mark.parametrize("to", ["pdf", "docx", "html", "md", "json"])
def test_downloads_are_served(client, seed_record, to):
    response = client.get(f"/reports/{seed_record.pk}/download.{to}")
    assert response.status_code == 200
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    assert len(response.content) > 500


def test_unknown_download_format_is_404(client, seed_record):
    assert client.get(f"/reports/{seed_record.pk}/download.exe").status_code == 404


def test_report_stylesheet_is_served(client):
    response = client.get("/report.css")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")


def test_page_is_english_when_asked(client, seed_record):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    assert '<html lang="en"' in page.content.decode()
