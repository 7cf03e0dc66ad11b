"""Reply and after: closing with exactly one outcome (R22–R25), closing as
abandoned (第三十条, 109号), and archiving (第四十五条)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.audit.services import record

from .. import outcomes
from ..letters import context as letter_context
from ..models import (
    Application,
    Correction,
    FormChangeReason,
    LetterKind,
    ProvisionForm,
    Reply,
    Status,
)
from .common import check_day, locked, move, require_status, require_writer
from .letters import issue

# Outcomes reached only through their own step, never chosen directly.
STEP_OUTCOMES = {
    outcomes.ABANDONED_NO_CORRECTION: _("逾期不补正的申请由“视为放弃申请”办结。"),
    outcomes.ABANDONED_UNPAID_FEE: _("逾期未缴费的申请由“视为放弃申请”办结。"),
    outcomes.NOT_PROCESSED_EXCESSIVE: _(
        "请先按第三十五条要求申请人说明理由，再作出不予处理的决定。"
    ),
}
ABANDON_REASONS = ("correction", "fee")
# Outcomes that provide information, so have a form of provision (第四十条).
PROVIDING = (outcomes.DISCLOSED, outcomes.PARTIALLY_DISCLOSED)


def close_application(
    actor,
    application: Application,
    *,
    outcome: str,
    on: date,
    partial_withholding: bool = False,
    provided: str = "",
    legal_basis: str = "",
    redirect_agency: str = "",
    provided_form: str = "",
    form_change_reason: str = "",
    form_change_note: str = "",
) -> Reply:
    """Reply to the applicant and close the case with one outcome (one row
    of table 三); the reply letter is issued with it.

    ``provided_form`` is the form the information is provided in (default:
    the one the applicant asked for).  Another form needs
    ``form_change_reason`` (and ``form_change_note`` for 其他), which the
    letter states citing 《条例》第四十条 (R26).

    Refused (``ValidationError``) when the outcome is not one of the 21,
    when any part was withheld but the outcome is not 部分公开 (R23), when a
    refusal lacks its legal reasons (R24), when a third party's objection
    stands against full disclosure (R18), when the form differs from the
    request without a reason (R26), or while a consultation or a fee is
    pending.
    """
    require_writer(actor, application.agency)
    if outcome in STEP_OUTCOMES:
        raise ValidationError({"outcome": str(STEP_OUTCOMES[outcome])})
    with transaction.atomic(durable=True):
        application = locked(application)
        reply = close_case(
            actor,
            application,
            outcome=outcome,
            on=on,
            partial_withholding=partial_withholding,
            provided=provided,
            legal_basis=legal_basis,
            redirect_agency=redirect_agency,
            provided_form=provided_form,
            form_change_reason=form_change_reason,
            form_change_note=form_change_note,
        )
    return reply


def close_case(
    actor, application: Application, *, outcome: str, on: date, **reasons
) -> Reply:
    """Close a locked case inside the caller's transaction (see
    :func:`close_application`); also used by the 第三十五条 decision."""
    require_status(application, Status.IN_PROGRESS)
    reasons = {k: v.strip() if isinstance(v, str) else v for k, v in reasons.items()}
    _check_outcome(application, outcome, reasons)
    check_day(
        on, "on", not_before=application.clock().start or application.receipt_date
    )
    return _close(actor, application, outcome, on, reasons)


def close_as_abandoned(
    actor, application: Application, *, reason: str, on: date
) -> Reply:
    """Close a case as 视为放弃申请: the correction deadline passed without a
    correction (row （六）1), or the fee was not paid in time (（六）2).

    ``actor`` None is the daily job.  Refused if the deadline has not
    passed by ``on`` or the case is no longer waiting.
    """
    if reason not in ABANDON_REASONS:
        raise ValueError(f"unknown reason {reason!r}")
    if actor is not None:
        require_writer(actor, application.agency)
    with transaction.atomic(durable=True):
        application = locked(application)
        if reason == "correction":
            outcome = _abandoned_correction(application, on)
        else:
            outcome = _abandoned_fee(application, on)
        return _close(actor, application, outcome, on, {})


def archive_application(actor, application: Application, *, on: date) -> Application:
    """File the closed case (归档, 第四十五条) once its reply was delivered."""
    require_writer(actor, application.agency)
    with transaction.atomic(durable=True):
        application = locked(application)
        require_status(application, Status.CLOSED)
        if application.archived_on is not None:
            raise ValidationError(_("该申请已归档。"))
        undelivered = application.letters.filter(
            kind=LetterKind.REPLY, delivered_on=None
        )
        if undelivered.exists():
            raise ValidationError(_("答复书尚未记录送达，不能归档。"))
        check_day(on, "on", not_before=application.closed_on)
        Application.objects.filter(pk=application.pk).update(archived_on=on)
        application.archived_on = on
        record(
            actor,
            "applications.archive_application",
            target=application,
            data={"on": on.isoformat()},
        )
    return application


# -- rules ----------------------------------------------------------------


def _check_outcome(application: Application, outcome: str, reasons: dict) -> None:
    if outcome not in outcomes.OUTCOME_KEYS:
        raise ValidationError({"outcome": _("请选择办理结果（年度报告表三的一项）。")})
    # R23, 《条例》第三十七条: 区分处理的，只计部分公开.
    if reasons.get("partial_withholding") and outcome != outcomes.PARTIALLY_DISCLOSED:
        raise ValidationError(
            {"outcome": _("部分内容不予公开（区分处理）的，办理结果只能为“部分公开”。")}
        )
    if outcome == outcomes.PARTIALLY_DISCLOSED:
        reasons["partial_withholding"] = True
    rule = outcomes.RULES[outcome]
    if rule.needs_legal_basis and not reasons.get("legal_basis"):
        raise ValidationError(
            {
                "legal_basis": _(
                    "不予公开（含部分公开中不予公开的部分）须说明理由和法律依据（%(a)s）。"
                )
                % {"a": rule.article}
            }
        )
    if outcome in (
        outcomes.DISCLOSED,
        outcomes.PARTIALLY_DISCLOSED,
    ) and not reasons.get("provided"):
        raise ValidationError(
            {
                "provided": _(
                    "请写明提供的信息，或获取信息的方式、途径和时间（第三十六条）。"
                )
            }
        )
    _check_form(application, outcome, reasons)
    _check_steps(application, outcome)


def _check_form(application: Application, outcome: str, reasons: dict) -> None:
    """R26, 《条例》第四十条: the information is provided in the form asked
    for; another form only with a recorded reason.  Normalises ``reasons``
    to the stored values."""
    form = reasons.get("provided_form") or ""
    reason = reasons.get("form_change_reason") or ""
    note = reasons.get("form_change_note") or ""
    asked = application.provision_form
    if outcome not in PROVIDING:
        if (form and form != asked) or reason or note:
            raise ValidationError(
                {
                    "provided_form": _(
                        "只有提供政府信息（予以公开、部分公开）时，才能选择其他提供形式。"
                    )
                }
            )
        reasons.update(provided_form="", form_change_reason="", form_change_note="")
        return
    form = form or asked
    if form not in ProvisionForm.values:
        raise ValidationError({"provided_form": _("请选择提供政府信息的形式。")})
    if form == asked:
        if reason or note:
            raise ValidationError(
                {
                    "form_change_reason": _(
                        "按申请人要求的形式提供的，无需填写改变形式的理由。"
                    )
                }
            )
    elif reason not in FormChangeReason.values:
        raise ValidationError(
            {
                "form_change_reason": _(
                    "申请人要求以“%(asked)s”形式获取，改以“%(form)s”提供的，"
                    "须说明理由：可能危及政府信息载体安全、公开成本过高或其他理由"
                    "（《条例》第四十条）。"
                )
                % {
                    "asked": ProvisionForm(asked).label,
                    "form": ProvisionForm(form).label,
                }
            }
        )
    elif reason == FormChangeReason.OTHER and not note:
        raise ValidationError(
            {"form_change_note": _("选择“其他”理由的，请写明具体理由。")}
        )
    reasons.update(provided_form=form, form_change_reason=reason, form_change_note=note)


def _check_steps(application: Application, outcome: str) -> None:
    consultations = list(application.consultations.all())
    if any(c.is_open for c in consultations):
        raise ValidationError(_("征求意见尚未答复，请先记录对方意见或逾期未答复。"))
    if outcome == outcomes.DISCLOSED and any(
        c.blocks_disclosure for c in consultations
    ):
        raise ValidationError(
            {
                "outcome": _(
                    "第三方不同意公开且理由合理的，不予公开；确需公开的，须先作出公共利益决定并书面告知第三方。"
                )
            }
        )
    fee = getattr(application, "fee_notice", None)
    if fee is not None and fee.is_pending:
        raise ValidationError(
            _("信息处理费尚未缴纳；逾期未缴纳的，按视为放弃申请办结。")
        )
    if outcome == outcomes.UNABLE_STILL_UNCLEAR and not _correction_received(
        application
    ):
        raise ValidationError(
            {"outcome": _("“补正后申请内容仍不明确”只适用于已经补正的申请。")}
        )


def _correction_received(application: Application) -> bool:
    return Correction.objects.filter(
        application=application, received_on__isnull=False
    ).exists()


def _abandoned_correction(application: Application, on: date) -> str:
    require_status(application, Status.AWAITING_CORRECTION)
    correction = application.correction
    if on <= correction.correct_by:
        raise ValidationError(_("补正期限尚未届满。"))
    if correction.submitted_at is not None:
        raise ValidationError(_("申请人已在线提交补正，请先确认收到补正申请。"))
    return outcomes.ABANDONED_NO_CORRECTION


def _abandoned_fee(application: Application, on: date) -> str:
    require_status(application, Status.IN_PROGRESS)
    fee = getattr(application, "fee_notice", None)
    if fee is None or not fee.is_pending:
        raise ValidationError(_("没有待缴纳的信息处理费。"))
    if fee.payment_due is None or on <= fee.payment_due:
        raise ValidationError(_("缴费期限尚未届满。"))
    return outcomes.ABANDONED_UNPAID_FEE


def _close(
    actor, application: Application, outcome: str, on: date, reasons: dict
) -> Reply:
    reply = Reply.objects.create(
        application=application,
        outcome=outcome,
        replied_on=on,
        partial_withholding=bool(reasons.get("partial_withholding")),
        provided=reasons.get("provided", ""),
        legal_basis=reasons.get("legal_basis", ""),
        redirect_agency=reasons.get("redirect_agency", ""),
        provided_form=reasons.get("provided_form", ""),
        form_change_reason=reasons.get("form_change_reason", ""),
        form_change_note=reasons.get("form_change_note", ""),
        remedy_notice=letter_context.remedy_notice(application.agency, outcome),
        replied_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    move(application, "close")
    Application.objects.filter(pk=application.pk).update(
        status=application.status, outcome=outcome, closed_on=on
    )
    application.outcome, application.closed_on = outcome, on
    issue(
        actor,
        application,
        LetterKind.REPLY,
        on,
        letter_context.reply_context(application, reply),
        outcome=outcome,
        ensure=("provision_form_notice",),
    )
    verb = (
        "applications.close_as_abandoned"
        if outcome in outcomes.OTHER_2021[:2]
        else "applications.close_application"
    )
    record(
        actor,
        verb,
        target=application,
        data={
            "outcome": outcome,
            "label": outcomes.label(outcome),
            "on": on.isoformat(),
            "late": application.due_date is not None and on > application.due_date,
            "provided_form": reply.provided_form,
            "form_change_reason": reply.form_change_reason,
            "form_change_note": reply.form_change_note,
        },
    )
    return reply
