"""DOCX output, read back with python-docx."""

from io import BytesIO

import docx
import pytest
from docx.oxml.ns import qn

from gongkai.report import AnnualReport, Finding, empty_report
from gongkai.report.render import render
from gongkai.report.schema import (
    APPEAL_COLUMNS,
    APPEAL_GROUPS,
    APPLICANT_COLUMNS,
    BALANCE_NOTE,
    RESULTS_BLOCK,
    SECTION_HEADINGS,
    get_format,
)
from tests.report.test_render import REPORT_FORMATS, load, printed

HEAD_ROWS = 3  # table 三 and table 四 both have three header rows


def open_docx(report, findings=None):
    return docx.Document(BytesIO(render(report, "docx", findings=findings)))


@pytest.fixture(scope="module", params=REPORT_FORMATS)
def rendered(request):
    report = load(f"distinct-{request.param}")
    return report, open_docx(report)


def tables(document):
    proactive, applications, appeals = document.tables
    return proactive, applications, appeals


def text(cell) -> str:
    return cell.text.replace("\n", "")


def test_the_page_is_a4_with_a_page_number_field(rendered):
    _report, document = rendered
    section = document.sections[0]
    # Word stores twips: 210 mm is 11906 twips, so compare whole millimetres.
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    footer = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and 'w:fldCharType="begin"' in footer
    assert footer.count("—") == 2


def test_styles_name_the_east_asian_fonts(rendered):
    _report, document = rendered
    fonts = {
        name: document.styles[name].element.rPr.rFonts.get(qn("w:eastAsia"))
        for name in ("Normal", "Heading 1", "年报标题", "年报表格")
    }
    assert fonts == {
        "Normal": "仿宋_GB2312",
        "Heading 1": "黑体",
        "年报标题": "方正小标宋简体",
        "年报表格": "仿宋_GB2312",
    }
    # A theme attribute would override the named East-Asian font.
    assert (
        document.styles["Heading 1"].element.rPr.rFonts.get(qn("w:eastAsiaTheme"))
        is None
    )


def test_the_title_and_six_headings_come_in_order(rendered):
    report, document = rendered
    paragraphs = document.paragraphs
    # The agency stands on its own line.
    title = f"{report.agency}\n{report.year}年政府信息公开工作年度报告"
    assert paragraphs[0].text == title
    assert paragraphs[0].style.name == "年报标题"
    headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    assert headings == list(SECTION_HEADINGS)


def test_table_three_has_the_official_grid_and_merged_cells(rendered):
    report, document = rendered
    fmt = get_format(report.format)
    _, table, _ = tables(document)
    assert table.style.name == "Table Grid"
    assert {
        p.style.name for row in table.rows for c in row.cells for p in c.paragraphs
    } == {"年报表格"}
    assert len(table.columns) == 10
    assert len(table.rows) == HEAD_ROWS + len(fmt.rows)
    corner = table.cell(0, 0)
    assert corner.text == BALANCE_NOTE
    assert corner._tc is table.cell(2, 2)._tc
    assert (
        table.cell(0, 3).text == "申请人情况"
        and table.cell(0, 3)._tc is table.cell(0, 9)._tc
    )
    assert (
        table.cell(1, 4).text == "法人或其他组织"
        and table.cell(1, 4)._tc is table.cell(1, 8)._tc
    )
    assert table.cell(1, 3)._tc is table.cell(2, 3)._tc  # 自然人, rowspan 2
    assert [table.cell(2, c).text for c in range(3, 10)] == [
        c.label for c in APPLICANT_COLUMNS
    ]


def test_table_three_label_columns_merge_as_in_the_format(rendered):
    report, document = rendered
    fmt = get_format(report.format)
    _, table, _ = tables(document)
    results = [i for i, row in enumerate(fmt.rows) if row.in_results]
    block = table.cell(HEAD_ROWS + results[0], 0)
    assert block.text == RESULTS_BLOCK
    assert block._tc is table.cell(HEAD_ROWS + results[-1], 0)._tc
    assert table.cell(HEAD_ROWS + results[-1] + 1, 0)._tc is not block._tc
    direction = block._tc.tcPr.find(qn("w:textDirection"))
    assert direction.get(qn("w:val")) == "tbRlV"
    for i, row in enumerate(fmt.rows):
        r = HEAD_ROWS + i
        label = table.cell(r, 2)
        assert label.text == row.label
        if not row.in_results:
            assert label._tc is table.cell(r, 0)._tc
        elif row.group is None:
            assert label._tc is table.cell(r, 1)._tc
        else:
            assert text(table.cell(r, 1)) == row.group
            assert table.cell(r, 1)._tc is not label._tc


@pytest.mark.parametrize("format", REPORT_FORMATS)
def test_group_labels_span_their_leaves(format):
    fmt = get_format(format)
    _, table, _ = tables(open_docx(load(f"distinct-{format}")))
    for group in {row.group for row in fmt.rows if row.group}:
        rows = [HEAD_ROWS + i for i, row in enumerate(fmt.rows) if row.group == group]
        assert table.cell(rows[0], 1)._tc is table.cell(rows[-1], 1)._tc
        assert table.cell(rows[0] - 1, 1)._tc is not table.cell(rows[0], 1)._tc


def test_table_three_holds_every_value(rendered):
    report, document = rendered
    fmt = get_format(report.format)
    _, table, _ = tables(document)
    for i, row in enumerate(fmt.rows):
        shown = [
            table.cell(HEAD_ROWS + i, 3 + c).text for c in range(len(APPLICANT_COLUMNS))
        ]
        assert shown == [printed(v) for v in report.applications[row.key]], row.key


def test_table_four_has_its_header_spans_and_fifteen_values(rendered):
    report, document = rendered
    _, _, table = tables(document)
    assert len(table.columns) == 15 and len(table.rows) == 4
    assert (
        table.cell(0, 0).text == "行政复议"
        and table.cell(0, 0)._tc is table.cell(1, 4)._tc
    )
    assert (
        table.cell(0, 5).text == "行政诉讼"
        and table.cell(0, 5)._tc is table.cell(0, 14)._tc
    )
    assert (
        table.cell(1, 5).text == "未经复议直接起诉"
        and table.cell(1, 5)._tc is table.cell(1, 9)._tc
    )
    assert (
        table.cell(1, 10).text == "复议后起诉"
        and table.cell(1, 10)._tc is table.cell(1, 14)._tc
    )
    assert [table.cell(2, c).text for c in range(15)] == [
        c.label for c in APPEAL_COLUMNS
    ] * 3
    expected = [
        printed(v) for g in APPEAL_GROUPS for v in getattr(report.appeals, g.key)
    ]
    assert [table.cell(3, c).text for c in range(15)] == expected


def test_table_two_holds_every_item_and_value(rendered):
    report, document = rendered
    fmt = get_format(report.format)
    table, _, _ = tables(document)
    rows = iter(table.rows)
    for item in fmt.proactive:
        heading = next(rows)
        assert {c.text for c in heading.cells} == {item.item}
        header = next(rows)
        assert unique_texts(header) == ["信息内容", *item.columns]
        for proactive_row in item.rows:
            value = getattr(report.proactive, proactive_row.key)
            values = (
                [value]
                if proactive_row.fields == ("",)
                else [getattr(value, f) for f in proactive_row.fields]
            )
            shown = unique_texts(next(rows))
            assert shown == [proactive_row.label, *map(printed, values)]


def unique_texts(row) -> list[str]:
    """Return a row's texts with a merged cell counted once."""
    seen, texts = set(), []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            texts.append(cell.text)
    return texts


def test_header_rows_repeat_and_rows_do_not_split(rendered):
    _report, document = rendered
    _, table, _ = tables(document)
    for i, row in enumerate(table.rows):
        tr_pr = row._tr.trPr
        assert tr_pr.find(qn("w:cantSplit")) is not None
        assert (tr_pr.find(qn("w:tblHeader")) is not None) == (i < HEAD_ROWS)


def test_findings_shade_their_cell_and_add_a_comment():
    finding = Finding(
        rule="T3-BALANCE",
        severity="error",
        message="自然人列不平衡",
        cells=["applications.new[0]"],
    )
    document = open_docx(load("distinct-2021"), [finding])
    _, table, _ = tables(document)
    cell = table.cell(HEAD_ROWS, 3)
    assert cell._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == "F8D0D0"
    assert table.cell(HEAD_ROWS, 4)._tc.tcPr.find(qn("w:shd")) is None
    (comment,) = document.comments
    assert comment.text == "自然人列不平衡"
    assert any("【错误】自然人列不平衡" == p.text for p in document.paragraphs)


def test_null_cells_print_blank_and_zero_prints_zero():
    data = empty_report("2021", 2023).to_json()
    data["applications"]["new"][1] = None
    _, table, _ = tables(open_docx(AnnualReport.from_json(data)))
    assert [table.cell(HEAD_ROWS, c).text for c in (3, 4, 5)] == ["0", "", "0"]


def test_an_empty_section_uses_the_placeholder_style():
    document = open_docx(empty_report("2021", 2023))
    placeholders = [p.text for p in document.paragraphs if p.style.name == "年报待填"]
    assert placeholders == ["（未填写）", "（未填写）"]
