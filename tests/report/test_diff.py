import json

from gongkai.report import AnnualReport, empty_report
from gongkai.report.diff import diff, format_html, format_text

OVERVIEW_2022 = (
    "2022年，我乡全面贯彻落实《中华人民共和国政府信息公开条例》要求，认真做好政府信息公开工作。"
    "全年主动公开政府信息80条。一是加强组织领导；二是加大主动公开力度。"
)


def report(year: int, overview: str | None, new: int = 0) -> AnnualReport:
    data = empty_report(year=year, agency="某乡").to_json()
    for row in ("new", "disclosed", "total"):
        data["applications"][row] = [new, 0, 0, 0, 0, 0, new]
    data["sections"] = {"overview": overview, "problems": None, "other": None}
    return AnnualReport.from_json(data)


def test_changed_cells_are_listed_with_their_delta():
    result = diff(report(2022, None, new=2), report(2023, None, new=5))
    changed = {c.path: c.delta for c in result.changes}
    assert changed == {
        "applications.new[0]": 3,
        "applications.new[6]": 3,
        "applications.disclosed[0]": 3,
        "applications.disclosed[6]": 3,
        "applications.total[0]": 3,
        "applications.total[6]": 3,
    }


def test_a_copied_narrative_counts_as_repeated_even_with_new_figures():
    copied = OVERVIEW_2022.replace("2022", "2023").replace("80", "89")
    result = diff(report(2022, OVERVIEW_2022), report(2023, copied))
    assert result.repeated_share == 1.0
    # Four sentences: 。 and ； both end one.
    assert result.repetition[0].repeated == result.repetition[0].sentences == 4


def test_a_rewritten_narrative_is_not_repeated():
    fresh = "本年度依申请公开工作规范有序。政务新媒体账号全部按期更新，回应群众关切六十余次。"
    result = diff(report(2022, OVERVIEW_2022), report(2023, fresh))
    assert result.repeated_share == 0.0


def test_outputs_name_both_reports():
    result = diff(report(2022, OVERVIEW_2022), report(2023, OVERVIEW_2022, new=1))
    assert "某乡 2022 → 某乡 2023" in format_text(result)
    assert "<h1>某乡 2022 → 某乡 2023</h1>" in format_html(result)
    data = json.loads(json.dumps(result.to_json()))
    assert data["narrative"]["repeated_share"] == 1.0


def test_reports_of_different_formats_compare_their_common_cells():
    result = diff(empty_report("2019", 2020), empty_report("2021", 2021, fill=1))
    assert result.format_changed
    assert all(not c.path.startswith("proactive") for c in result.changes)
    assert any(c.path == "applications.total[6]" for c in result.changes)
