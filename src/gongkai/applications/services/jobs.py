"""The daily job and the calendar-driven recomputation.

``run_daily_jobs(today)`` is safe to run twice at the same time: cases are
claimed with a conditional UPDATE (``overdue_since IS NULL``), and closing
re-checks the status under a row lock, so a second run finds nothing left.
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.audit.services import record
from gongkai.workcalendar.selectors import get_calendar
from gongkai.workdays import CalendarMissing

from .. import deadlines
from ..models import Application, Status
from ..notify import notify_staff
from .closing import close_as_abandoned
from .common import refresh_deadlines


@dataclass
class DailyReport:
    abandoned_correction: list[str] = field(default_factory=list)
    abandoned_fee: list[str] = field(default_factory=list)
    overdue: list[str] = field(default_factory=list)
    reminded: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [
            f"逾期不补正、视为放弃申请：{len(self.abandoned_correction)} 件",
            f"逾期未缴费、视为放弃申请：{len(self.abandoned_fee)} 件",
            f"新标记逾期：{len(self.overdue)} 件",
            f"即将到期提醒：{len(self.reminded)} 件",
        ]


def run_daily_jobs(today: date) -> DailyReport:
    """Close the cases abandoned by ``today``, mark and announce the newly
    overdue, and remind about those due within 3 working days."""
    report = DailyReport()
    report.abandoned_correction = _abandon(
        _expired_corrections(today), "correction", today
    )
    report.abandoned_fee = _abandon(_expired_fees(today), "fee", today)
    report.overdue = _mark_overdue(today)
    report.reminded = _remind(today)
    return report


def recompute_waiting_deadlines(year: int | None = None) -> list[str]:
    """Recompute every case waiting for calendar data (for ``year`` or any)
    and return the numbers whose dates are now known."""
    waiting = Application.objects.waiting_for_calendar()
    if year is not None:
        waiting = waiting.filter(calendar_missing_year__lte=year)
    done = []
    for application in waiting.select_related("agency"):
        with transaction.atomic(durable=True):
            refresh_deadlines(application)
            record(
                None,
                "applications.recompute_deadline",
                target=application,
                data={
                    "year": year,
                    "due_date": application.due_date
                    and application.due_date.isoformat(),
                },
            )
        if application.calendar_missing_year is None:
            done.append(application.number)
    return done


def _expired_corrections(today: date):
    return Application.objects.filter(
        status=Status.AWAITING_CORRECTION,
        correction__correct_by__lt=today,
        correction__received_on=None,
        correction__submitted_at=None,
    )


def _expired_fees(today: date):
    return Application.objects.filter(
        status=Status.IN_PROGRESS,
        fee_notice__paid_on=None,
        fee_notice__waived_on=None,
        fee_notice__payment_due__lt=today,
    )


def _abandon(queryset, reason: str, today: date) -> list[str]:
    closed = []
    for application in queryset.select_related("agency"):
        try:
            close_as_abandoned(None, application, reason=reason, on=today)
        except ValidationError:
            continue  # another run closed it first
        closed.append(application.number)
    return closed


def _mark_overdue(today: date) -> list[str]:
    marked = []
    for application in (
        Application.objects.overdue(today)
        .filter(overdue_since=None)
        .select_related("agency")
    ):
        with transaction.atomic(durable=True):
            claimed = Application.objects.filter(
                pk=application.pk, overdue_since=None
            ).update(overdue_since=today)
            if not claimed:
                continue
            record(
                None,
                "applications.mark_overdue",
                target=application,
                data={"due_date": application.due_date.isoformat()},
            )
            notify_staff(
                application.agency,
                _("政府信息公开申请已逾期"),
                _("申请 %(number)s（%(name)s）的答复期限 %(due)s 已过，尚未办结。")
                % {
                    "number": application.number,
                    "name": application.applicant_name,
                    "due": application.due_date,
                },
            )
        marked.append(application.number)
    return marked


def _remind(today: date) -> list[str]:
    try:
        last = deadlines.soon_threshold(get_calendar(), today)
    except CalendarMissing:
        return []
    reminded = []
    for application in (
        Application.objects.due_between(today, last)
        .filter(reminded_on=None)
        .select_related("agency")
    ):
        with transaction.atomic(durable=True):
            if not Application.objects.filter(
                pk=application.pk, reminded_on=None
            ).update(reminded_on=today):
                continue
            notify_staff(
                application.agency,
                _("政府信息公开申请即将到期"),
                _("申请 %(number)s（%(name)s）应于 %(due)s 前答复。")
                % {
                    "number": application.number,
                    "name": application.applicant_name,
                    "due": application.due_date,
                },
            )
        reminded.append(application.number)
    return reminded
