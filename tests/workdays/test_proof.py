from datetime import date

from gongkai.workdays import Pause, add_workdays_with_proof, package_calendar
from gongkai.workdays.calendar import HOLIDAY, MAKEUP, WEEKEND
from gongkai.workdays.proof import PAUSED

CAL = package_calendar()


def test_the_proof_lists_every_day_after_the_start_with_a_reason():
    proof = add_workdays_with_proof(CAL, date(2025, 9, 26), 20)
    assert proof.due == date(2025, 10, 30)
    assert proof.days[0].date == date(2025, 9, 27)
    assert proof.days[-1].date == date(2025, 10, 30)
    assert len(proof.days) == (proof.due - proof.start).days
    skipped = {d.date: d.reason for d in proof.skipped}
    assert skipped[date(2025, 9, 27)] == "周末"
    assert skipped[date(2025, 10, 1)] == "国庆节"
    assert date(2025, 9, 28) in proof.counted  # 调休 Sunday working day


def test_the_proof_text_names_the_counting_rule_and_the_notice():
    text = add_workdays_with_proof(CAL, date(2025, 9, 26), 20).to_text()
    lines = text.splitlines()
    assert lines[0] == "2025-09-26（周五）后第 20 个工作日为 2025-10-30（周四）"
    assert "《民法典》第二百零一条" in lines[1]
    assert "2025-09-28 周日  第 1 个工作日，调休上班（国庆节）" in lines
    assert "2025-10-01 周三  不计：国庆节" in lines
    assert lines[-1].startswith("依据：国务院办公厅关于2025年部分节假日安排的通知")


def test_the_proof_cites_every_year_it_crosses():
    proof = add_workdays_with_proof(CAL, date(2025, 12, 20), 40)
    assert [year for year, _ in proof.sources] == [2025, 2026]


def test_the_proof_marks_paused_working_days_with_the_reason():
    pause = Pause(date(2025, 3, 10), date(2025, 3, 11), "征求第三方意见")
    proof = add_workdays_with_proof(CAL, date(2025, 3, 3), 20, [pause])
    assert proof.due == date(2025, 4, 2)
    reasons = {d.date: d.reason for d in proof.skipped}
    assert reasons[date(2025, 3, 10)] == "征求第三方意见，不计入期限"
    assert "第三十三条第二款" in proof.to_text()


def test_a_pause_on_another_ground_cites_that_ground_not_the_consultation_clause():
    pause = Pause(
        date(2025, 3, 10),
        date(2025, 3, 11),
        "等待缴纳信息处理费",
        "国办函〔2020〕109号",
    )
    text = add_workdays_with_proof(CAL, date(2025, 3, 3), 20, [pause]).to_text()
    assert (
        "中止计算：2025-03-10 至 2025-03-11（等待缴纳信息处理费；国办函〔2020〕109号）"
        in text
    )
    assert "第三十三条第二款" not in text


def test_each_day_gives_its_kind_and_name_for_pages_in_other_languages():
    pause = Pause(date(2025, 9, 29), date(2025, 9, 29), "征求第三方意见")
    proof = add_workdays_with_proof(CAL, date(2025, 9, 26), 20, [pause])
    days = {d.date: (d.kind, d.name, d.counted) for d in proof.days}
    assert days[date(2025, 9, 27)] == (WEEKEND, "", False)
    assert days[date(2025, 9, 28)] == (MAKEUP, "国庆节", True)
    assert days[date(2025, 9, 29)] == (PAUSED, "征求第三方意见", False)
    assert days[date(2025, 9, 30)] == ("", "", True)
    assert days[date(2025, 10, 1)] == (HOLIDAY, "国庆节", False)
