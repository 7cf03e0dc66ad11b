"""Recording reconsiderations and lawsuits about an application (R68)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.applications.models import Application
from gongkai.applications.services.common import require_writer
from gongkai.audit.services import record

from .models import Remedy, Result, Route


def record_remedy(
    actor,
    application: Application,
    *,
    route: str,
    body: str,
    case_number: str,
    filed_on: date,
    follows: Remedy | None = None,
    note: str = "",
) -> Remedy:
    """Record that the applicant applied for reconsideration or sued over
    ``application``; the result starts as 尚未审结.

    A lawsuit after reconsideration names the reconsideration it follows
    (of the same application, decided by then).
    """
    require_writer(actor, application.agency)
    _check_new(application, route, body, case_number, filed_on, follows)
    with transaction.atomic(durable=True):
        remedy = Remedy.objects.create(
            application=application,
            route=route,
            follows=follows,
            body=body.strip(),
            case_number=case_number.strip(),
            filed_on=filed_on,
            note=note.strip(),
            created_by=actor,
        )
        record(
            actor,
            "remedies.record_remedy",
            target=remedy,
            data={
                "application": application.number,
                "route": route,
                "filed_on": filed_on.isoformat(),
            },
        )
    return remedy


def record_result(
    actor, remedy: Remedy, *, result: str, decided_on: date, note: str = ""
) -> Remedy:
    """Record the decision or judgment: 维持, 纠正 or 其他, and its date."""
    require_writer(actor, remedy.application.agency)
    if result not in (Result.UPHELD, Result.CORRECTED, Result.OTHER):
        raise ValidationError({"result": _("请选择结果：维持、纠正或其他。")})
    with transaction.atomic(durable=True):
        remedy = Remedy.objects.select_for_update().get(pk=remedy.pk)
        if not remedy.is_pending:
            raise ValidationError(_("已记录结果。"))
        _check_date(decided_on, "decided_on", remedy.filed_on)
        remedy.result, remedy.decided_on = result, decided_on
        if note.strip():
            remedy.note = f"{remedy.note}\n{note.strip()}".strip()
        remedy.save(update_fields=["result", "decided_on", "note"])
        record(
            actor,
            "remedies.record_result",
            target=remedy,
            data={"result": result, "decided_on": decided_on.isoformat()},
        )
    return remedy


def _check_new(application, route, body, case_number, filed_on, follows) -> None:
    if route not in Route.values:
        raise ValidationError({"route": _("请选择途径。")})
    if not body.strip() or not case_number.strip():
        raise ValidationError(_("请填写复议机关或人民法院，以及案号。"))
    if application.receipt_date is None:
        raise ValidationError(_("尚未确认收到的申请不能登记复议或诉讼。"))
    _check_date(filed_on, "filed_on", application.receipt_date)
    if route == Route.LITIGATION_AFTER:
        _check_follows(application, follows, filed_on)
    elif follows is not None:
        raise ValidationError({"follows": _("只有复议后起诉需要关联此前的行政复议。")})


def _check_follows(application, follows, filed_on) -> None:
    if (
        follows is None
        or follows.application_id != application.pk
        or follows.route != Route.RECONSIDERATION
    ):
        raise ValidationError({"follows": _("复议后起诉须关联本申请的行政复议。")})
    if follows.decided_on is None or filed_on < follows.decided_on:
        raise ValidationError({"follows": _("复议后起诉应在行政复议作出决定之后。")})


def _check_date(day: date, field: str, not_before: date) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: _("日期不能晚于今天。")})
    if day < not_before:
        raise ValidationError(
            {field: _("日期不能早于 %(d)s。") % {"d": not_before.isoformat()}}
        )
