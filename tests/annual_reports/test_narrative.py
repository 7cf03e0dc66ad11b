"""Sections 一、五、六: required sub-topics (R63), the completeness check and
the sentences repeated from last year (内容雷同)."""

from gongkai.annual_reports import narrative
from gongkai.annual_reports.demo import seed_report
from gongkai.report import empty_report
from gongkai.report.model import Sections


def _report(year, **sections):
    report = empty_report("2021", year=year, agency="某乡")
    return report.model_copy(update={"sections": Sections(**sections)})


def test_the_seed_text_misses_some_sub_topics_of_the_format():
    states = narrative.completeness(seed_report().sections, government=True)
    overview, problems, other = states

    assert overview.missing == [
        "政府信息管理",
        "监督保障",
        "工作考核、社会评议和责任追究结果情况",
    ]
    assert problems.complete
    assert other.missing == ["收取信息处理费的情况"]


def test_a_department_is_not_asked_for_the_governments_supervision_items():
    text = "主动公开……依申请公开……政府信息管理……平台建设……监督保障……"
    overview = narrative.completeness(Sections(overview=text), government=False)[0]

    assert overview.complete
    government = narrative.completeness(Sections(overview=text), government=True)[0]
    assert government.missing == ["工作考核、社会评议和责任追究结果情况"]


def test_empty_sections_one_and_five_are_errors_and_six_may_stay_empty():
    findings = narrative.completeness_findings(
        narrative.completeness(Sections(), government=False)
    )

    assert [(f.severity, f.message) for f in findings] == [
        ("error", "一、总体情况尚未填写"),
        ("error", "五、存在的主要问题及改进情况尚未填写"),
    ]


def test_the_template_lists_the_sub_topics_and_its_placeholders_are_flagged():
    template = narrative.template("overview")
    assert template.splitlines()[:2] == ["（一）主动公开", narrative.PLACEHOLDER]
    assert "（五）监督保障" in template

    states = narrative.completeness(Sections(overview=template), government=False)
    findings = narrative.completeness_findings(states)
    assert findings[0].severity == "warning"
    assert findings[0].message == "一、总体情况：仍有 5 处“（请填写）”"


def test_inserting_a_paragraph_keeps_the_text_before_it():
    assert narrative.append_paragraph("", "新句。") == "新句。"
    assert narrative.append_paragraph("第一段。\n\n", "新句。") == "第一段。\n新句。"


def test_sentences_repeated_from_last_year_are_marked():
    old = _report(2022, problems="一是主动公开的意识还不够强。二是政策解读形式单一。")
    new = _report(
        2023,
        problems="一是主动公开的意识还不够强。二是村级公开栏更新不及时，群众反映较多。",
    )

    sections = narrative.repetition(old, new)
    problems = sections[1]

    assert [(p.text, p.repeated) for p in problems.paragraphs[0]] == [
        ("一是主动公开的意识还不够强。", True),
        ("二是村级公开栏更新不及时，群众反映较多。", False),
    ]
    assert problems.repeated_sentences == 1
    assert 0 < problems.share < 0.5
    findings = narrative.repetition_findings(sections, 2022)
    assert [(f.rule, f.severity) for f in findings] == [("REPETITION", "info")]
    assert "1 句与 2022 年度报告雷同" in findings[0].message


def test_a_copied_section_is_a_warning():
    text = "本年度我乡认真落实政府信息公开条例。加强业务培训，提高业务人员素质。"
    findings = narrative.repetition_findings(
        narrative.repetition(
            _report(2022, overview=text), _report(2023, overview=text)
        ),
        2022,
    )

    assert [(f.severity, f.message.split("：")[0]) for f in findings] == [
        ("warning", "一、总体情况")
    ]
