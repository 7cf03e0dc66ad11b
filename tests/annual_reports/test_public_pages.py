"""Published versions on the public site and in the portal's 年报 column."""

import pytest

from gongkai.annual_reports import services
from gongkai.annual_reports.models import ImportedReport, Report
from gongkai.annual_reports.selectors import published_reports_for
from gongkai.report import empty_report

from .records import figures
from .test_dashboard import publish
from .test_workflow import write

pytestmark = pytest.mark.django_db


@pytest.fixture
def corrected(gucheng, lisi, wangwu):
    """古城回族乡 2023: version 1, then a correction of section 六 (version 2)."""
    figures(gucheng, 2023)
    report = write(lisi, services.start_report(lisi, gucheng, 2023))
    first = publish(lisi, wangwu, report, (2024, 1, 25))
    report = services.start_correction(
        lisi, Report.objects.get(pk=report.pk), "补充第六部分"
    )
    report = write(lisi, report, other="本年度未收取信息处理费。")
    second = publish(lisi, wangwu, report, (2024, 2, 5))
    return first, second


def test_a_published_version_is_public_with_its_stored_files(client, corrected):
    first, second = corrected

    page = client.get(f"/annual-reports/{second.pk}/").content.decode()

    assert "海东市平安区古城回族乡" in page and "第 2 版" in page
    assert "补充第六部分" in page and "本年度未收取信息处理费。" in page
    pdf = client.get(f"/annual-reports/{second.pk}/download.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content == bytes(second.files.get(format="pdf").content)
    assert "%E7%AC%AC2%E7%89%88" in pdf["Content-Disposition"]  # 第2版 in the name
    assert client.get(f"/annual-reports/{second.pk}/download.exe").status_code == 404


def test_an_old_version_stays_readable_and_points_to_the_latest(client, corrected):
    first, second = corrected

    page = client.get(f"/annual-reports/{first.pk}/").content.decode()

    assert "本版本已被更正，最新为第 2 版" in page
    assert f"/annual-reports/{second.pk}/" in page
    assert "本年度未收取信息处理费。" not in page


def test_the_changes_of_a_correction_are_shown(client, corrected):
    first, second = corrected

    page = client.get(f"/annual-reports/{second.pk}/changes/").content.decode()

    assert "第 1 版 → 第 2 版的变化" in page and "表格没有变化" in page
    assert (
        '<p class="line-added"><span class="visually-hidden">新增：</span>本年度未收取信息处理费。</p>'
        in page
    )
    assert client.get(f"/annual-reports/{first.pk}/changes/").status_code == 404


def test_a_draft_has_no_public_page(client, gucheng, lisi):
    figures(gucheng, 2023)
    services.start_report(lisi, gucheng, 2023)
    assert client.get("/annual-reports/1/").status_code == 404


def test_the_column_lists_the_latest_versions_and_imported_years(gucheng, corrected):
    first, second = corrected
    old = empty_report("2021", year=2022, agency="海东市平安区古城回族乡", fill=0)
    for year in (2022, 2023):
        data = old.to_json() | {"year": year}
        ImportedReport.objects.create(
            agency=gucheng, agency_name="海东市平安区古城回族乡", year=year, format="2021",
            data=data, source_name=f"{year}.pdf", source_kind="pdf",
        )  # fmt: skip

    entries = published_reports_for(gucheng)

    assert [(e.year, e.kind, e.version) for e in entries] == [
        (2023, "compiled", 2),
        (2022, "imported", None),
    ]
    assert entries[0].url == f"/annual-reports/{second.pk}/"
    assert entries[0].title == "海东市平安区古城回族乡2023年政府信息公开工作年度报告"
    assert str(entries[0].published_on) == "2024-02-05"
    assert entries[1].url.startswith("/reports/")
