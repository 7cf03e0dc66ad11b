"""Each rule of ``check`` on small hand-made reports: one passing case, one
failing case at least, and the wording of the messages."""

import pytest

from gongkai.report import AnnualReport, Finding, empty_report
from gongkai.report.checks import CHECKED_RULES, LEVELS, RULES, check
from tests.report.strategies import replace_cells

CATALOGUE = (
    "T3-BALANCE T3-TOTAL T3-ROWSUM T4-TOTAL NONNEG CELL-BLANK CELL-UNREADABLE "
    "TABLE-MISSING SECTIONS LABELS FORMAT-YEAR X-CARRY X-INFORCE NARRATIVE LEVEL "
    "ROLLUP"
).split()


def consistent_report(format: str = "2021", year: int = 2023) -> AnnualReport:
    """A small report satisfying every rule.

    自然人: 10 new + 1 carried over = 9 concluded (6 disclosed, 3 not held) + 2
    carried forward; 商业企业 2 = 2 (1 + 1); 法律服务机构 1 = 1 (1 disclosed).
    """
    data = empty_report(format, year, "某某县人民政府", fill=0).to_json()
    data["applications"].update(
        new=[10, 2, 0, 0, 1, 0, 13],
        carried_over=[1, 0, 0, 0, 0, 0, 1],
        disclosed=[6, 1, 0, 0, 1, 0, 8],
        unable_1=[3, 1, 0, 0, 0, 0, 4],
        total=[9, 2, 0, 0, 1, 0, 12],
        carried_forward=[2, 0, 0, 0, 0, 0, 2],
    )
    data["appeals"]["reconsideration"] = [1, 1, 0, 1, 3]
    data["sections"] = {"overview": "总体情况。", "problems": "问题。", "other": "无。"}
    if format == "2021":
        data["proactive"]["normative_documents"] = {
            "issued": 5,
            "repealed": 2,
            "in_force": 30,
        }
    return AnnualReport.from_json(data)


def only(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == "error"]


@pytest.mark.parametrize("format", ["2021", "2019"])
def test_a_consistent_report_has_no_findings(format):
    year = 2023 if format == "2021" else 2020
    assert check(consistent_report(format, year)) == []


# --- the catalogue -----------------------------------------------------------


def test_rules_cover_the_whole_catalogue_with_chinese_descriptions():
    assert sorted(RULES) == sorted(CATALOGUE)
    for rule in RULES.values():
        assert rule.severity in ("error", "warning", "info")
        assert any("\u4e00" <= ch <= "\u9fff" for ch in rule.description)
    assert set(CHECKED_RULES) == set(CATALOGUE) - {
        "CELL-UNREADABLE",
        "LABELS",
        "ROLLUP",
    }


def test_levels_name_the_six_agency_levels_in_chinese():
    assert LEVELS == {
        "national_department": "国务院部门",
        "province": "省级政府",
        "city": "设区的市级政府",
        "county": "县级政府",
        "township": "乡镇（街道）",
        "department": "政府部门",
    }


def test_unknown_level_is_refused():
    with pytest.raises(ValueError, match="未知的机关层级"):
        check(consistent_report(), level="village")


def test_parser_findings_are_not_repeated():
    report = consistent_report()
    report.findings.append(Finding(rule="LABELS", severity="info", message="标签不同"))
    assert check(report) == []


# --- T3-BALANCE --------------------------------------------------------------


def test_balance_error_names_the_four_cells_and_shows_both_sums():
    report = replace_cells(
        consistent_report(),
        {"applications.new[0]": 11, "applications.new[6]": 14},
    )
    found = only(check(report), "T3-BALANCE")
    assert [f.cells for f in found] == [
        [
            f"applications.{key}[{column}]"
            for key in ("new", "carried_over", "total", "carried_forward")
        ]
        for column in (0, 6)
    ]
    first = found[0]
    assert first.severity == "error"
    assert first.message.startswith("勾稽关系不成立")
    assert "自然人列" in first.message
    assert (
        "一、本年新收政府信息公开申请数量 11 + 二、上年结转政府信息公开申请数量 1 = 12"
        in first.message
    )
    assert (
        "三、本年度办理结果（七）总计 9 + 四、结转下年度继续办理 2 = 11"
        in first.message
    )
    assert "空白" not in first.message
    assert errors(check(report)) == found


def test_balance_reads_a_blank_as_zero_and_says_so():
    report = replace_cells(
        consistent_report(), {"applications.carried_forward[0]": None}
    )
    (found,) = only(check(report), "T3-BALANCE")
    assert found.cells[3] == "applications.carried_forward[0]"
    assert "结转下年度继续办理 0 = 9" in found.message
    assert "空白按 0 计" in found.message


# --- T3-TOTAL ----------------------------------------------------------------


def test_column_total_error_names_every_outcome_cell_of_the_column():
    # One more 予以公开 for a natural person, in the row and its 总计.
    report = replace_cells(
        consistent_report(),
        {"applications.disclosed[0]": 7, "applications.disclosed[6]": 9},
    )
    findings = check(report)
    found = only(findings, "T3-TOTAL")
    assert errors(findings) == found
    assert len(found) == 2
    natural, total = found
    assert "applications.disclosed[0]" in natural.cells
    assert "applications.withheld_8[0]" in natural.cells
    assert natural.cells[-1] == "applications.total[0]"
    assert len(natural.cells) == 22  # 21 outcome rows and （七）总计
    assert "自然人列" in natural.message
    assert "（七）总计为 9" in natural.message
    assert "7 + 3 = 10" in natural.message
    assert "总计列" in total.message and "9 + 4 = 13" in total.message


def test_column_total_counts_the_single_other_row_of_the_2019_format():
    report = replace_cells(
        consistent_report("2019", 2020),
        {"applications.other": [1, 0, 0, 0, 0, 0, 1]},
    )
    found = only(check(report), "T3-TOTAL")
    assert {f.cells[-1] for f in found} == {
        "applications.total[0]",
        "applications.total[6]",
    }
    assert "applications.other[0]" in found[0].cells


# --- T3-ROWSUM ---------------------------------------------------------------


def test_row_sum_error_shows_the_applicant_columns():
    report = replace_cells(consistent_report(), {"applications.disclosed[6]": 9})
    (found,) = only(check(report), "T3-ROWSUM")
    assert found.severity == "error"
    assert found.cells == [f"applications.disclosed[{i}]" for i in range(7)]
    assert found.message == (
        "行合计不符：（一）予以公开行：自然人 6 + 商业企业 1 + 法律服务机构 1 = 8，"
        "而总计为 9"
    )


def test_blank_total_facing_nonzero_parts_is_a_warning_not_an_error():
    report = replace_cells(consistent_report(), {"applications.disclosed[6]": None})
    findings = check(report)
    (found,) = only(findings, "T3-ROWSUM")
    assert found.severity == "warning"
    assert "总计单元格空白" in found.message and "总计应为 8" in found.message
    # The column arithmetic reads the blank 总计 as 8: no contradiction.
    assert errors(findings) == []
    # The cell is reported as missing, not as a blank read as 0.
    assert only(findings, "CELL-BLANK") == []


def test_blank_total_of_an_empty_row_is_only_a_blank_cell():
    report = replace_cells(consistent_report(), {"applications.withheld_2[6]": None})
    findings = check(report)
    assert [f.rule for f in findings] == ["CELL-BLANK"]
    assert findings[0].cells == ["applications.withheld_2[6]"]


def test_blank_parts_read_as_zero_against_a_printed_total():
    report = replace_cells(consistent_report(), {"applications.disclosed[1]": None})
    (found,) = only(check(report), "T3-ROWSUM")
    assert found.severity == "error"
    assert found.message.endswith("而总计为 8（空白按 0 计）")


# --- T4-TOTAL ----------------------------------------------------------------


def test_appeal_total_error_names_the_group_cells():
    report = replace_cells(consistent_report(), {"appeals.reconsideration[4]": 4})
    (found,) = check(report)
    assert found.rule == "T4-TOTAL" and found.severity == "error"
    assert found.cells == [f"appeals.reconsideration[{i}]" for i in range(5)]
    assert found.message == (
        "复议诉讼总计不符：行政复议：结果维持 1 + 结果纠正 1 + 尚未审结 1 = 3，而总计为 4"
    )


def test_appeal_total_of_a_litigation_group_names_the_litigation_header():
    report = replace_cells(consistent_report(), {"appeals.litigation_direct[0]": 2})
    (found,) = check(report)
    assert found.message.startswith("复议诉讼总计不符：行政诉讼（未经复议直接起诉）：")


def test_blank_appeal_total_is_a_warning():
    report = replace_cells(consistent_report(), {"appeals.reconsideration[4]": None})
    (found,) = check(report)
    assert (found.rule, found.severity) == ("T4-TOTAL", "warning")
    assert "总计应为 3" in found.message


# --- NONNEG ------------------------------------------------------------------


def test_negative_count_in_table_three_is_an_error_on_that_cell():
    report = replace_cells(consistent_report(), {"applications.unable_3[2]": -1})
    (found,) = only(check(report), "NONNEG")
    assert found.severity == "error"
    assert found.cells == ["applications.unable_3[2]"]
    assert "（四）无法提供 3.补正后申请内容仍不明确行科研机构列为 -1" in found.message


def test_negative_count_in_table_four_balanced_by_its_total_is_still_an_error():
    report = replace_cells(
        consistent_report(), {"appeals.reconsideration": [2, -1, 0, 1, 2]}
    )
    findings = check(report)
    assert [(f.rule, f.cells) for f in findings] == [
        ("NONNEG", ["appeals.reconsideration[1]"])
    ]


def test_negative_proactive_count_is_an_error():
    report = replace_cells(consistent_report(), {"proactive.licensing": -5})
    (found,) = check(report)
    assert (found.rule, found.cells) == ("NONNEG", ["proactive.licensing"])
    assert "行政许可" in found.message and "-5" in found.message


def test_the_2019_change_column_may_be_negative():
    report = replace_cells(
        consistent_report("2019", 2020),
        {"proactive.licensing": {"previous": 20, "change": -8, "decisions": 3}},
    )
    assert check(report) == []
    report = replace_cells(report, {"proactive.licensing.previous": -1})
    (found,) = check(report)
    assert (found.rule, found.cells) == ("NONNEG", ["proactive.licensing.previous"])


# --- CELL-BLANK --------------------------------------------------------------


def test_blank_cells_of_a_row_make_one_info_finding():
    report = replace_cells(
        consistent_report(),
        {f"applications.carried_over[{i}]": None for i in (1, 2, 3)},
    )
    findings = check(report)
    assert [(f.rule, f.severity) for f in findings] == [("CELL-BLANK", "info")]
    assert findings[0].cells == [f"applications.carried_over[{i}]" for i in (1, 2, 3)]
    assert findings[0].message == (
        "空白单元格：二、上年结转政府信息公开申请数量行的商业企业、科研机构、"
        "社会公益组织空白，按 0 计"
    )


def test_a_blank_row_between_printed_rows_is_blank_not_missing():
    report = replace_cells(consistent_report(), {"applications.withheld_3": [None] * 7})
    (found,) = check(report)
    assert found.rule == "CELL-BLANK"
    assert "整行空白" in found.message and len(found.cells) == 7


def test_blank_cells_of_sections_two_and_four():
    report = replace_cells(
        consistent_report(),
        {
            "proactive.penalty": None,
            "proactive.regulations.repealed": None,
            "appeals.litigation_direct[2]": None,
        },
    )
    findings = check(report)
    assert {f.rule for f in findings} == {"CELL-BLANK"}
    assert [f.cells for f in findings] == [
        ["proactive.regulations.repealed"],
        ["proactive.penalty"],
        ["appeals.litigation_direct[2]"],
    ]


# --- TABLE-MISSING -----------------------------------------------------------


def test_an_absent_table_three_is_one_warning_and_no_arithmetic():
    report = consistent_report()
    report = replace_cells(
        report, {f"applications.{k}": [None] * 7 for k in report.applications}
    )
    findings = check(report)
    assert [(f.rule, f.severity) for f in findings] == [("TABLE-MISSING", "warning")]
    assert "三、收到和处理政府信息公开申请情况" in findings[0].message


def test_rows_cut_off_at_the_end_are_missing_and_skip_the_column_checks():
    report = consistent_report()
    keys = list(report.applications)
    cut = keys[keys.index("withheld_7") :]
    report = replace_cells(report, {f"applications.{k}": [None] * 7 for k in cut})
    findings = check(report)
    assert [f.rule for f in findings] == ["TABLE-MISSING"]
    assert "缺少最后 15 行" in findings[0].message
    assert "（三）不予公开 7.属于行政执法案卷" in findings[0].message
    assert "applications.carried_forward[6]" in findings[0].cells
    assert "applications.withheld_6[0]" not in findings[0].cells


def test_a_blank_last_row_after_a_printed_total_is_read_as_zero():
    report = replace_cells(
        consistent_report(), {"applications.carried_forward": [None] * 7}
    )
    findings = check(report)
    assert "TABLE-MISSING" not in {f.rule for f in findings}
    balance = only(findings, "T3-BALANCE")
    assert [f.cells[0] for f in balance] == [
        "applications.new[0]",
        "applications.new[6]",
    ]


def test_absent_tables_two_and_four_are_warnings():
    report = consistent_report()
    proactive = {
        "regulations": {"issued": None, "repealed": None, "in_force": None},
        "normative_documents": {"issued": None, "repealed": None, "in_force": None},
        "licensing": None,
        "penalty": None,
        "enforcement": None,
        "fees_10k_yuan": None,
    }
    appeals = {f"appeals.{k}": [None] * 5 for k in report.appeals.model_dump()}
    report = replace_cells(report, {"proactive": proactive, **appeals})
    findings = check(report)
    assert [(f.rule, f.severity) for f in findings] == [
        ("TABLE-MISSING", "warning")
    ] * 2
    assert "二、主动公开政府信息情况" in findings[0].message
    assert "四、政府信息公开行政复议、行政诉讼情况" in findings[1].message


# --- SECTIONS ----------------------------------------------------------------


def test_empty_narrative_sections_are_warnings():
    report = replace_cells(
        consistent_report(), {"sections.overview": None, "sections.other": " \n"}
    )
    findings = check(report)
    assert [(f.rule, f.severity, f.cells) for f in findings] == [
        ("SECTIONS", "warning", ["sections.overview"]),
        ("SECTIONS", "warning", ["sections.other"]),
    ]
    assert "“一、总体情况”" in findings[0].message
    assert "“六、其他需要报告的事项”" in findings[1].message


# --- FORMAT-YEAR -------------------------------------------------------------


@pytest.mark.parametrize(
    ("format", "year", "expected"),
    [
        ("2021", 2021, 0),
        ("2019", 2020, 0),
        ("2019", 2021, 1),
        ("2021", 2020, 1),
        ("2021", None, 0),
    ],
)
def test_format_must_match_the_year(format, year, expected):
    findings = check(consistent_report(format, year))
    assert [f.rule for f in findings] == ["FORMAT-YEAR"] * expected


def test_format_year_message_names_both_formats():
    (found,) = check(consistent_report("2019", 2022))
    assert found.severity == "warning"
    assert (
        "2022 年度报告应使用中华人民共和国政府信息公开工作年度报告格式（国办公开办函〔2021〕30号）"
        in found.message
    )
    assert "国办公开办函〔2019〕60号" in found.message


# --- LEVEL -------------------------------------------------------------------


@pytest.mark.parametrize("level", ["township", "county", "department"])
def test_agencies_that_make_no_rules_reporting_rules_get_a_warning(level):
    report = replace_cells(consistent_report(), {"proactive.regulations.in_force": 4})
    (found,) = check(report, level=level)
    assert (found.rule, found.severity) == ("LEVEL", "warning")
    assert found.cells == ["proactive.regulations.in_force"]
    assert LEVELS[level] in found.message
    assert "《中华人民共和国立法法》第九十一条、第九十三条" in found.message
    assert "现行有效件数 4" in found.message


@pytest.mark.parametrize("level", ["national_department", "province", "city", None])
def test_rule_making_agencies_may_report_rules(level):
    report = replace_cells(consistent_report(), {"proactive.regulations.in_force": 4})
    assert check(report, level=level) == []


def test_level_names_every_nonzero_rule_cell_in_the_2019_format():
    report = replace_cells(
        consistent_report("2019", 2020),
        {"proactive.regulations": {"made": 2, "published": 2, "total_public": 0}},
    )
    (found,) = check(report, level="township")
    assert found.cells == [
        "proactive.regulations.made",
        "proactive.regulations.published",
    ]


def test_a_township_without_rules_is_silent():
    assert check(consistent_report(), level="township") == []


# --- X-CARRY and X-INFORCE -----------------------------------------------------


def next_year(previous: AnnualReport, **changes) -> AnnualReport:
    """The report on the year after ``previous``, following on from it."""
    carried = previous.applications["carried_forward"]
    report = consistent_report(year=previous.year + 1)
    docs = previous.proactive.normative_documents
    return replace_cells(
        report,
        {
            "applications.carried_over": carried,
            "applications.new": [9, 2, 0, 0, 1, 0, 12],
            "proactive.normative_documents": {
                "issued": 3,
                "repealed": 1,
                "in_force": docs.in_force + 2,
            },
            **changes,
        },
    )


def test_consecutive_reports_that_follow_on_are_silent():
    previous = consistent_report(year=2022)
    assert check(next_year(previous), previous) == []


def test_carried_over_differing_from_last_years_carried_forward_is_an_error():
    previous = consistent_report(year=2022)
    # One more natural person carried over and one fewer new: the table of
    # 2023 still balances, but does not follow on from 2022.
    report = next_year(
        previous,
        **{
            "applications.carried_over": [3, 0, 0, 0, 0, 0, 3],
            "applications.new": [8, 2, 0, 0, 1, 0, 11],
        },
    )
    findings = check(report, previous)
    assert errors(findings) == only(findings, "X-CARRY")
    natural, total = only(findings, "X-CARRY")
    assert natural.severity == "error"
    assert natural.cells == ["applications.carried_over[0]"]
    assert total.cells == ["applications.carried_over[6]"]
    assert natural.message == (
        "跨年度结转不符：自然人列：本年“二、上年结转政府信息公开申请数量”为 3，"
        "而 2022 年度报告“四、结转下年度继续办理”为 2"
    )


def test_a_previous_report_that_is_not_last_year_is_a_pairing_warning():
    previous = consistent_report(year=2021)
    # Carried-over counts that do not follow on are not compared either.
    report = next_year(
        previous,
        **{
            "year": 2023,
            "applications.carried_over": [7, 0, 0, 0, 0, 0, 7],
            "applications.new": [4, 2, 0, 0, 1, 0, 7],
        },
    )
    findings = check(report, previous)
    assert [(f.rule, f.severity) for f in findings] == [("X-CARRY", "warning")]
    assert "本报告：2023 年度；所给上年报告：2021 年度" in findings[0].message


def test_a_report_without_a_year_cannot_be_paired():
    previous = consistent_report(year=2022)
    report = next_year(previous, year=None)
    (found,) = check(report, previous)
    assert (found.rule, found.severity) == ("X-CARRY", "warning")
    assert "本报告：年份不明；所给上年报告：2022 年度" in found.message


def test_carry_is_not_compared_when_last_years_table_is_cut_off():
    previous = consistent_report(year=2022)
    keys = list(previous.applications)
    cut = keys[keys.index("total") :]
    truncated = replace_cells(previous, {f"applications.{k}": [None] * 7 for k in cut})
    report = replace_cells(next_year(previous), {"applications.carried_over[0]": 5})
    assert only(check(report, truncated), "X-CARRY") == []


def test_in_force_not_following_on_is_a_warning():
    previous = consistent_report(year=2022)
    report = next_year(previous)
    report = replace_cells(report, {"proactive.normative_documents.in_force": 40})
    (found,) = check(report, previous)
    assert (found.rule, found.severity) == ("X-INFORCE", "warning")
    assert found.cells == [
        "proactive.normative_documents.issued",
        "proactive.normative_documents.repealed",
        "proactive.normative_documents.in_force",
    ]
    assert found.message == (
        "现行有效件数不衔接：行政规范性文件：2022 年度现行有效件数 30 + 本年制发件数 3"
        " − 本年废止件数 1 = 32，而本年现行有效件数为 40"
    )


def test_in_force_is_not_compared_across_the_2019_format():
    previous = consistent_report("2019", 2020)
    report = consistent_report("2021", 2021)
    report = replace_cells(
        report, {"applications.carried_over": previous.applications["carried_forward"]}
    )
    report = replace_cells(report, {"applications.new": [9, 2, 0, 0, 1, 0, 12]})
    assert check(report, previous) == []
