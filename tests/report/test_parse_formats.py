"""HTML, DOCX and PDF readers: samples built here, and the project's own
rendered reports read back cell for cell."""

import io
import re

import docx
import pytest

from gongkai.report import ReportError
from gongkai.report.parse import read, read_detailed
from gongkai.report.render import render
from gongkai.report.schema import (
    APPEAL_GROUPS,
    FORMAT_2021,
    N_APPEAL_COLUMNS,
    N_COLUMNS,
)
from tests.report_fixtures import fixture_names, fixture_text

SEED = "seed-000_b84d2fa2a12aa177"
AGENCY = "某某县镕城镇"  # 镕 is in GBK but not in GB2312


def _row_values(i: int) -> list[int]:
    parts = [i, i + 1, 0, 0, 2 * i % 7, 1]
    return parts + [sum(parts)]


def _appeal_values() -> list[int]:
    return [1, 2, 0, 3, 6, 4, 0, 1, 0, 5, 0, 0, 2, 2, 4]


def _sample_html(charset: str = "utf-8") -> str:
    rows = FORMAT_2021.rows
    body = []
    for i, row in enumerate(rows):
        cells = "".join(f"<td>{v}</td>" for v in _row_values(i))
        lead = ""
        if row.key == "disclosed":
            lead = f'<td rowspan="{sum(1 for r in rows if r.in_results)}">三、本年度办理结果</td>'
        if row.group and row.key.endswith("_1"):
            size = sum(1 for r in rows if r.group == row.group)
            lead += f'<td rowspan="{size}">{row.group}</td>'
        span = (
            ' colspan="3"'
            if not row.in_results
            else (' colspan="2"' if not row.group else "")
        )
        label = f"<td{span}>{row.label}</td>"
        body.append(f"<tr>{lead}{label}{cells}</tr>")
    appeals = "".join(f"<td>{v}</td>" for v in _appeal_values())
    return f"""<!DOCTYPE html><html><head><meta charset="{charset}">
<title>{AGENCY}2023年政府信息公开工作年度报告</title></head><body>
<h1>{AGENCY}2023年政府信息公开工作年度报告</h1>
<h2>一、总体情况</h2><p>全年主动公开信息 12 条，
依申请公开 3 件。</p>
<h2>二、主动公开政府信息情况</h2>
<table><tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>2</td><td>1</td><td>15</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">27</td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr>
<tr><td>行政处罚</td><td colspan="3">5</td></tr>
<tr><td>行政强制</td><td colspan="3">0</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>行政事业性收费</td><td colspan="3">1.25</td></tr></table>
<h2>三、收到和处理政府信息公开申请情况</h2>
<table>
<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>
<td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
{"".join(body)}
</table>
<h2>四、政府信息公开行政复议、行政诉讼情况</h2>
<table><tr><td colspan="5" rowspan="2">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr>{"<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>" * 3}</tr>
<tr>{appeals}</tr></table>
<h2>五、存在的主要问题及改进情况</h2><p>问题一。</p><p>改进一。</p>
<h2>六、其他需要报告的事项</h2><p>无。</p>
</body></html>"""


def _check_sample(report) -> None:
    assert report.agency == AGENCY and report.year == 2023 and report.format == "2021"
    for i, row in enumerate(FORMAT_2021.rows):
        assert report.applications[row.key] == _row_values(i), row.key
    flat = [v for g in APPEAL_GROUPS for v in getattr(report.appeals, g.key)]
    assert flat == _appeal_values()
    p = report.proactive
    assert (p.normative_documents.issued, p.normative_documents.in_force) == (2, 15)
    assert (p.licensing, p.penalty, p.enforcement, p.fees_10k_yuan) == (27, 5, 0, 1.25)


def test_html_with_rowspan_and_colspan():
    result = read_detailed(_sample_html())
    assert result.kind == "html"
    _check_sample(result.report)
    assert result.report.sections.problems == "问题一。\n改进一。"
    assert (
        result.report.sections.overview == "全年主动公开信息 12 条，依申请公开 3 件。"
    )
    # A merged cell is named by its first grid position.
    assert result.provenance["applications.disclosed[0]"] == "表 2 第 6 行第 4 列"
    assert result.provenance["applications.withheld_2[0]"] == "表 2 第 9 行第 4 列"


def test_gb2312_declared_page_with_gbk_only_characters():
    data = _sample_html("gb2312").encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        data.decode("gb2312")  # what a naive reader would do
    _check_sample(read(data, filename="report.html"))


def test_html_charset_from_bytes_without_declaration():
    data = _sample_html("").replace('<meta charset="">', "").encode("gb18030")
    _check_sample(read(data))


def _sample_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph(f"{AGENCY}2023年政府信息公开工作年度报告")
    document.add_paragraph("一、总体情况")
    document.add_paragraph("全年主动公开信息 12 条。")
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    rows = FORMAT_2021.rows
    table = document.add_table(rows=3 + len(rows), cols=3 + N_COLUMNS)
    table.cell(0, 0).merge(
        table.cell(2, 2)
    ).text = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    table.cell(0, 3).merge(table.cell(0, 9)).text = "申请人情况"
    table.cell(1, 4).merge(table.cell(1, 8)).text = "法人或其他组织"
    for c, label in zip((3, 9), ("自然人", "总计"), strict=True):
        table.cell(1, c).merge(table.cell(2, c)).text = label
    for c, label in enumerate(
        ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"), start=4
    ):
        table.cell(2, c).text = label
    first = 3 + next(i for i, r in enumerate(rows) if r.in_results)
    last = 3 + max(i for i, r in enumerate(rows) if r.in_results)
    table.cell(first, 0).merge(table.cell(last, 0)).text = "三、本年度办理结果"
    for i, row in enumerate(rows):
        r = 3 + i
        start = 1 if row.in_results else 0
        table.cell(r, start).merge(table.cell(r, 2)).text = row.label
        for c, value in enumerate(_row_values(i)):
            table.cell(r, 3 + c).text = str(value)
    document.add_paragraph("五、存在的主要问题及改进情况")
    document.add_paragraph("问题一。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_with_merged_cells():
    result = read_detailed(_sample_docx())
    assert result.kind == "docx" and result.agency == AGENCY
    for i, row in enumerate(FORMAT_2021.rows):
        assert result.report.applications[row.key] == _row_values(i), row.key
    assert result.report.sections.overview == "全年主动公开信息 12 条。"
    assert result.provenance["applications.new[0]"] == "表 1 第 4 行第 4 列"


# --- the project's own renderers, read back -----------------------------------

COMPARED = ("format", "year", "agency", "proactive", "applications", "appeals")


def _round_trip(name: str, to: str):
    report = read(fixture_text(name))
    back = read_detailed(render(report, to, findings=[]))
    assert back.kind == to
    for key in COMPARED:
        assert back.report.to_json()[key] == report.to_json()[key], key
    return report, back.report


@pytest.mark.parametrize("to", ["html", "docx"])
@pytest.mark.parametrize("name", fixture_names(with_expected=True))
def test_rendered_report_reads_back_with_every_cell_equal(name, to):
    report, back = _round_trip(name, to)
    for key in ("overview", "problems", "other"):
        if getattr(report.sections, key) is None:
            continue  # the renderer prints a placeholder (（未填写）, 无。)
        # HTML collapses white space (none kept between Chinese characters).
        assert _words(getattr(back.sections, key)) == _words(
            getattr(report.sections, key)
        )


def _words(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


@pytest.mark.parametrize("name", [SEED, "001", "004"])
def test_rendered_pdf_reads_back_with_every_cell_equal(name):
    report, back = _round_trip(name, "pdf")
    # PDF lines are re-wrapped; the words are the same.
    for key in ("overview", "problems", "other"):
        assert _words(getattr(back.sections, key)) == _words(
            getattr(report.sections, key)
        )


def test_pdf_provenance_names_page_and_cell():
    report = read(fixture_text(SEED))
    back = read_detailed(render(report, "pdf", findings=[]))
    where = back.provenance["applications.new[0]"]
    assert where.startswith("第 ") and "页表" in where and "列" in where
    assert set(back.report.appeals.reconsideration) == {0}
    assert len(back.report.appeals.reconsideration) == N_APPEAL_COLUMNS


def test_unruled_pdf_with_page_numbers_reads_like_the_text():
    """The seed's lines typeset as plain paragraphs (no ruled tables) with a
    page-number footer: rows are rebuilt from positions on each line."""
    import html

    import weasyprint

    text = fixture_text(SEED)
    paragraphs = "".join(
        f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip()
    )
    style = (
        "@page { size: A4; @bottom-center { content: '— ' counter(page) ' —' } }"
        "body { font-family: 'Noto Serif CJK SC'; font-size: 12pt } p { margin: 0 }"
    )
    page = f"<html lang='zh-CN'><head><style>{style}</style></head><body>{paragraphs}</body></html>"
    result = read_detailed(weasyprint.HTML(string=page).write_pdf())
    original = read(text)
    assert result.kind == "pdf" and result.sections == (1, 2, 3, 4, 5, 6)
    for key in COMPARED:
        assert result.report.to_json()[key] == original.to_json()[key], key
    for key in ("overview", "problems", "other"):
        narrative = getattr(result.report.sections, key)
        assert "—" not in narrative
        assert _words(narrative) == _words(getattr(original.sections, key))
    assert re.fullmatch(r"第 \d+ 页第 \d+ 行", result.provenance["applications.new[0]"])


@pytest.mark.parametrize("to", ["pdf", "docx"])
def test_damaged_documents_are_refused_or_read(to):
    data = render(read(fixture_text(SEED)), to, findings=[])
    for damaged in (data[: len(data) // 2], data[:100] + bytes(200) + data[300:]):
        try:
            report = read(damaged)
        except ReportError as exc:
            assert str(exc)
        else:
            assert report.format in ("2021", "2019")


def test_html_page_laid_out_in_a_table_reads_the_tables_inside():
    page = _sample_html()
    start, end = page.index("<body>") + 6, page.index("</body>")
    page = (
        page[:start]
        + "<table><tr><td>导航</td><td>"
        + page[start:end]
        + "</td></tr></table>"
        + page[end:]
    )
    _check_sample(read(page))


def test_docx_table_inside_a_content_control():
    from docx.oxml import OxmlElement

    document = docx.Document(io.BytesIO(_sample_docx()))
    table = document.tables[0]._tbl
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    table.addprevious(sdt)
    sdt.append(content)
    content.append(table)
    buffer = io.BytesIO()
    document.save(buffer)
    report = read(buffer.getvalue())
    assert report.applications["total"] == _row_values(FORMAT_2021.row_index["total"])


def test_unruled_pdf_table_with_blank_cells_places_numbers_by_x():
    """001 leaves most cells blank.  Rendered without borders, pdfplumber
    finds no table; the numbers are put under their column headers."""
    import weasyprint

    report = read(fixture_text("001"))
    page = render(report, "html", findings=[]).decode()
    page = page.replace(
        "</head>", "<style>table, tr, td, th { border: none !important }</style></head>"
    )
    back = read_detailed(weasyprint.HTML(string=page).write_pdf())
    assert back.tables == (2, 3, 4)
    for key in COMPARED:
        assert back.report.to_json()[key] == report.to_json()[key], key


def test_unruled_pdf_row_printed_blank_is_blank_not_missing():
    """001 prints whole rows blank; without rules nothing shows the empty
    cells, but the label is on the page and rows with numbers follow: the
    row was printed blank (CELL-BLANK, read as 0 by the checks)."""
    import weasyprint

    report = read(fixture_text("001"))
    page = render(report, "html", findings=[]).decode()
    page = page.replace(
        "</head>", "<style>table, tr, td, th { border: none !important }</style></head>"
    )
    back = read(weasyprint.HTML(string=page).write_pdf())
    row = "applications.withheld_2"
    assert back.applications["withheld_2"] == [None] * N_COLUMNS
    rules = {f.rule for f in back.findings if f"{row}[0]" in f.cells}
    assert rules == {"CELL-BLANK"}
    assert not [f for f in back.findings if f.rule == "TABLE-MISSING"]
    assert not [f for f in back.findings if f.rule == "LABELS"]


def test_column_headers_of_tables_three_and_four_worded_otherwise_are_named():
    report = read(fixture_text(SEED))
    page = render(report, "html", findings=[]).decode()
    page = page.replace("商业企业", "商业企业（含个体工商户）", 1)
    page = page.replace("尚未审结", "尚未审结（截至年底）", 1)
    back = read(page)
    labels = [f.message for f in back.findings if f.rule == "LABELS"]
    assert labels == [
        "表三列标题“商业企业(含个体工商户)”与格式中的“商业企业”不同",
        "表四列标题“尚未审结(截至年底)”与格式中的“尚未审结”不同",
    ]
    for key in COMPARED:
        assert back.to_json()[key] == report.to_json()[key], key
