"""信息处理费 (《条例》第四十二条, 国办函〔2020〕109号): notice, payment, waiver."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.audit.services import record

from .. import fees
from ..letters import context as letter_context
from ..models import Application, FeeNotice, LetterKind, Status
from .common import (
    check_day,
    locked,
    refresh_deadlines,
    require_head,
    require_status,
    require_writer,
)
from .letters import issue


def fee_pauses_clock() -> bool:
    """Return whether the reply clock stops from fee notice to payment
    (``GONGKAI_FEE_PAUSES_CLOCK``; the 109号 text on this is unverified)."""
    return bool(getattr(settings, "GONGKAI_FEE_PAUSES_CLOCK", True))


def issue_fee_notice(
    actor,
    application: Application,
    *,
    basis: str,
    quantity: int,
    justification: str,
    on: date,
    received_on: date | None = None,
    position: int | None = None,
) -> FeeNotice:
    """Notify the applicant of a processing fee and return the notice.

    One basis per application (109号第三条), one notice per application; a
    fee is charged only when the volume or frequency clearly exceeds a
    reasonable range, which ``justification`` must state (R31).  The
    amount comes from :mod:`gongkai.applications.fees`; a zero amount is
    refused since there is nothing to notify.
    """
    require_writer(actor, application.agency)
    if not justification.strip():
        raise ValidationError(
            {
                "justification": _(
                    "请说明申请的数量、频次明显超过合理范围的情况（第四十二条）。"
                )
            }
        )
    try:
        fee = fees.fee_for(basis, quantity, position)
    except fees.FeeError as error:
        raise ValidationError({"quantity": str(error)}) from None
    if fee.amount == 0:
        raise ValidationError({"quantity": _("按此数量计算不收费，无需发出收费通知。")})
    received = received_on or on
    with transaction.atomic(durable=True):
        application = locked(application)
        require_status(application, Status.IN_PROGRESS)
        if FeeNotice.objects.filter(application=application).exists():
            raise ValidationError(_("每件申请只能选择一种计费方式并发出一次收费通知。"))
        check_day(on, "on", not_before=application.clock().start)
        if received < on:
            raise ValidationError({"received_on": _("收到通知日期不能早于通知日期。")})
        notice = FeeNotice.objects.create(
            application=application,
            basis=basis,
            position=position if basis == fees.PER_APPLICATION else None,
            quantity=quantity,
            amount=fee.amount,
            justification=justification.strip(),
            notice_on=on,
            received_on=received,
            pauses_clock=fee_pauses_clock(),
            created_by=actor,
        )
        refresh_deadlines(application)
        notice.refresh_from_db()
        issue(
            actor, application, LetterKind.FEE, on, letter_context.fee_context(notice)
        )
        record(
            actor,
            "applications.issue_fee_notice",
            target=application,
            data={
                "basis": basis,
                "quantity": quantity,
                "amount": fee.amount,
                "lines": fee.lines(),
            },
        )
    return notice


def record_fee_payment(
    actor, notice: FeeNotice, *, paid_on: date, receipt_number: str
) -> FeeNotice:
    """Record the payment with its 财政票据 number (R39); the clock runs again."""
    require_writer(actor, notice.application.agency)
    if not receipt_number.strip():
        raise ValidationError({"receipt_number": _("请填写财政票据号。")})
    with transaction.atomic(durable=True):
        application = locked(notice.application)
        notice = _pending(notice)
        check_day(paid_on, "paid_on", not_before=notice.notice_on)
        if notice.payment_due is not None and paid_on > notice.payment_due:
            raise ValidationError(
                {"paid_on": _("已超过缴费期限；逾期未缴纳的，视为放弃申请。")}
            )
        notice.paid_on = paid_on
        notice.receipt_number = receipt_number.strip()
        notice.save(update_fields=["paid_on", "receipt_number"])
        refresh_deadlines(application)
        record(
            actor,
            "applications.record_fee_payment",
            target=application,
            data={
                "amount": notice.amount,
                "paid_on": paid_on.isoformat(),
                "receipt": notice.receipt_number,
            },
        )
    return notice


def waive_fee(actor, notice: FeeNotice, *, reason: str, on: date) -> FeeNotice:
    """Waive a pending fee: an officer decision with its reason and the
    head as approver (R38)."""
    require_writer(actor, notice.application.agency)
    require_head(actor, notice.application.agency)
    if not reason.strip():
        raise ValidationError({"reason": _("请说明减免理由。")})
    with transaction.atomic(durable=True):
        application = locked(notice.application)
        notice = _pending(notice)
        check_day(on, "on", not_before=notice.notice_on)
        notice.waived_on, notice.waiver_reason, notice.waived_by = (
            on,
            reason.strip(),
            actor,
        )
        notice.save(update_fields=["waived_on", "waiver_reason", "waived_by"])
        refresh_deadlines(application)
        record(
            actor,
            "applications.waive_fee",
            target=application,
            data={"amount": notice.amount, "reason": reason.strip()},
        )
    return notice


def _pending(notice: FeeNotice) -> FeeNotice:
    notice = FeeNotice.objects.select_for_update().get(pk=notice.pk)
    if not notice.is_pending:
        raise ValidationError(_("该收费通知已缴费或减免。"))
    if notice.application.status != Status.IN_PROGRESS:
        raise ValidationError(_("该申请已办结。"))
    return notice
