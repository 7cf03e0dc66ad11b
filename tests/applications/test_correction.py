"""补正 (《条例》第三十条): one notice within 7 working days; the clock
restarts from the corrected application; no correction → 视为放弃."""

from datetime import date

from django.core.exceptions import ValidationError

import pytest

from gongkai.applications import services
from gongkai.applications.models import LetterKind, Status

from .conftest import at

RECEIVED = date(2025, 9, 26)  # Fri; 7th working day after: Mon 2025-10-13


def ask(clerk, case, on, correct_by=date(2025, 10, 31)):
    with at(on):
        return services.request_correction(
            clerk, case, items="请写明项目名称和年份", correct_by=correct_by, on=on
        )


def test_a_correction_stops_the_clock_and_issues_the_notice(case, lisi):
    ask(lisi, case, date(2025, 9, 29))
    case.refresh_from_db()
    assert case.status == Status.AWAITING_CORRECTION
    assert case.due_date is None
    letter = case.letters.get(kind=LetterKind.CORRECTION)
    assert "请写明项目名称和年份" in letter.body
    assert "一次性告知" in letter.body and "第三十条" in letter.body


def test_the_notice_may_be_sent_on_the_7th_working_day(case, lisi):
    ask(lisi, case, date(2025, 10, 13))
    assert case.correction.notice_on == date(2025, 10, 13)


def test_the_notice_is_refused_after_the_7th_working_day(case, lisi):
    with pytest.raises(ValidationError, match="7个工作日内（2025-10-13 前）"):
        ask(lisi, case, date(2025, 10, 14))
    case.refresh_from_db()
    assert case.status == Status.IN_PROGRESS


def test_only_one_correction_notice_is_allowed(case, lisi):
    ask(lisi, case, date(2025, 9, 29))
    with at(date(2025, 10, 9)):
        services.receive_correction(lisi, case, on=date(2025, 10, 9))
    with pytest.raises(ValidationError, match="只能一次性告知"):
        ask(lisi, case, date(2025, 10, 10))


def test_the_20_working_days_restart_from_the_corrected_application(case, lisi):
    ask(lisi, case, date(2025, 9, 29))
    with at(date(2025, 9, 30)):
        services.receive_correction(lisi, case, on=date(2025, 9, 26 + 4))
    case.refresh_from_db()
    # Received Tue 2025-09-30 → the fixture's 20th working day: 2025-11-04.
    assert case.due_date == date(2025, 11, 4)
    assert case.status == Status.IN_PROGRESS


def test_a_late_correction_needs_a_good_reason(case, lisi):
    ask(lisi, case, date(2025, 9, 29), correct_by=date(2025, 10, 10))
    with at(date(2025, 10, 15)):
        with pytest.raises(ValidationError, match="正当理由"):
            services.receive_correction(lisi, case, on=date(2025, 10, 15))
        services.receive_correction(
            lisi, case, on=date(2025, 10, 15), late_reason="申请人住院，提供了证明"
        )
    assert case.correction.late_reason == "申请人住院，提供了证明"


def test_the_applicant_corrects_online_and_the_office_confirms(case, lisi):
    ask(lisi, case, date(2025, 9, 29))
    with at(date(2025, 10, 9)):
        services.submit_correction(
            case, text="项目名称：古城村高标准农田建设项目（2025年）"
        )
        with pytest.raises(ValidationError, match="已经提交"):
            services.submit_correction(case, text="again")
    case.refresh_from_db()
    assert case.status == Status.AWAITING_CORRECTION
    assert "古城村" in case.correction.submitted_text


def test_no_correction_by_the_deadline_closes_the_case_as_abandoned(case, lisi):
    ask(lisi, case, date(2025, 9, 29), correct_by=date(2025, 10, 10))
    with at(date(2025, 10, 10)), pytest.raises(ValidationError, match="尚未届满"):
        services.close_as_abandoned(
            lisi, case, reason="correction", on=date(2025, 10, 10)
        )
    with at(date(2025, 10, 11)):
        services.close_as_abandoned(
            lisi, case, reason="correction", on=date(2025, 10, 11)
        )
    case.refresh_from_db()
    assert (case.status, case.outcome, case.closed_on) == (
        Status.CLOSED,
        "other_1",
        date(2025, 10, 11),
    )
    reply = case.letters.get(kind=LetterKind.REPLY)
    assert "视为您放弃申请" in reply.body and "2025年9月29日" in reply.body


def test_an_online_correction_keeps_the_case_open_past_the_deadline(case, lisi):
    ask(lisi, case, date(2025, 9, 29), correct_by=date(2025, 10, 10))
    with at(date(2025, 10, 9)):
        services.submit_correction(case, text="补正内容")
    with (
        at(date(2025, 10, 20)),
        pytest.raises(ValidationError, match="请先确认收到补正申请"),
    ):
        services.close_as_abandoned(
            lisi, case, reason="correction", on=date(2025, 10, 20)
        )


def test_an_unclear_corrected_application_may_be_answered_as_still_unclear(case, lisi):
    with (
        at(date(2025, 9, 29)),
        pytest.raises(ValidationError, match="只适用于已经补正"),
    ):
        services.close_application(lisi, case, outcome="unable_3", on=date(2025, 9, 29))
    ask(lisi, case, date(2025, 9, 29))
    with at(date(2025, 10, 9)):
        services.receive_correction(lisi, case, on=date(2025, 10, 9))
        services.close_application(lisi, case, outcome="unable_3", on=date(2025, 10, 9))
    case.refresh_from_db()
    assert case.outcome == "unable_3"
