"""Closing: exactly one of the 21 rows, with the reasons the law demands
(R22–R25), a reply letter, and archiving after delivery (第四十五条)."""

from datetime import date

from django.core.exceptions import ValidationError

import pytest

from gongkai.applications import services
from gongkai.applications.models import LetterKind, Status

from .conftest import at

ON = date(2025, 10, 20)


def close(clerk, case, outcome, **reasons):
    with at(ON):
        return services.close_application(
            clerk, case, outcome=outcome, on=ON, **reasons
        )


def test_a_disclosure_closes_the_case_with_its_row_and_letter(case, lisi):
    close(lisi, case, "disclosed", provided="已通过电子邮件发送全文")
    case.refresh_from_db()
    assert (case.status, case.outcome, case.closed_on) == (
        Status.CLOSED,
        "disclosed",
        ON,
    )
    letter = case.letters.get(kind=LetterKind.REPLY)
    assert "已通过电子邮件发送全文" in letter.body
    assert "六十日内向海东市平安区人民政府申请行政复议" in letter.body
    assert "六个月内向人民法院提起行政诉讼" in letter.body


def test_any_withheld_part_makes_the_case_partially_disclosed(case, lisi):
    with pytest.raises(ValidationError, match="只能为“部分公开”"):
        close(lisi, case, "disclosed", provided="部分", partial_withholding=True)
    reply = close(
        lisi,
        case,
        "partially_disclosed",
        provided="除身份证号外的名单",
        legal_basis="身份证号属于个人隐私，第十五条",
    )
    assert reply.partial_withholding is True


@pytest.mark.parametrize(
    "outcome", ["partially_disclosed", "withheld_1", "withheld_5", "withheld_8"]
)
def test_refusals_need_their_legal_basis(case, lisi, outcome):
    with pytest.raises(ValidationError) as refused:
        close(lisi, case, outcome, provided="x")
    assert "legal_basis" in refused.value.message_dict


def test_a_refusal_tells_the_applicant_to_seek_reconsideration_first(case, lisi):
    close(lisi, case, "withheld_6", legal_basis="会议纪要属于过程性信息")
    body = case.letters.get(kind=LetterKind.REPLY).body
    assert "行政复议法》第二十三条第一款第（四）项" in body
    assert "应当自收到本答复之日起六十日内先向海东市平安区人民政府申请行政复议" in body
    assert "第十六条第二款" in body


def test_a_disclosure_must_say_what_is_provided_or_how(case, lisi):
    with pytest.raises(ValidationError) as refused:
        close(lisi, case, "disclosed")
    assert "provided" in refused.value.message_dict


def test_article_36_5_names_the_responsible_agency(case, lisi):
    close(
        lisi,
        case,
        "unable_1",
        redirect_agency="海东市平安区自然资源局，电话0972-8682201",
    )
    assert (
        "该政府信息由海东市平安区自然资源局"
        in case.letters.get(kind=LetterKind.REPLY).body
    )


@pytest.mark.parametrize(
    "outcome", ["other_1", "other_2", "not_processed_4", "nonsense", ""]
)
def test_step_outcomes_and_unknown_codes_cannot_be_chosen(case, lisi, outcome):
    with pytest.raises(ValidationError):
        close(lisi, case, outcome, legal_basis="x", provided="x")
    case.refresh_from_db()
    assert case.status == Status.IN_PROGRESS


def test_a_case_closes_once(case, lisi):
    close(lisi, case, "not_processed_1")
    with pytest.raises(ValidationError, match="已办结"):
        close(lisi, case, "disclosed", provided="x")


def test_a_reply_date_before_receipt_is_refused(case, lisi):
    with at(ON), pytest.raises(ValidationError, match="不能早于"):
        services.close_application(lisi, case, outcome="unable_2", on=date(2025, 9, 25))


def test_archiving_waits_for_the_delivery_of_the_reply(case, lisi):
    close(lisi, case, "disclosed", provided="全文")
    with at(ON):
        with pytest.raises(ValidationError, match="尚未记录送达"):
            services.archive_application(lisi, case, on=ON)
        letter = case.letters.get(kind=LetterKind.REPLY)
        services.record_delivery(
            lisi,
            letter,
            method="电子邮件",
            delivered_on=ON,
            note="zhangsan@example.com",
        )
        with pytest.raises(ValidationError, match="已记录送达"):
            services.record_delivery(lisi, letter, method="电子邮件", delivered_on=ON)
        services.archive_application(lisi, case, on=ON)
    case.refresh_from_db()
    assert case.archived_on == ON
