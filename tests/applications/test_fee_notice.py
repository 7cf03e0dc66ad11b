"""信息处理费 on a case: one basis, a stated reason, 20 working days to pay,
unpaid → 视为放弃 (row （六）2); the pause while unpaid is a setting."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError

import pytest

from gongkai.applications import services
from gongkai.applications.models import LetterKind, Status

from .conftest import at

NOTICE = date(2025, 9, 29)


def notify(
    clerk,
    case,
    basis="per_page",
    quantity=150,
    position=None,
    justification="需提供纸质复印件150页",
):
    with at(NOTICE):
        return services.issue_fee_notice(
            clerk,
            case,
            basis=basis,
            quantity=quantity,
            position=position,
            justification=justification,
            on=NOTICE,
        )


def test_the_notice_states_basis_amount_and_payment_deadline(case, lisi):
    notice = notify(lisi, case)
    assert notice.amount == 1700
    assert notice.payment_due == date(2025, 11, 3)  # 20 working days after 9-29
    letter = case.letters.get(kind=LetterKind.FEE)
    assert (
        "合计：1700 元" in letter.body
        and "109号" in letter.body
        and "2025年11月3日" in letter.body
    )


def test_a_per_application_fee_follows_the_applicants_month_count(case, lisi):
    notice = notify(lisi, case, basis="per_application", quantity=1, position=31)
    assert notice.amount == 200


def test_a_fee_needs_a_reason(case, lisi):
    with pytest.raises(ValidationError, match="明显超过合理范围"):
        notify(lisi, case, justification="")


def test_nothing_is_notified_when_the_schedule_gives_zero(case, lisi):
    with pytest.raises(ValidationError, match="不收费"):
        notify(lisi, case, quantity=30)


def test_one_basis_and_one_notice_per_application(case, lisi):
    notify(lisi, case)
    with pytest.raises(ValidationError, match="只能选择一种计费方式"):
        notify(lisi, case, basis="per_application", quantity=1, position=20)


def test_the_clock_stops_while_the_fee_is_unpaid(case, lisi, settings):
    settings.GONGKAI_FEE_PAUSES_CLOCK = True
    notice = notify(lisi, case)
    with at(date(2025, 10, 9)):
        services.record_fee_payment(
            lisi, notice, paid_on=date(2025, 10, 9), receipt_number="青财非税2025-001"
        )
    case.refresh_from_db()
    # Excluded 9-29, 9-30, 10-9 (3 working days): 2025-10-30 → 2025-11-04.
    assert case.due_date == date(2025, 11, 4)


def test_with_the_setting_off_the_clock_runs_on(case, lisi, settings):
    settings.GONGKAI_FEE_PAUSES_CLOCK = False
    notify(lisi, case)
    case.refresh_from_db()
    assert case.due_date == date(2025, 10, 30)
    assert case.fee_notice.pauses_clock is False


def test_a_pending_fee_blocks_the_reply(case, lisi):
    notify(lisi, case)
    with at(date(2025, 10, 9)), pytest.raises(ValidationError, match="尚未缴纳"):
        services.close_application(
            lisi, case, outcome="disclosed", on=date(2025, 10, 9), provided="全文"
        )


def test_unpaid_after_20_working_days_the_case_is_abandoned(case, lisi):
    notify(lisi, case)
    with at(date(2025, 11, 3)), pytest.raises(ValidationError, match="尚未届满"):
        services.close_as_abandoned(lisi, case, reason="fee", on=date(2025, 11, 3))
    with at(date(2025, 11, 4)):
        services.close_as_abandoned(None, case, reason="fee", on=date(2025, 11, 4))
    case.refresh_from_db()
    assert (case.status, case.outcome) == (Status.CLOSED, "other_2")


def test_a_late_payment_is_refused(case, lisi):
    notice = notify(lisi, case)
    with at(date(2025, 11, 4)), pytest.raises(ValidationError, match="已超过缴费期限"):
        services.record_fee_payment(
            lisi, notice, paid_on=date(2025, 11, 4), receipt_number="X1"
        )


def test_only_the_head_waives_and_gives_a_reason(case, lisi, wangwu):
    notice = notify(lisi, case)
    with at(date(2025, 10, 9)):
        with pytest.raises(PermissionDenied):
            services.waive_fee(lisi, notice, reason="困难群众", on=date(2025, 10, 9))
        with pytest.raises(ValidationError, match="减免理由"):
            services.waive_fee(wangwu, notice, reason="", on=date(2025, 10, 9))
        services.waive_fee(
            wangwu, notice, reason="申请人为低保户", on=date(2025, 10, 9)
        )
    notice.refresh_from_db()
    assert (notice.waived_by, notice.is_pending) == (wangwu, False)


def test_the_year_summary_counts_paid_fees_only(case, lisi, gucheng):
    from gongkai.applications.selectors import fee_summary

    notice = notify(lisi, case)
    assert fee_summary(gucheng, 2025) == (0, 0)
    with at(date(2025, 10, 9)):
        services.record_fee_payment(
            lisi, notice, paid_on=date(2025, 10, 9), receipt_number="青财非税2025-009"
        )
    assert fee_summary(gucheng, 2025) == (1, 1700)
    assert fee_summary(gucheng, 2024) == (0, 0)
