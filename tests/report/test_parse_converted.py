"""Text converted from PDFs: ``pdftotext -layout`` output and copied text,
with the merged label cells of table 三 printed among the row labels."""

import re
from pathlib import Path

import pytest

from gongkai.report.parse import read, read_detailed
from gongkai.report.parse.digits import TooAmbiguous, split_cells
from gongkai.report.parse.labels import structure_fragments

LAYOUT = Path(__file__).parent.parent / "fixtures" / "converted"


def _layout_text() -> str:
    return (LAYOUT / "pdftotext-layout-2021.txt").read_text(encoding="utf-8")


def test_layout_text_with_interleaved_merged_cells_reads_every_row():
    """``三、本年度办理结果`` runs down the left, one character a line, and
    ``（三）`` / ``不予公开`` sit among the row labels; labels wrap around
    their own numbers (``2.其他法律行政法规`` 0 0 … ``禁止公开``)."""
    result = read_detailed(_layout_text())
    apps = result.report.applications
    assert apps["withheld_1"] == [0, 0, 7, 255, 1, 0, 263]
    assert apps["withheld_2"] == [0] * 7
    assert apps["withheld_3"] == [0, 65, 0, 0, 0, 0, 65]
    assert apps["unable_2"] == [0, 0, 10, 0, 0, 10, 20]
    assert apps["other_1"] == [0, 0, 0, 0, 0, 2, 2]
    assert apps["total"] == [21, 214, 45, 255, 1, 12, 548]
    assert apps["carried_forward"] == [6, 110, 7, 110, 6, 0, 239]
    assert result.report.appeals.litigation_after_reconsideration == [
        495,
        19,
        9,
        4,
        527,
    ]
    rules = {f.rule for f in result.report.findings}
    assert "LABELS" not in rules and "CELL-UNREADABLE" not in rules


def test_vertical_block_is_dropped_only_when_it_spells_the_block():
    words = ["三", "(一)予以公开", "、", "本", "(二)部分公开", "年", "度", "办"]
    assert structure_fragments(words, "2021") == {0, 2, 3, 5, 6, 7}
    # Three stray characters are not the block: a label's last character
    # (``…不再处`` / ``理``) stays.
    assert structure_fragments(["理", "益", "果"], "2021") == set()


def test_group_label_pieces_are_dropped_but_the_2019_other_row_is_kept():
    words = ["(三)", "不予公开", "(六)", "其他处理"]
    assert structure_fragments(words, "2021") == {0, 1, 2, 3}
    assert structure_fragments(words, "2019") == {0, 1}


def test_an_advert_line_inside_a_label_is_left_out():
    text = _layout_text().replace(
        "         2.其他法律行政法规\n",
        "         2.其他法律行政法规\n本站部分内容来源于网络，如有侵权请联系删除\n",
    )
    report = read(text)
    assert report.applications["withheld_2"] == [0] * 7
    assert not [f for f in report.findings if f.rule == "LABELS"]


def test_empty_lines_after_a_row_on_one_line_are_not_blank_cells():
    """Four numbers side by side for seven columns: the separators were
    lost, not the cells; the column sums decide the split."""
    text = _layout_text().replace(
        "21    108    38       235   1     8     411",
        "21108    38       2351     8411",
    )
    report = read_detailed(text)
    assert report.report.applications["carried_over"] == [21, 108, 38, 235, 1, 8, 411]
    assert not [f for f in report.report.findings if f.rule == "CELL-BLANK"]


def test_an_ambiguous_run_keeps_every_decoding_as_candidates():
    """``110`` then 0 0 11: 1 + 10 and 11 + 0 both make the total 11."""
    text = _layout_text().replace("6   32    101     0    139", "110    0     0    11")
    result = read_detailed(text)
    cells = [f"appeals.reconsideration[{i}]" for i in (0, 1)]
    assert [result.report.cell(c) for c in cells] == [None, None]
    assert result.candidates[cells[0]] == [1, 11]
    assert result.candidates[cells[1]] == [0, 10]
    [finding] = [f for f in result.report.findings if f.rule == "CELL-UNREADABLE"]
    assert set(cells) <= set(finding.cells)


def test_a_run_that_no_split_makes_add_up_says_so():
    """``21108 38 2352 8411``: a 1 printed as 2, and the separators lost;
    no split makes the row's columns add up to its total."""
    finding = _null_carried_over_row("21108    38       2352     8411")
    assert "任何拆分都不能使各列之和等于总计" in finding.message


def test_a_cut_that_adds_up_in_its_row_but_not_in_its_columns_is_not_taken():
    """``3108 38 235 18 411``: printed 3 108 38 235 1 8 411 (3 is wrong: the
    row does not add up) with separators lost; 310 8 38 2 35 18 adds up to
    411, but then the columns do not: the row is left null, not guessed."""
    finding = _null_carried_over_row("3108    38       235   18     411")
    assert "与表三各列的勾稽关系不符" in finding.message


def _null_carried_over_row(printed: str):
    """Read the layout text with 上年结转's numbers printed as ``printed``;
    the row must come back null, with one CELL-UNREADABLE finding: returned."""
    text = _layout_text().replace(
        "21    108    38       235   1     8     411", printed
    )
    result = read_detailed(text)
    cells = [f"applications.carried_over[{i}]" for i in range(7)]
    assert [result.report.cell(c) for c in cells] == [None] * 7
    [finding] = [f for f in result.report.findings if cells[0] in f.cells]
    assert finding.rule == "CELL-UNREADABLE"
    return finding


def test_digit_runs_with_too_many_decodings_are_refused_not_cut_short():
    with pytest.raises(TooAmbiguous):
        split_cells(["1" * 14], [(6, False)], limit=50)
    assert len(split_cells(["1" * 8], [(6, False)], limit=50)) == 21


@pytest.mark.parametrize(
    ("head", "agency"),
    [
        ("海东市平安区古\n城回族乡人民政府\n2022年", "海东市平安区古城回族乡人民政府"),
        ("海东市人民政\n府\n2022年", "海东市人民政府"),
        ("武汉市汉阳区人民政府\n办公室\n2022年", "武汉市汉阳区人民政府办公室"),
        (
            "青海省人民政府办公厅\n更多政务资讯请关注本站微信公众号\n2022年",
            "青海省人民政府办公厅",
        ),
        ("首页\n海东市人民政府\n2022年", "海东市人民政府"),
        # A page number or a mirror site's line inside the wrapped name, or
        # between the name and the title.
        ("海东市生态环\n分享到:微信 微博 QQ空间\n境局\n2022年", "海东市生态环境局"),
        ("淮安市人\n2/5\n民政府\n2022年", "淮安市人民政府"),
        (
            "海东市平安区古城回\n更多政务资讯请关注本站微信公众号\n族乡人民政府\n2022年",
            "海东市平安区古城回族乡人民政府",
        ),
        ("海东市人民政府办公室\n- 1 -\n- 4 -\n2022年", "海东市人民政府办公室"),
        (
            "海东市平安区三合镇人民政府\n4/5\n更多政务资讯请关注本站微信公众号\n2022年",
            "海东市平安区三合镇人民政府",
        ),
    ],
)
def test_agency_name_wrapped_or_interrupted_above_the_title(head, agency):
    text = _layout_text().replace("海东市平安区古城回族乡人民政府\n2022年", head, 1)
    assert read(text).agency == agency


@pytest.mark.parametrize(
    "between", ["分享到:微信 微博 QQ空间", "- 3 -", "更多政务资讯请关注本站微信公众号"]
)
def test_title_broken_by_a_line_put_in_between(between):
    title = "2022年政府信息公开工作年度报告"
    text = _layout_text().replace(
        title, f"2022年政府信息公开工\n{between}\n作年度报告", 1
    )
    report = read(text)
    assert (report.agency, report.year) == ("海东市平安区古城回族乡人民政府", 2022)


@pytest.mark.parametrize(
    "title",
    [
        "2022年政府信息公开工作年度报\n更多政务资讯请关注本站微信公众号\n- 4 -\n告",
        "2022年\n更多政务资讯请关注本站微信公众号\n政府信息公开工作年度报告",
    ],
)
def test_title_broken_by_two_lines_or_after_its_year(title):
    text = _layout_text().replace("2022年政府信息公开工作年度报告", title, 1)
    report = read(text)
    assert (report.agency, report.year) == ("海东市平安区古城回族乡人民政府", 2022)


def test_agency_broken_by_a_notice_is_the_name_the_text_repeats():
    """``海东市生态环`` / a notice in Chinese words only / ``境局``: joined
    from the title alone the notice would be part of the name; the report's
    first sentence names the agency whole."""
    head = "海东市生态环\n更多政务资讯请关注本站微信公众号\n境局\n2022年政府信息公开工作年度报告"
    body = "一、总体情况\n2022年，海东市生态环境局深入贯彻落实《条例》。\n"
    text = _layout_text().replace(
        "海东市平安区古城回族乡人民政府\n2022年政府信息公开工作年度报告",
        head + "\n" + body,
        1,
    )
    assert read(text).agency == "海东市生态环境局"


def test_the_name_of_the_national_format_is_not_a_title():
    """《中华人民共和国政府信息公开工作年度报告格式》 is cited in the first
    lines of most reports; it names no agency."""
    head = "海东市平安区古城回族乡人民政府\n2022年政府信息公开工作年度报告"
    cited = "本报告根据《中华人民共和国政府信息公开工作年度报告格式》要求编制。"
    report = read(_layout_text().replace(head, cited, 1))
    assert report.agency != "中华人民共和国"


def test_the_table_is_found_when_its_first_words_are_broken_over_lines():
    text = re.sub("申请人情况", "申请人\n情况", _layout_text(), count=1)
    text = text.replace("一、本年新收", "一、本年新\n收", 1)
    assert read(text).applications["new"] == [6, 216, 14, 130, 6, 4, 376]
