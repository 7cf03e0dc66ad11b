"""The steps between receipt and reply: correction (第三十条), consultation
(第三十二条、第三十四条), extension (第三十三条) and excessive applications
(第三十五条)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.audit.services import record

from .. import deadlines, outcomes
from ..letters import context as letter_context
from ..models import (
    Application,
    Consultation,
    ConsultationKind,
    Correction,
    Decision,
    ExcessiveReview,
    Extension,
    LetterKind,
    Position,
    Status,
)
from .common import (
    calendar_date,
    check_day,
    locked,
    move,
    refresh_deadlines,
    require_head,
    require_status,
    require_writer,
)
from .intake import Upload, _attach_all
from .letters import issue

# -- 补正 (《条例》第三十条) ------------------------------------------------


def request_correction(
    actor, application: Application, *, items: str, correct_by: date, on: date
) -> Correction:
    """Send the one correction notice (一次性告知) and stop the clock.

    Refused after the 7th working day from receipt, for a second notice,
    without the items to correct, or with a deadline not after ``on``.
    """
    require_writer(actor, application.agency)
    if not items.strip():
        raise ValidationError({"items": _("请逐项列明需要补正的事项。")})
    with transaction.atomic(durable=True):
        application = locked(application)
        if Correction.objects.filter(application=application).exists():
            raise ValidationError(_("补正只能一次性告知，本申请已经告知过补正。"))
        move(application, "request_correction")
        check_day(on, "on", not_before=application.receipt_date)
        limit = calendar_date(
            deadlines.correction_notice_limit, application.receipt_date
        )
        if on > limit:
            raise ValidationError(
                {
                    "on": _(
                        "补正告知应在收到申请之日起7个工作日内（%(limit)s 前）发出。"
                    )
                    % {"limit": limit}
                }
            )
        if correct_by <= on:
            raise ValidationError({"correct_by": _("补正期限应晚于告知日期。")})
        correction = Correction.objects.create(
            application=application,
            items=items.strip(),
            notice_on=on,
            correct_by=correct_by,
            requested_by=actor,
        )
        _save_status(application)
        refresh_deadlines(application)
        issue(
            actor,
            application,
            LetterKind.CORRECTION,
            on,
            letter_context.correction_context(correction),
        )
        record(
            actor,
            "applications.request_correction",
            target=application,
            data={
                "on": on.isoformat(),
                "correct_by": correct_by.isoformat(),
                "items": items.strip(),
            },
        )
    return correction


def submit_correction(
    application: Application, *, text: str, uploads: tuple[Upload, ...] = ()
) -> Correction:
    """Store the applicant's corrected application sent online (with the
    query code); the office then confirms its receipt."""
    if not text.strip() and not uploads:
        raise ValidationError({"text": _("请填写补正内容或上传补正材料。")})
    with transaction.atomic(durable=True):
        application = locked(application)
        require_status(application, Status.AWAITING_CORRECTION)
        correction = Correction.objects.select_for_update().get(application=application)
        if correction.submitted_at is not None:
            raise ValidationError(_("补正内容已经提交，请等待办理机关确认。"))
        correction.submitted_text = text.strip()
        correction.submitted_at = timezone.now()
        correction.save(update_fields=["submitted_text", "submitted_at"])
        _attach_all(application, uploads, "correction", None)
        record(
            None,
            "applications.submit_correction",
            target=application,
            data={"files": len(uploads)},
        )
    return correction


def receive_correction(
    actor, application: Application, *, on: date, late_reason: str = ""
) -> Correction:
    """Record the day the corrected application arrived; the 20 working days
    start again from it (第三十条).  After the correction deadline a good
    reason must be recorded."""
    require_writer(actor, application.agency)
    with transaction.atomic(durable=True):
        application = locked(application)
        correction = Correction.objects.select_for_update().get(application=application)
        move(application, "receive_correction")
        check_day(on, "on", not_before=correction.notice_on)
        if on > correction.correct_by and not late_reason.strip():
            raise ValidationError(
                {"late_reason": _("已超过补正期限，请记录逾期补正的正当理由。")}
            )
        correction.received_on = on
        correction.received_by = actor
        correction.late_reason = late_reason.strip()
        correction.save(update_fields=["received_on", "received_by", "late_reason"])
        _save_status(application)
        refresh_deadlines(application)
        record(
            actor,
            "applications.receive_correction",
            target=application,
            data={"on": on.isoformat(), "due_date": _iso(application.due_date)},
        )
    return correction


# -- 征求意见 (第三十二条、第三十三条第二款、第三十四条) ---------------------


def start_consultation(
    actor,
    application: Application,
    *,
    kind: str,
    party_name: str,
    subject: str,
    sent_on: date,
    party_received_on: date | None = None,
    party_contact: str = "",
) -> Consultation:
    """Consult a third party or another agency in writing; the time until
    the answer (at most 15 working days) is excluded from the period."""
    require_writer(actor, application.agency)
    if kind not in ConsultationKind.values:
        raise ValidationError({"kind": _("请选择征求意见的类型。")})
    if not party_name.strip() or not subject.strip():
        raise ValidationError(_("请填写被征求意见方和征求意见的内容。"))
    received = party_received_on or sent_on
    with transaction.atomic(durable=True):
        application = locked(application)
        require_status(application, Status.IN_PROGRESS)
        check_day(sent_on, "sent_on", not_before=application.clock().start)
        if received < sent_on:
            raise ValidationError(
                {"party_received_on": _("对方收到日期不能早于发出日期。")}
            )
        consultation = Consultation.objects.create(
            application=application,
            kind=kind,
            party_name=party_name.strip(),
            party_contact=party_contact.strip(),
            subject=subject.strip(),
            sent_on=sent_on,
            party_received_on=received,
            created_by=actor,
        )
        refresh_deadlines(application)
        consultation.refresh_from_db()
        issue(
            actor,
            application,
            LetterKind.CONSULTATION,
            sent_on,
            letter_context.consultation_context(consultation),
            recipient=consultation.party_name,
        )
        record(
            actor,
            "applications.start_consultation",
            target=application,
            data={
                "kind": kind,
                "party": consultation.party_name,
                "sent_on": sent_on.isoformat(),
            },
        )
    return consultation


def record_consultation_answer(
    actor,
    consultation: Consultation,
    *,
    position: str,
    answered_on: date | None = None,
    reasons: str = "",
) -> Consultation:
    """Record the consulted party's answer, or that none came in time.

    An objection needs its reasons.  "No answer" can only be recorded after
    the due date and ends the excluded time on that date.
    """
    require_writer(actor, consultation.application.agency)
    if position not in (Position.CONSENT, Position.OBJECTION, Position.NO_ANSWER):
        raise ValidationError({"position": _("请选择对方的意见。")})
    if position == Position.OBJECTION and not reasons.strip():
        raise ValidationError({"reasons": _("请记录第三方不同意公开的理由。")})
    with transaction.atomic(durable=True):
        application = locked(consultation.application)
        consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
        _check_answer(consultation, position, answered_on)
        consultation.position = position
        consultation.answered_on = (
            consultation.reply_due if position == Position.NO_ANSWER else answered_on
        )
        consultation.reasons = reasons.strip()
        consultation.save(update_fields=["position", "answered_on", "reasons"])
        refresh_deadlines(application)
        record(
            actor,
            "applications.record_consultation_answer",
            target=application,
            data={
                "party": consultation.party_name,
                "position": position,
                "reasons": reasons.strip(),
            },
        )
    return consultation


def override_objection(
    actor, consultation: Consultation, *, reasons: str, notified_on: date
) -> Consultation:
    """Decide to disclose despite a third party's objection because
    withholding would seriously affect the public interest (第三十二条),
    with the reasons and the written notice to the third party (R18)."""
    require_writer(actor, consultation.application.agency)
    require_head(actor, consultation.application.agency)
    if not reasons.strip():
        raise ValidationError(
            {"reasons": _("请说明不公开可能对公共利益造成重大影响的理由。")}
        )
    with transaction.atomic(durable=True):
        application = locked(consultation.application)
        consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
        if (
            consultation.position != Position.OBJECTION
            or consultation.kind != ConsultationKind.THIRD_PARTY
        ):
            raise ValidationError(_("只有第三方不同意公开时才需要作出公共利益决定。"))
        if consultation.override_notified_on is not None:
            raise ValidationError(_("已经作出公共利益决定。"))
        check_day(notified_on, "notified_on", not_before=consultation.answered_on)
        consultation.override_reasons = reasons.strip()
        consultation.override_notified_on = notified_on
        consultation.save(update_fields=["override_reasons", "override_notified_on"])
        issue(
            actor,
            application,
            LetterKind.OVERRIDE,
            notified_on,
            letter_context.consultation_context(consultation),
            recipient=consultation.party_name,
        )
        record(
            actor,
            "applications.override_objection",
            target=application,
            data={"party": consultation.party_name, "reasons": reasons.strip()},
        )
    return consultation


# -- 延期 (第三十三条第二款) --------------------------------------------------


def extend_deadline(
    actor, application: Application, *, days: int, reason: str, on: date
) -> Extension:
    """Extend the reply period once, by at most 20 working days, with the
    head's approval given and the applicant notified before the original
    deadline; return the extension."""
    require_writer(actor, application.agency)
    require_head(actor, application.agency)
    if not 1 <= days <= deadlines.MAX_EXTENSION_WORKDAYS:
        raise ValidationError({"days": _("延长的期限最长不得超过20个工作日。")})
    if not reason.strip():
        raise ValidationError({"reason": _("请说明延期理由。")})
    with transaction.atomic(durable=True):
        application = locked(application)
        require_status(application, Status.IN_PROGRESS)
        if Extension.objects.filter(application=application).exists():
            raise ValidationError(_("答复期限只能延长一次。"))
        original = calendar_date(deadlines.original_due, application.clock())
        check_day(on, "on", not_before=application.clock().start)
        if on > original:
            raise ValidationError(
                {
                    "on": _("延期须在原答复期限（%(due)s）届满前批准并告知申请人。")
                    % {"due": original}
                }
            )
        extension = Extension.objects.create(
            application=application,
            days=days,
            reason=reason.strip(),
            original_due=original,
            approved_by=actor,
            approved_on=on,
            notified_on=on,
        )
        refresh_deadlines(application)
        issue(
            actor,
            application,
            LetterKind.EXTENSION,
            on,
            letter_context.extension_context(extension),
        )
        record(
            actor,
            "applications.extend_deadline",
            target=application,
            data={
                "days": days,
                "original_due": original.isoformat(),
                "due_date": _iso(application.due_date),
            },
        )
    return extension


# -- 第三十五条 ---------------------------------------------------------------


def ask_for_reasons(
    actor, application: Application, *, grounds: str, reasons_due: date, on: date
) -> ExcessiveReview:
    """Ask an applicant whose applications clearly exceed a reasonable
    volume or frequency to state reasons (第三十五条)."""
    require_writer(actor, application.agency)
    if not grounds.strip():
        raise ValidationError(
            {"grounds": _("请说明申请数量、频次明显超过合理范围的情况。")}
        )
    with transaction.atomic(durable=True):
        application = locked(application)
        require_status(application, Status.IN_PROGRESS)
        if ExcessiveReview.objects.filter(application=application).exists():
            raise ValidationError(_("已经要求申请人说明理由。"))
        check_day(on, "on", not_before=application.receipt_date)
        if reasons_due <= on:
            raise ValidationError({"reasons_due": _("说明理由的期限应晚于通知日期。")})
        review = ExcessiveReview.objects.create(
            application=application,
            asked_on=on,
            reasons_due=reasons_due,
            grounds=grounds.strip(),
            asked_by=actor,
        )
        issue(
            actor,
            application,
            LetterKind.REASONS,
            on,
            letter_context.review_context(review),
        )
        record(
            actor,
            "applications.ask_for_reasons",
            target=application,
            data={"reasons_due": reasons_due.isoformat()},
        )
    return review


def decide_on_reasons(
    actor,
    review: ExcessiveReview,
    *,
    decision: str,
    reasons: str,
    on: date,
    applicant_reasons: str = "",
    delayed_due: date | None = None,
) -> ExcessiveReview:
    """Decide on the stated reasons: unreasonable → the case closes as
    不予处理 (row （五）4); reasonable → a delayed reply date is set and
    notified, replacing the ordinary due date (R20)."""
    from .closing import close_case

    require_writer(actor, review.application.agency)
    if not reasons.strip():
        raise ValidationError({"reasons": _("请说明决定的理由。")})
    with transaction.atomic(durable=True):
        application = locked(review.application)
        review = ExcessiveReview.objects.select_for_update().get(pk=review.pk)
        require_status(application, Status.IN_PROGRESS)
        if review.decided_on is not None:
            raise ValidationError(_("已经作出决定。"))
        check_day(on, "on", not_before=review.asked_on)
        _check_delay(application, decision, delayed_due, on)
        review.decision, review.decided_on, review.decided_by = decision, on, actor
        review.decision_reasons, review.applicant_reasons = (
            reasons.strip(),
            applicant_reasons.strip(),
        )
        review.delayed_due = delayed_due if decision == Decision.REASONABLE else None
        review.save()
        record(
            actor,
            "applications.decide_on_reasons",
            target=application,
            data={"decision": decision},
        )
        if decision == Decision.UNREASONABLE:
            close_case(
                actor,
                application,
                outcome=outcomes.NOT_PROCESSED_EXCESSIVE,
                on=on,
                legal_basis=reasons.strip(),
            )
        else:
            refresh_deadlines(application)
            issue(
                actor,
                application,
                LetterKind.DELAYED,
                on,
                letter_context.review_context(review),
            )
    return review


# -- helpers ------------------------------------------------------------


def _check_answer(
    consultation: Consultation, position: str, answered_on: date | None
) -> None:
    if consultation.position != Position.PENDING:
        raise ValidationError(_("已经记录了对方的意见。"))
    if position == Position.NO_ANSWER:
        today = timezone.localdate()
        if consultation.reply_due is None or consultation.reply_due >= today:
            raise ValidationError(_("答复期限尚未届满，不能记录为逾期未提出意见。"))
        return
    if answered_on is None:
        raise ValidationError({"answered_on": _("请填写答复日期。")})
    check_day(answered_on, "answered_on", not_before=consultation.sent_on)


def _check_delay(
    application: Application, decision: str, delayed_due: date | None, on: date
) -> None:
    if decision not in Decision.values:
        raise ValidationError({"decision": _("请选择决定。")})
    if decision == Decision.REASONABLE and (delayed_due is None or delayed_due <= on):
        raise ValidationError({"delayed_due": _("请确定晚于今天的延迟答复期限。")})


def _save_status(application: Application) -> None:
    Application.objects.filter(pk=application.pk).update(status=application.status)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
