"""Drill-down: every number of a compiled report lists the records behind it."""

import pytest

from gongkai.annual_reports import compile
from gongkai.annual_reports.drilldown import (
    UnknownCell,
    all_cell_paths,
    label_of,
    records,
)
from gongkai.annual_reports.services import start_report

pytestmark = pytest.mark.django_db


def test_every_cell_lists_as_many_records_as_its_number(gucheng, history):
    report = compile(gucheng, 2023)

    for path in all_cell_paths():
        cell = records(gucheng, 2023, path)
        if cell.kind == "figures":
            continue
        assert cell.count == (report.cell(path) or 0), path


def test_a_cell_lists_the_cases_themselves(gucheng, history):
    cell = records(gucheng, 2023, "applications.new[1]")

    assert [line.title for line in cell.lines] == [history["company"].number]
    assert "商业企业" in cell.lines[0].details
    assert cell.lines[0].url.endswith(f"/{history['company'].pk}/")


def test_labels_name_the_row_and_the_column():
    assert label_of("applications.withheld_4[6]") == (
        "（三）不予公开 · 4.保护第三方合法权益 · 总计"
    )
    assert label_of("appeals.litigation_direct[3]") == "未经复议直接起诉 · 尚未审结"
    assert label_of("proactive.normative_documents.in_force") == (
        "第二十条第（一）项 · 行政规范性文件 · 现行有效件数"
    )
    assert label_of("proactive.fees_10k_yuan") == (
        "第二十条第（八）项 · 行政事业性收费 · 本年收费金额（单位：万元）"
    )
    for bad in ("applications.nothing[0]", "applications.new[9]", "sections.overview"):
        with pytest.raises(UnknownCell):
            label_of(bad)


def test_the_drilldown_page_lists_the_records_with_links(
    client, lisi, gucheng, history
):
    report = start_report(lisi, gucheng, 2023)
    client.force_login(lisi)

    page = client.get(f"/staff/reports/{report.pk}/cells/applications.new[6]/")

    text = page.content.decode()
    assert page.status_code == 200
    assert "一、本年新收政府信息公开申请数量 · 总计" in text
    for name in ("company", "repeat", "running"):
        assert history[name].number in text
    assert history["old_open"].number not in text


def test_an_unknown_cell_or_a_neighbours_report_is_not_found(
    client, lisi, sunba, gucheng
):
    report = start_report(lisi, gucheng, 2023)
    client.force_login(lisi)
    assert (
        client.get(f"/staff/reports/{report.pk}/cells/sections.other/").status_code
        == 404
    )

    client.force_login(sunba)
    url = f"/staff/reports/{report.pk}/cells/applications.new[6]/"
    assert client.get(url).status_code == 404
