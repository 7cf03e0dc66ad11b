"""The text reader against the published-report fixtures and small samples."""

import re

import pytest

from gongkai.report.checks import check
from gongkai.report.parse import read, read_detailed
from gongkai.report.parse.digits import split_cells
from tests.report_fixtures import (
    REPORTS,
    expected_canonical,
    fixture_names,
    fixture_text,
)

COMPARED = ("proactive", "applications", "appeals")


def _cells(expected, actual, path=""):
    """Yield ``(path, expected, actual)`` for every non-null expected cell."""
    if expected is None:
        return
    if isinstance(expected, dict):
        for key, value in expected.items():
            yield from _cells(
                value, (actual or {}).get(key), f"{path}.{key}".lstrip(".")
            )
    elif isinstance(expected, list):
        for i, value in enumerate(expected):
            yield from _cells(value, actual[i] if actual else None, f"{path}[{i}]")
    else:
        yield path, expected, actual


def _unreadable_with(findings, path, expected_row):
    """True if a CELL-UNREADABLE finding names ``path`` and lists the
    expected values of its cells among the candidate decodings."""
    for f in findings:
        if f["rule"] == "CELL-UNREADABLE" and path in f["cells"]:
            shown = "/".join(str(expected_row[c]) for c in f["cells"])
            return shown in f["message"]
    return False


@pytest.mark.parametrize("name", fixture_names(with_expected=True))
def test_every_expected_cell_is_read(name):
    expected = expected_canonical(name)
    report = read(fixture_text(name)).to_json()
    assert report["format"] == expected["format"]
    assert report["year"] == expected["year"]
    flat = {p: e for key in COMPARED for p, e, _a in _cells(expected[key], None, key)}
    wrong = []
    for key in COMPARED:
        for path, want, got in _cells(expected[key], report[key], key):
            if got == want:
                continue
            # A digit run with several decodings that obey every rule is left
            # null; the finding must then offer the true value.
            if got is None and _unreadable_with(report["findings"], path, flat):
                continue
            wrong.append((path, want, got))
    assert wrong == []


def _core(agency: str) -> str:
    agency = re.sub(r"[（(\[].*?[）)\]]", "", agency).strip()
    return agency.removesuffix("人民政府")


@pytest.mark.parametrize("name", fixture_names(with_expected=True))
def test_agency_is_the_one_in_the_text_or_none(name):
    expected = _core(expected_canonical(name)["agency"])
    text = fixture_text(name)
    agency = read(text).agency
    if expected in text:
        assert agency is not None and _core(agency) == expected
    else:
        # Not in the excerpt (fixture notes say so): never invent one.
        assert agency is None or agency in text


def test_concatenated_cells_are_decoded_with_the_arithmetic():
    report = read(fixture_text("004"))
    assert report.applications["new"] == [64, 0, 0, 2, 0, 4, 70]
    # 220000325 is 22/0/0/0/0/3/25 or 2/20/0/0/0/3/25 by the row sum; the
    # 商业企业 column sum (total row 0) leaves only the first.
    assert report.applications["unable_1"] == [22, 0, 0, 0, 0, 3, 25]
    assert report.appeals.reconsideration == [1, 0, 2, 0, 3]
    assert report.appeals.litigation_direct == [12, 0, 0, 0, 12]
    assert report.proactive.fees_10k_yuan == 24252.311082


def test_ambiguous_digit_run_is_null_with_its_candidates():
    report = read(fixture_text("004"))
    row = report.proactive.normative_documents
    assert (row.issued, row.repealed, row.in_force) == (None, None, None)
    [finding] = [f for f in report.findings if f.rule == "CELL-UNREADABLE"]
    assert "693665" in finding.message
    for candidate in ("69/3/665", "6/93/665", "6/9/3665"):
        assert candidate in finding.message
    assert finding.cells == [
        "proactive.normative_documents.issued",
        "proactive.normative_documents.repealed",
        "proactive.normative_documents.in_force",
    ]


def test_split_cells_obeys_structure():
    assert split_cells(["640020470"], [(6, True)]) == [(64, 0, 0, 2, 0, 4, 70)]
    assert split_cells(["000"], [(3, False)]) == [(0, 0, 0)]
    assert split_cells(["05"], [(2, False)]) == [(0, 5)]
    assert split_cells(["12"], [(3, False)]) == []
    assert len(split_cells(["220000325"], [(6, True)])) == 2
    assert split_cells(["10203120001200000"], [(4, True)] * 3) == [
        (1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0)
    ]


# --- the seed ---------------------------------------------------------------

SEED = "seed-000_b84d2fa2a12aa177"
TABLE_WORDS = (
    "本年新收",
    "第二十条",
    "结果维持",
    "行政复议",
    "信息内容",
    "自然人",
    "本年度办理结果",
)


def test_seed_has_no_error_findings():
    report = read(fixture_text(SEED))
    errors = [f for f in report.findings + check(report) if f.severity == "error"]
    assert errors == []


def test_seed_narrative_is_clean_and_joined_around_the_table():
    sections = read(fixture_text(SEED)).sections
    for text in (sections.overview, sections.problems, sections.other):
        assert text
        assert not any(word in text for word in TABLE_WORDS)
        assert not re.search(r"^\s*[-—]?\s*\d+\s*[-—]?\s*$", text, re.M)
        assert " 0 0 " not in text
    problems = sections.problems
    # Section 五 runs before and after the interleaved table 四, and the
    # word broken by it (互联 / 网) is whole again.
    assert problems.startswith("（一）存在的主要问题")
    assert "适应互联网发展形势" in problems
    assert problems.rstrip().endswith("公开热点信息。")
    # PDF line breaks inside paragraphs are joined: few, long paragraphs.
    assert problems.count("\n") <= 2
    assert sections.other == "没有其他需要报告的事项"


def test_seed_labels_that_differ_are_named_with_both_texts():
    findings = [f for f in read(fixture_text(SEED)).findings if f.rule == "LABELS"]
    messages = " ".join(f.message for f in findings)
    assert "“规范性文件”" in messages and "“行政规范性文件”" in messages
    assert "四、结转下年继续办理" in messages and "四、结转下年度继续办理" in messages
    assert all(f.severity == "info" for f in findings)


def test_provenance_names_the_line_each_value_was_read_from():
    text = fixture_text(SEED)
    result = read_detailed(text)
    lines = text.split("\n")
    assert result.provenance
    for path, where in result.provenance.items():
        number = int(re.fullmatch(r"第 (\d+) 行", where).group(1))
        value = result.report.cell(path)
        assert value is None or str(value) in lines[number - 1], (path, where)
    new_line = lines[int(result.provenance["applications.new[0]"][2:-2]) - 1]
    assert new_line.startswith("一、本年新收")


def test_detected_kind_format_sections():
    result = read_detailed(fixture_text(SEED))
    assert (result.kind, result.format, result.year) == ("text", "2021", 2023)
    assert result.sections == (1, 2, 3, 4, 5, 6)
    assert result.tables == (2, 3, 4)
    assert result.agency == "海东市平安区古城回族乡"


# --- fixtures without expected values ---------------------------------------


def _header(name: str) -> str:
    return (REPORTS / f"{name}.txt").read_text(encoding="utf-8").split("\n\n", 1)[0]


@pytest.mark.parametrize("name", fixture_names(with_expected=False))
def test_partial_fixtures_report_what_is_missing(name):
    result = read_detailed(fixture_text(name))
    rules = [f.rule for f in result.report.findings]
    for number, key in ((2, "proactive"), (3, "applications"), (4, "appeals")):
        if number not in result.tables:
            assert any(
                f.rule == "TABLE-MISSING" and f.cells == [key]
                for f in result.report.findings
            )
    if "partial: yes" in _header(name):
        assert "TABLE-MISSING" in rules


def test_headings_without_tables_are_three_missing_tables():
    report = read(fixture_text("017"))
    missing = [f.cells for f in report.findings if f.rule == "TABLE-MISSING"]
    assert missing == [["proactive"], ["applications"], ["appeals"]]
    assert report.sections.overview.startswith("(一)主动公开情况")
    assert report.sections.problems.startswith("(一)存在的主要问题")


def test_traditional_mirror_copy_with_pinyin_reads_simplified():
    result = read_detailed(fixture_text("019"))
    report = result.report
    assert result.agency == "拖市镇" and result.year == 2020 and result.format == "2019"
    docs = report.proactive.normative_documents
    assert (docs.made, docs.published, docs.total_public) == (34, 4, 47)
    assert (
        "(zhèn)" not in report.sections.overview
        and "鎮" not in report.sections.overview
    )
    labels = [f.message for f in report.findings if f.rule == "LABELS"]
    assert any("规章(设区的市" in m for m in labels)


def test_injected_junk_is_removed():
    result = read_detailed(fixture_text("012"))
    assert result.agency == "西柳镇人民政府"
    assert "uedbet" not in result.report.sections.overview
    assert result.report.proactive.normative_documents.in_force == 32


def test_2023_report_on_the_2019_table_is_read_as_2019():
    result = read_detailed(fixture_text("011"))
    assert (result.format, result.year) == ("2019", 2023)
    assert result.report.proactive.fees.previous == 2
    assert result.report.proactive.procurement.amount == "0"


def test_cells_dropped_in_extraction_are_not_guessed():
    report = read(fixture_text("053"))
    row = report.proactive.regulations
    assert (row.made, row.published, row.total_public) == (None, None, None)
    finding = next(
        f for f in report.findings if "proactive.regulations.made" in f.cells
    )
    assert finding.rule == "CELL-UNREADABLE" and "只有 1 个数值" in finding.message


# --- small samples ------------------------------------------------------------

SAMPLE_2019 = """\
某某县某某局2020年政府信息公开工作年度报告
一、总体情况
全年主动公开信息十条。
二、主动公开政府信息情况
第二十条第（一）项
信息内容 本年新制作数量 本年新公开数量 对外公开总数量
规章 0 0 0
规范性文件 ３ ３ １２
第二十条第（五）项
信息内容 上一年项目数量 本年增/减 处理决定数量
行政许可 40 -8 1,234
其他对外管理服务事项 0 0 0
"""


def test_full_width_digits_negative_change_and_thousands():
    result = read_detailed(SAMPLE_2019)
    p = result.report.proactive
    assert result.format == "2019" and result.agency == "某某县某某局"
    assert (p.normative_documents.made, p.normative_documents.total_public) == (3, 12)
    assert (p.licensing.previous, p.licensing.change, p.licensing.decisions) == (
        40,
        -8,
        1234,
    )


def test_table_whose_first_header_words_are_broken_by_lines_put_in_between():
    """``第二十`` / a page number / ``条第（一）项`` and ``信息内`` / a notice /
    ``容``: the table still starts at its first part, not at 第二十条第（五）项."""
    text = SAMPLE_2019.replace(
        "第二十条第（一）项\n信息内容",
        "第二十\n- 5 -\n条第（一）项\n信息内\n分享到：微信 微博\n容",
        1,
    )
    p = read(text).proactive
    assert (p.regulations.made, p.normative_documents.total_public) == (0, 12)
    assert p.licensing.decisions == 1234


def test_read_accepts_path_bytes_and_gb18030(tmp_path):
    text = fixture_text(SEED)
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode("gb18030"))
    for source in (path, str(path), text.encode("utf-8"), text.encode("gb18030")):
        assert read(source).applications == read(text).applications


def test_headings_listed_in_the_preamble_are_not_taken_for_sections():
    preamble = (
        "本报告包括一、总体情况，二、主动公开政府信息情况，三、收到和处理政府信息公开申请情况，"
        "四、政府信息公开行政复议、行政诉讼情况，五、存在的主要问题及改进情况，六、其他需要报告的事项。\n"
    )
    result = read_detailed(preamble + fixture_text(SEED))
    assert result.tables == (2, 3, 4)
    assert result.report.to_json() | {"findings": []} == read(
        fixture_text(SEED)
    ).to_json() | {"findings": []}


def _seed_with(old: str, new: str) -> str:
    text = fixture_text(SEED)
    assert old in text
    return text.replace(old, new)


ROW_NEW = "一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0"


def test_extra_number_after_a_consistent_row_is_left_unread_with_a_warning():
    report = read(
        _seed_with(ROW_NEW, "一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1 9")
    )
    assert report.applications["new"] == [1, 0, 0, 0, 0, 0, 1]
    [finding] = [f for f in report.findings if f.rule == "CELL-UNREADABLE"]
    assert "“9”" in finding.message and finding.severity == "warning"


def test_extra_number_that_breaks_the_row_sum_makes_the_row_unreadable():
    report = read(
        _seed_with(ROW_NEW, "一、本年新收政府信息公开申请数量 1 2 0 0 0 0 1 9")
    )
    assert report.applications["new"] == [None] * 7
    assert any("多于 7 列" in f.message for f in report.findings)


def test_garbled_cell_is_null_with_the_reason():
    report = read(
        _seed_with(ROW_NEW, "一、本年新收政府信息公开申请数量 1?3 0 0 0 0 0 13")
    )
    assert report.applications["new"] == [None, 0, 0, 0, 0, 0, 13]
    finding = next(f for f in report.findings if f.rule == "CELL-UNREADABLE")
    assert "乱码" in finding.message and finding.cells == ["applications.new[0]"]


def test_numbers_in_prose_are_not_cells():
    text = (
        "某某乡2023年政府信息公开工作年度报告\n一、总体情况\n全年公开信息 30 条。\n"
        "四、政府信息公开行政复议、行政诉讼情况\n全年发生行政复议 2 起，行政诉讼 1 起，均已审结。\n"
        "五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n"
    )
    report = read(text)
    assert report.appeals.reconsideration == [None] * 5
    assert any(
        f.rule == "TABLE-MISSING" and f.cells == ["appeals"] for f in report.findings
    )
    assert report.sections.overview == "全年公开信息 30 条。"


@pytest.mark.parametrize(
    "page_number", ["-3-", "— 3 —", "－ 3 －", "第 3 页", "第3页 共7页", "3"]
)
def test_page_numbers_are_dropped_from_the_narrative(page_number):
    old = "重视程度不够，主动满足群众公开需要的意愿不足、发布信息"
    report = read(_seed_with(old, f"{page_number}\n\n{old}"))
    assert report.sections.problems == read(fixture_text(SEED)).sections.problems
