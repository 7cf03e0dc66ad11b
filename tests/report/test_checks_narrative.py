import pytest

from gongkai.report import AnnualReport, empty_report
from gongkai.report.checks import check
from gongkai.report.checks.narrative import chinese_number
from tests.report_fixtures import expected_canonical, fixture_text

SHANGHAI_SUMMARY = next(
    line
    for line in fixture_text("001").splitlines()
    if "受理政府信息公开申请859件" in line
)


def narrative_findings(report: AnnualReport) -> list:
    return [f for f in check(report) if f.rule == "NARRATIVE"]


def with_overview(data: dict, text: str) -> AnnualReport:
    data["sections"]["overview"] = text
    return AnnualReport.from_json(data)


def test_shanghai_summary_contradicts_its_tables_where_the_notes_say():
    report = with_overview(expected_canonical("001"), SHANGHAI_SUMMARY)
    messages = [f.message for f in narrative_findings(report)]
    # 258 is only the 自然人 cell of 予以公开; the table gives 272 + 3 = 275.
    assert any("予以公开及部分公开258件" in m and "275" in m for m in messages)
    # 无法提供 265 equals row （四）1 only; all three rows give 337.
    assert any("无法提供265件" in m and "337" in m for m in messages)
    # "均获维持" while table 四 has 2 复议 and 1 诉讼 尚未审结.
    assert any("行政复议“均获维持”" in m and "尚未审结 2" in m for m in messages)
    assert any("行政诉讼“均获维持”" in m and "尚未审结 1" in m for m in messages)
    assert len(messages) == 4


def test_statements_that_agree_with_the_tables_give_no_finding():
    data = expected_canonical("001")
    text = (
        "共受理政府信息公开申请859件，答复政府信息公开申请805件（含上年度结转申请18件，"
        "另有72件申请顺延到下年度答复）。不予公开35件，不予处理158件，其他处理0件。"
        "行政复议7件，诉讼9件。"
    )
    assert narrative_findings(with_overview(data, text)) == []


def test_a_stated_count_names_the_table_cell():
    data = empty_report(year=2023, agency="某乡").to_json()
    data["applications"]["new"] = [2, 0, 0, 0, 0, 0, 2]
    data["applications"]["disclosed"] = [2, 0, 0, 0, 0, 0, 2]
    data["applications"]["total"] = [2, 0, 0, 0, 0, 0, 2]
    [found] = narrative_findings(
        with_overview(data, "本年度共收到政府信息公开申请3件。")
    )
    assert found.severity == "warning"
    assert found.cells == ["applications.new[6]", "sections.overview"]
    assert "为 2" in found.message


def test_chinese_numerals_are_read():
    data = empty_report(year=2023).to_json()
    found = narrative_findings(with_overview(data, "全年收到申请三件。"))
    assert len(found) == 1 and "三件" in found[0].message


def test_numbers_about_other_things_are_ignored():
    data = empty_report(year=2023).to_json()
    text = "主动公开规章13件，政策解读132件，回应关切60次，公报24期。"
    assert narrative_findings(with_overview(data, text)) == []


def test_the_seed_narrative_agrees_with_its_tables():
    import json
    from importlib import resources

    seed = resources.files("gongkai.annual_reports").joinpath("data", "seed-2023.json")
    report = AnnualReport.from_json(json.loads(seed.read_text("utf-8")))
    assert narrative_findings(report) == []


@pytest.mark.parametrize(
    "text,value",
    [
        ("859", 859),
        ("三", 3),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("一百零五", 105),
        ("两", 2),
    ],
)
def test_chinese_number(text, value):
    assert chinese_number(text) == value
