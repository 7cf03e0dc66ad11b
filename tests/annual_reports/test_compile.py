"""compile(agency, year): tables 二、三、四 from the records, facts for the
writer, and what cannot be compiled."""

from datetime import date
from decimal import Decimal

import pytest

from gongkai.annual_reports import compile
from gongkai.annual_reports.compiling import CompileError, compile_detailed
from gongkai.annual_reports.facts import fee_fact
from gongkai.annual_reports.sources import FeeSummary
from gongkai.report.checks import check

from .records import case

pytestmark = pytest.mark.django_db


def test_table_three_counts_each_case_once_by_applicant_and_outcome(gucheng, history):
    table = compile(gucheng, 2023).applications

    assert table["new"] == [2, 1, 0, 0, 0, 0, 3]
    assert table["carried_over"] == [1, 0, 0, 0, 0, 0, 1]
    assert table["disclosed"] == [0, 1, 0, 0, 0, 0, 1]
    assert table["partially_disclosed"] == [1, 0, 0, 0, 0, 0, 1]
    assert table["not_processed_2"] == [1, 0, 0, 0, 0, 0, 1]
    assert table["total"] == [2, 1, 0, 0, 0, 0, 3]
    assert table["carried_forward"] == [1, 0, 0, 0, 0, 0, 1]


def test_table_four_counts_decided_results_and_pending_cases(gucheng, history):
    appeals = compile(gucheng, 2023).appeals

    assert appeals.reconsideration == [1, 0, 0, 0, 1]
    assert appeals.litigation_direct == [0, 0, 0, 1, 1]
    assert appeals.litigation_after_reconsideration == [0, 0, 0, 0, 0]


def test_section_two_comes_from_the_catalogue_and_the_yearly_figures(gucheng, history):
    proactive = compile(gucheng, 2023).proactive

    assert proactive.normative_documents.model_dump() == {
        "issued": 1,
        "repealed": 1,
        "in_force": 2,
    }
    assert proactive.regulations.model_dump() == {
        "issued": 0,
        "repealed": 0,
        "in_force": 0,
    }
    assert (proactive.licensing, proactive.penalty, proactive.enforcement) == (3, 1, 0)
    assert proactive.fees_10k_yuan == 0.1235  # 1234.50 元 in 万元, 4 places


def test_the_next_year_carries_over_what_this_year_carried_forward(gucheng, history):
    this, following = compile(gucheng, 2023), compile(gucheng, 2024)

    assert (
        following.applications["carried_over"] == this.applications["carried_forward"]
    )
    assert [f for f in check(following, previous=this) if f.rule == "X-CARRY"] == []


def test_a_compiled_report_has_no_error_findings(gucheng, history):
    report = compile(gucheng, 2023)

    errors = [f for f in check(report, level="township") if f.severity == "error"]

    assert errors == []
    assert report.agency == gucheng.name and report.year == 2023
    assert report.format == "2021"


def test_figures_not_entered_stay_blank_never_zero(xiaoxia):
    case(xiaoxia, date(2023, 4, 1))

    proactive = compile(xiaoxia, 2023).proactive

    assert proactive.licensing is None and proactive.fees_10k_yuan is None


def test_a_year_of_the_trial_format_is_refused_with_a_reason(gucheng):
    with pytest.raises(CompileError, match="2019 年试行格式"):
        compile(gucheng, 2020)


def test_facts_give_the_writer_figures_and_sentences(gucheng, history):
    facts = {f.key: f for f in compile_detailed(gucheng, 2023).facts}

    assert facts["items_published"].value == "2 条"  # the normative and the notice
    assert "主动公开政府信息2条" in facts["items_published"].sentence
    assert facts["applications"].sentence == (
        "全年新收政府信息公开申请3件，上年结转1件，办理完毕3件，结转下年度继续办理1件。"
    )
    assert facts["appeals"].value == "行政复议 1 件，行政诉讼 1 件"
    assert facts["concerns"].value is None and facts["concerns"].sentence == ""


def test_the_fee_sentence_says_what_was_collected_or_that_nothing_was():
    none = fee_fact(FeeSummary(0, Decimal("0")))
    some = fee_fact(FeeSummary(2, Decimal("380.00")))
    unknown = fee_fact(None)

    assert none.value == "未收取" and "本年度未收取信息处理费" in none.sentence
    assert some.sentence.endswith("对2件政府信息公开申请收取信息处理费，共计380元。")
    assert some.section == "other"
    assert unknown.value is None and unknown.sentence == ""
