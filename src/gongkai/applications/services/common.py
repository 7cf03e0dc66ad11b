"""What every applications service shares: permission checks, locking, the
declared transitions, date checks and refreshing the stored deadlines."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.accounts.models import Role
from gongkai.accounts.permissions import agencies_for_user, has_role
from gongkai.workcalendar.selectors import get_calendar
from gongkai.workdays import CalendarMissing

from .. import deadlines
from ..models import TRANSITIONS, Application


def require_writer(actor, agency) -> None:
    """Raise ``PermissionDenied`` unless ``actor`` may change the agency's
    cases (经办人, 负责人 or 发布审核 of that agency)."""
    if not agencies_for_user(actor, write=True).filter(pk=agency.pk).exists():
        raise PermissionDenied


def require_head(actor, agency) -> None:
    # 《条例》第三十三条第二款：延长答复期限应当经政府信息公开工作机构负责人同意.
    if not has_role(actor, agency, Role.HEAD):
        raise PermissionDenied(_("此项操作须由政府信息公开工作机构负责人批准。"))


def locked(application: Application) -> Application:
    """Return the case re-read under a row lock, inside the caller's
    transaction (fresh, so no stale cached step records)."""
    return (
        Application.objects.select_for_update()
        .select_related("agency")
        .get(pk=application.pk)
    )


def move(application: Application, action: str) -> None:
    """Change the status along a declared transition, or refuse."""
    sources, target = TRANSITIONS[action]
    if application.status not in sources:
        raise ValidationError(
            _("当前状态为“%(status)s”，不能进行此项操作。")
            % {"status": application.get_status_display()}
        )
    application.status = target


def require_status(application: Application, *statuses: str) -> None:
    if application.status not in statuses:
        raise ValidationError(
            _("当前状态为“%(status)s”，不能进行此项操作。")
            % {"status": application.get_status_display()}
        )


def check_day(day: date, field: str, *, not_before: date | None = None) -> None:
    """Refuse a date in the future or before ``not_before``."""
    if day > timezone.localdate():
        raise ValidationError({field: _("日期不能晚于今天。")})
    if not_before is not None and day < not_before:
        raise ValidationError(
            {field: _("日期不能早于 %(day)s。") % {"day": not_before.isoformat()}}
        )


def calendar_date(function, *args) -> date:
    """Return ``function(calendar, *args)``, turning a missing calendar year
    into a ``ValidationError`` for steps that cannot wait for it."""
    try:
        return function(get_calendar(), *args)
    except CalendarMissing as missing:
        raise ValidationError(str(missing)) from None


def refresh_deadlines(application: Application) -> Application:
    """Recompute and store every derived date of the case: the consulted
    parties' and the fee's due dates, then the reply due date.

    A date that needs a year without official calendar data is stored as
    None and the year in ``calendar_missing_year`` (R2): the page warns and
    the ``calendar_year_added`` signal recomputes it.  Returns the case as
    stored.
    """
    calendar = get_calendar()
    fresh = Application.objects.select_related("agency").get(pk=application.pk)
    missing: list[int] = []
    for consultation in fresh.consultations.all():
        due = _attempt(
            missing,
            deadlines.consultation_due,
            calendar,
            consultation.party_received_on,
        )
        _store(consultation, "reply_due", due)
    fee = getattr(fresh, "fee_notice", None)
    if fee is not None:
        due = _attempt(missing, deadlines.fee_payment_due, calendar, fee.received_on)
        _store(fee, "payment_due", due)
    fresh = Application.objects.select_related("agency").get(pk=application.pk)
    deadline = _reply_deadline(fresh, calendar, missing)
    changes = {
        "due_date": deadline.due if deadline else None,
        "calendar_missing_year": min(missing) if missing else None,
    }
    if changes["due_date"] is None or changes["due_date"] >= timezone.localdate():
        changes["overdue_since"] = None
    Application.objects.filter(pk=fresh.pk).update(**changes)
    for field, value in changes.items():
        setattr(application, field, value)
    return application


def _reply_deadline(application, calendar, missing):
    if any(p is None for p in _step_pauses(application)):
        # A pause whose end is unknown leaves the due date unknown too.
        return None
    return _attempt(missing, deadlines.reply_deadline, calendar, application.clock())


def _step_pauses(application):
    for consultation in application.consultations.all():
        yield consultation.pause()
    fee = getattr(application, "fee_notice", None)
    if fee is not None and fee.pauses_clock:
        yield fee.pause()


def _attempt(missing: list[int], function, *args):
    try:
        return function(*args)
    except CalendarMissing as error:
        missing.append(error.year)
        return None


def _store(record, field: str, value) -> None:
    if getattr(record, field) != value:
        setattr(record, field, value)
        record.save(update_fields=[field])
