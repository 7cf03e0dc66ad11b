"""Rendering: the public API, HTML, Markdown and JSON output.

PDF and DOCX have their own modules (``test_render_pdf``, ``test_render_docx``).
"""

import json
import zipfile
from io import BytesIO
from pathlib import Path

import lxml.html
import pytest

from gongkai.report import AnnualReport, Finding, empty_report
from gongkai.report.render import (
    EXTENSIONS,
    FORMATS,
    MEDIA_TYPES,
    download_name,
    render,
    render_html_fragment,
    stylesheet,
)
from gongkai.report.schema import (
    APPEAL_COLUMNS,
    APPLICANT_COLUMNS,
    BALANCE_NOTE,
    RESULTS_BLOCK,
    SECTION_HEADINGS,
    get_format,
)

RENDER_FIXTURES = Path(__file__).parent.parent / "fixtures" / "render"
REPORT_FORMATS = ("2021", "2019")


def load(name: str) -> AnnualReport:
    """Return ``tests/fixtures/render/<name>.json``: ``seed-2023`` (the real
    township report with its narrative) or ``distinct-2021``/``distinct-2019``
    (every cell a different value, so each one can be found in the output)."""
    return AnnualReport.from_json_text(
        (RENDER_FIXTURES / f"{name}.json").read_text("utf-8")
    )


def all_cells(report: AnnualReport) -> dict[str, object]:
    """Return every cell path of ``report`` with its value, walking the JSON."""
    data = report.to_json()
    cells: dict[str, object] = {}
    for key, value in data["proactive"].items():
        if isinstance(value, dict):
            cells.update({f"proactive.{key}.{f}": v for f, v in value.items()})
        else:
            cells[f"proactive.{key}"] = value
    for table in ("applications", "appeals"):
        for key, values in data[table].items():
            cells.update({f"{table}.{key}[{i}]": v for i, v in enumerate(values)})
    return cells


def printed(value) -> str:
    return "" if value is None else str(value)


def fragment_tree(report: AnnualReport, findings=None):
    return lxml.html.fragment_fromstring(render_html_fragment(report, findings))


def header_cell(tree, label: str):
    (cell,) = [th for th in tree.iter("th") if th.text_content() == label]
    return cell


def span(cell, name: str) -> int:
    return int(cell.get(name, "1"))


# --- the API -------------------------------------------------------------------


def test_the_distinct_fixtures_have_no_repeated_value():
    for format in REPORT_FORMATS:
        values = list(all_cells(load(f"distinct-{format}")).values())
        assert len(values) == len(set(values)), format


@pytest.mark.parametrize("format", REPORT_FORMATS)
@pytest.mark.parametrize("to", [f for f in FORMATS if f != "pdf"])
def test_every_format_renders_for_both_report_formats(format, to):
    output = render(load(f"distinct-{format}"), to)
    assert isinstance(output, bytes)
    if to == "docx":
        with zipfile.ZipFile(BytesIO(output)) as docx:
            assert "word/document.xml" in docx.namelist()
    else:
        assert "某某市某某区人民政府" in output.decode("utf-8")


def test_an_unknown_format_raises_a_chinese_value_error():
    with pytest.raises(ValueError, match="不支持的输出格式"):
        render(empty_report(), "odt")


def test_each_format_has_a_media_type_and_an_extension():
    assert set(MEDIA_TYPES) == set(EXTENSIONS) == set(FORMATS)
    assert MEDIA_TYPES["pdf"] == "application/pdf"
    assert download_name(load("seed-2023"), "docx") == (
        "海东市平安区古城回族乡2023年政府信息公开工作年度报告.docx"
    )


# --- HTML: title, preamble, sections ----------------------------------------------


def test_the_page_is_standalone_utf8_chinese_html():
    page = render(load("seed-2023"), "html").decode("utf-8")
    tree = lxml.html.document_fromstring(page)
    assert page.startswith("<!DOCTYPE html>")
    assert tree.get("lang") == "zh-CN"
    assert tree.find(".//meta").get("charset") == "utf-8"
    assert "@page" in tree.find(".//style").text
    assert (
        tree.find(".//title").text
        == "海东市平安区古城回族乡2023年政府信息公开工作年度报告"
    )


@pytest.mark.parametrize(
    ("agency", "year", "title"),
    [
        ("某某乡人民政府", 2023, "某某乡人民政府2023年政府信息公开工作年度报告"),
        (None, 2023, "2023年政府信息公开工作年度报告"),
        ("某某乡人民政府", None, "某某乡人民政府政府信息公开工作年度报告"),
        (None, None, "政府信息公开工作年度报告"),
    ],
)
def test_the_title_skips_an_unknown_agency_or_year(agency, year, title):
    tree = fragment_tree(empty_report("2021", year, agency))
    h1 = tree.find(".//h1")
    assert h1.text_content() == title
    # The agency, when known, stands on its own line.
    assert (h1.text, len(h1.findall("br"))) == ((agency, 1) if agency else (title, 0))


@pytest.mark.parametrize(
    ("format", "source"),
    [("2021", "国办公开办函〔2021〕30号"), ("2019", "国办公开办函〔2019〕60号")],
)
def test_the_preamble_cites_the_law_and_the_format_document(format, source):
    preamble = fragment_tree(empty_report(format, 2023)).find_class("gk-preamble")[0]
    assert "《中华人民共和国政府信息公开条例》" in preamble.text_content()
    assert source in preamble.text_content()
    assert "自2023年1月1日起至2023年12月31日止" in preamble.text_content()


def test_the_six_headings_come_in_order_with_their_content():
    tree = fragment_tree(load("seed-2023"))
    assert [h.text_content() for h in tree.iter("h2")] == list(SECTION_HEADINGS)
    after_first = tree.find(".//h2").getnext()
    assert after_first.text_content().startswith("2023年，我乡全面贯彻落实")
    paragraphs = [p.text_content() for p in tree.find_class("gk-text")]
    assert paragraphs[-1] == "没有其他需要报告的事项"
    assert any(p.startswith("（二）改进情况。") for p in paragraphs)


def test_empty_sections_print_a_placeholder_and_six_prints_none():
    tree = fragment_tree(empty_report("2021", 2023))
    texts = [h.getnext().text_content() for h in tree.iter("h2")]
    assert texts[0] == texts[4] == "（未填写）"
    assert texts[5] == "无。"
    assert len(tree.find_class("gk-placeholder")) == 2


# --- HTML: table structure -------------------------------------------------------


def test_table_three_has_the_official_header_spans():
    tree = fragment_tree(load("distinct-2021"))
    corner = header_cell(tree, BALANCE_NOTE)
    assert (span(corner, "rowspan"), span(corner, "colspan")) == (3, 3)
    assert span(header_cell(tree, "申请人情况"), "colspan") == 7
    assert span(header_cell(tree, "法人或其他组织"), "colspan") == 5
    assert span(header_cell(tree, "自然人"), "rowspan") == 2
    (total,) = tree.xpath(
        "//table[contains(@class,'gk-applications')]//thead//th[.='总计']"
    )
    assert span(total, "rowspan") == 2
    thead_rows = tree.xpath("//table[contains(@class,'gk-applications')]/thead/tr")
    assert [th.text_content() for th in thead_rows[2]] == [
        c.label for c in APPLICANT_COLUMNS[1:6]
    ]


@pytest.mark.parametrize(("format", "rows"), [("2021", 22), ("2019", 20)])
def test_the_results_block_spans_every_result_row(format, rows):
    tree = fragment_tree(load(f"distinct-{format}"))
    (block,) = tree.find_class("gk-results")
    assert block.text_content() == RESULTS_BLOCK
    assert span(block, "rowspan") == rows
    assert len([r for r in get_format(format).rows if r.in_results]) == rows


@pytest.mark.parametrize("format", REPORT_FORMATS)
def test_table_three_label_cells_span_as_in_the_format(format):
    fmt = get_format(format)
    tree = fragment_tree(load(f"distinct-{format}"))
    body = tree.xpath("//table[contains(@class,'gk-applications')]/tbody/tr")
    assert len(body) == len(fmt.rows)
    for tr, row in zip(body, fmt.rows, strict=True):
        labels = [c for c in tr if c.tag == "th"]
        label = labels[-1]
        assert label.text_content() == row.label
        expected = 3 if not row.in_results else (1 if row.group else 2)
        assert span(label, "colspan") == expected, row.key
        assert len(tr.xpath("td")) == len(APPLICANT_COLUMNS)
    for group in {r.group for r in fmt.rows if r.group}:
        members = [r for r in fmt.rows if r.group == group]
        (cell,) = [g for g in tree.find_class("gk-group") if g.text_content() == group]
        assert span(cell, "rowspan") == len(members)


def test_table_four_has_the_two_level_header_and_one_row_of_fifteen():
    tree = fragment_tree(load("distinct-2021"))
    reconsideration = header_cell(tree, "行政复议")
    assert (span(reconsideration, "rowspan"), span(reconsideration, "colspan")) == (
        2,
        5,
    )
    assert span(header_cell(tree, "行政诉讼"), "colspan") == 10
    assert span(header_cell(tree, "未经复议直接起诉"), "colspan") == 5
    assert span(header_cell(tree, "复议后起诉"), "colspan") == 5
    table = tree.xpath("//table[contains(@class,'gk-appeals')]")[0]
    labels = [th.text_content() for th in table.xpath("thead/tr[3]/th")]
    assert labels == [c.label for c in APPEAL_COLUMNS] * 3
    (row,) = table.xpath("tbody/tr")
    assert len(row.xpath("td")) == 15


@pytest.mark.parametrize("format", REPORT_FORMATS)
def test_table_two_prints_each_item_with_its_own_column_headers(format):
    fmt = get_format(format)
    tree = fragment_tree(load(f"distinct-{format}"))
    rows = tree.xpath("//table[contains(@class,'gk-proactive')]/tbody/tr")
    items = [r for r in rows if r.find_class("gk-item")]
    assert [r.text_content() for r in items] == [t.item for t in fmt.proactive]
    for item, table in zip(items, fmt.proactive, strict=True):
        header = item.getnext()
        assert [th.text_content() for th in header] == ["信息内容", *table.columns]
        assert sum(span(th, "colspan") for th in header) == 4


# --- HTML: values and findings ---------------------------------------------------


@pytest.mark.parametrize("format", REPORT_FORMATS)
def test_every_numeric_cell_carries_its_path_and_value(format):
    report = load(f"distinct-{format}")
    tree = fragment_tree(report)
    shown = {
        td.get("data-cell"): td.text_content()
        for td in tree.iter("td")
        if td.get("data-cell")
    }
    assert shown == {path: printed(v) for path, v in all_cells(report).items()}
    assert all(td.get("data-cell") for td in tree.find_class("gk-num"))


def test_null_cells_print_blank_and_zero_prints_zero():
    data = empty_report("2021", 2023).to_json()
    data["applications"]["new"][1] = None
    data["proactive"]["fees_10k_yuan"] = None
    tree = fragment_tree(AnnualReport.from_json(data))
    cells = {td.get("data-cell"): td.text_content() for td in tree.iter("td")}
    assert cells["applications.new[1]"] == ""
    assert cells["proactive.fees_10k_yuan"] == ""
    assert cells["applications.new[0]"] == "0"


@pytest.mark.parametrize("amount", [24252.311082, 0.00001, 12.5, 3])
def test_the_fee_amount_prints_exactly_as_stored(amount):
    data = empty_report("2021", 2023).to_json()
    data["proactive"]["fees_10k_yuan"] = amount
    tree = fragment_tree(AnnualReport.from_json(data))
    (cell,) = tree.xpath("//td[@data-cell='proactive.fees_10k_yuan']")
    assert cell.text_content() == {0.00001: "0.00001"}.get(amount, str(amount))


def test_findings_mark_their_cells_and_the_worst_severity_wins():
    findings = [
        Finding(
            rule="T3-BALANCE",
            severity="warning",
            message="甲",
            cells=["applications.new[0]"],
        ),
        Finding(
            rule="T3-TOTAL",
            severity="error",
            message="乙",
            cells=["applications.new[0]", "appeals.reconsideration[4]"],
        ),
        Finding(
            rule="CELL-BLANK",
            severity="info",
            message="丙",
            cells=["proactive.licensing"],
        ),
    ]
    tree = fragment_tree(load("distinct-2021"), findings)
    cells = {td.get("data-cell"): td for td in tree.iter("td")}
    assert "finding-error" in cells["applications.new[0]"].get("class").split()
    assert cells["applications.new[0]"].get("title") == "甲\n乙"
    assert "finding-error" in cells["appeals.reconsideration[4]"].get("class")
    assert "finding-info" in cells["proactive.licensing"].get("class")
    assert cells["proactive.licensing"].get("title") == "丙"
    assert cells["applications.new[1]"].get("class") == "gk-num"
    assert cells["applications.new[1]"].get("title") is None


def test_findings_default_to_the_reports_own_and_an_empty_list_clears_them():
    data = load("distinct-2021").to_json()
    data["findings"] = [
        {
            "rule": "NONNEG",
            "severity": "error",
            "message": "负数",
            "cells": ["appeals.litigation_direct[0]"],
        }
    ]
    report = AnnualReport.from_json(data)
    assert fragment_tree(report).find_class("finding-error")
    assert not fragment_tree(report, []).find_class("finding-error")
    page = render(report, "html").decode("utf-8")
    assert "附：数据核查提示" in page and "【错误】负数" in page
    assert "附：数据核查提示" not in render(report, "html", findings=[]).decode("utf-8")


def test_the_fragment_has_no_inline_style_and_no_script():
    findings = [
        Finding(
            rule="X", severity="error", message="<b>", cells=["applications.new[0]"]
        )
    ]
    html = render_html_fragment(load("seed-2023"), findings)
    tree = lxml.html.fragment_fromstring(html)
    assert not html.startswith("<html")
    assert tree.tag == "article" and tree.get("lang") == "zh-CN"
    assert not tree.xpath("//*[@style]") and not tree.xpath("//script | //style")
    assert "<b>" not in html


def test_the_stylesheet_covers_print_fonts_and_vertical_text():
    css = stylesheet()
    assert "size: A4" in css and "counter(page)" in css
    assert '"FangSong_GB2312", "仿宋_GB2312", "FangSong"' in css
    assert '"Noto Serif CJK SC"' in css
    assert ".gk-results span" in css and "display: block" in css
    assert ".gk-applications col:nth-child(10)" in css


# --- JSON and Markdown -------------------------------------------------------------


@pytest.mark.parametrize("format", REPORT_FORMATS)
def test_json_round_trips_through_the_model(format):
    report = load(f"distinct-{format}")
    again = AnnualReport.from_json(json.loads(render(report, "json")))
    assert again == report


def test_json_puts_given_findings_in_the_findings_list():
    finding = Finding(
        rule="T3-ROWSUM", severity="error", message="行合计不符", cells=[]
    )
    data = json.loads(render(load("seed-2023"), "json", findings=[finding]))
    assert data["findings"] == [finding.model_dump()]
    assert json.loads(render(load("seed-2023"), "json"))["findings"] == []


@pytest.mark.parametrize("format", REPORT_FORMATS)
def test_markdown_holds_every_value_heading_and_row_label(format):
    report = load(f"distinct-{format}")
    md = render(report, "md").decode("utf-8")
    table_cells = {
        c.strip()
        for line in md.splitlines()
        if line.startswith("|")
        for c in line.split("|")
    }
    for path, value in all_cells(report).items():
        assert printed(value) in table_cells, path
    for heading in SECTION_HEADINGS:
        assert f"\n## {heading}\n" in md
    for row in get_format(format).rows:
        assert row.label in md
    assert md.startswith("# 某某市某某区人民政府")


def test_markdown_repeats_the_group_in_each_leaf_label():
    md = render(load("distinct-2021"), "md").decode("utf-8")
    assert "| （三）不予公开：1.属于国家秘密 |" in md
    assert f"| **{RESULTS_BLOCK}** |" in md
    assert "| 行政诉讼：复议后起诉 |" in md
