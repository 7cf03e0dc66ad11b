"""Consultation (第三十二条、第三十三条第二款、第三十四条): its time is not
counted; a third party's objection stands against disclosure unless the
head decides for the public interest and tells the third party in writing."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError

import pytest

from gongkai.applications import services
from gongkai.applications.models import LetterKind

from .conftest import at

SENT = date(2025, 9, 29)  # Mon; the third party's 15th working day: 2025-10-27


def consult(clerk, case, kind="third_party"):
    with at(SENT):
        return services.start_consultation(
            clerk,
            case,
            kind=kind,
            party_name="某建设公司",
            subject="施工合同报价",
            sent_on=SENT,
        )


def answer(
    clerk,
    consultation,
    position="objection",
    on=date(2025, 10, 9),
    reasons="涉及商业秘密",
):
    with at(on):
        return services.record_consultation_answer(
            clerk, consultation, position=position, answered_on=on, reasons=reasons
        )


def test_the_party_answers_within_15_working_days_and_the_clock_waits(case, lisi):
    consultation = consult(lisi, case)
    case.refresh_from_db()
    assert consultation.reply_due == date(2025, 10, 27)
    # Excluded: the 16 working days from 9-29 to 10-27 (国庆 8 days off, the
    # 调休 Saturday 10-11 counted), so 2025-10-30 moves on by 16: 11-21.
    assert case.due_date == date(2025, 11, 21)
    letter = case.letters.get(kind=LetterKind.CONSULTATION)
    assert letter.recipient == "某建设公司" and letter.for_applicant is False
    assert "15个工作日内" in letter.body


def test_an_early_answer_gives_the_days_back(case, lisi):
    consultation = consult(lisi, case)
    answer(lisi, consultation, position="consent", on=date(2025, 9, 30), reasons="")
    case.refresh_from_db()
    # Only 9-29 and 9-30 were excluded: 2025-10-30 + 2 working days.
    assert case.due_date == date(2025, 11, 3)


def test_an_objection_needs_reasons(case, lisi):
    consultation = consult(lisi, case)
    with at(date(2025, 10, 9)), pytest.raises(ValidationError, match="理由"):
        services.record_consultation_answer(
            lisi, consultation, position="objection", answered_on=date(2025, 10, 9)
        )


def test_an_open_consultation_blocks_the_reply(case, lisi):
    consult(lisi, case)
    with (
        at(date(2025, 10, 9)),
        pytest.raises(ValidationError, match="征求意见尚未答复"),
    ):
        services.close_application(
            lisi,
            case,
            outcome="withheld_4",
            on=date(2025, 10, 9),
            legal_basis="第十五条",
        )


def test_an_objection_stands_against_full_disclosure(case, lisi):
    answer(lisi, consult(lisi, case))
    with at(date(2025, 10, 10)):
        with pytest.raises(ValidationError, match="公共利益决定"):
            services.close_application(
                lisi, case, outcome="disclosed", on=date(2025, 10, 10), provided="全文"
            )
        services.close_application(
            lisi,
            case,
            outcome="withheld_4",
            on=date(2025, 10, 10),
            legal_basis="第三方不同意公开，依据第十五条",
        )
    case.refresh_from_db()
    assert case.outcome == "withheld_4"


def test_the_head_may_disclose_for_the_public_interest_with_a_written_notice(
    case, lisi, wangwu
):
    consultation = answer(lisi, consult(lisi, case))
    with at(date(2025, 10, 10)):
        with pytest.raises(PermissionDenied):
            services.override_objection(
                lisi, consultation, reasons="公共安全", notified_on=date(2025, 10, 10)
            )
        services.override_objection(
            wangwu,
            consultation,
            reasons="涉及公共安全，不公开将严重影响公共利益",
            notified_on=date(2025, 10, 10),
        )
        services.close_application(
            lisi,
            case,
            outcome="disclosed",
            on=date(2025, 10, 10),
            provided="全文见附件",
        )
    notice = case.letters.get(kind=LetterKind.OVERRIDE)
    assert notice.recipient == "某建设公司"
    assert "涉及公共安全" in notice.body and "第三十二条" in notice.body


def test_no_answer_can_only_be_recorded_after_the_due_date(case, lisi):
    consultation = consult(lisi, case)
    with at(date(2025, 10, 27)), pytest.raises(ValidationError, match="尚未届满"):
        services.record_consultation_answer(lisi, consultation, position="no_answer")
    with at(date(2025, 10, 28)):
        services.record_consultation_answer(lisi, consultation, position="no_answer")
    consultation.refresh_from_db()
    assert consultation.answered_on == date(2025, 10, 27)


def test_a_co_maker_letter_says_silence_is_consent(case, lisi):
    consult(lisi, case, kind="co_maker")
    letter = case.letters.get(kind=LetterKind.CONSULTATION)
    assert "第三十四条" in letter.body and "视为同意公开" in letter.body
