"""The daily job and the calendar-driven recomputation.

``run_daily_jobs(today)`` is safe to run twice at the same time: overdue
and soon-due cases are claimed with a conditional UPDATE that repeats the
whole selection (still running, still past due, not yet marked; see
``_claim``), and closing as abandoned re-checks the status under a row
lock, so each case is marked, announced or closed by exactly one run.
``tests/applications/test_daily_job_concurrency.py`` runs two at once on
PostgreSQL (threads) and on an SQLite file (processes).
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
    listed = _overdue(today).values_list("pk", flat=True)
    return [n for n in (_mark_one_overdue(pk, today) for pk in list(listed)) if n]


def _overdue(today: date):
    return Application.objects.overdue(today).filter(overdue_since=None)


def _mark_one_overdue(pk: int, today: date) -> str | None:
    """Mark and announce case ``pk`` as overdue if it still is and no run
    has marked it yet; return its number, or None."""
    with transaction.atomic(durable=True):
        application = _claim(_overdue(today), pk, overdue_since=today)
        if application is None:
            return None  # another run claimed it, or it was replied to
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
    return application.number


def _remind(today: date) -> list[str]:
    try:
        last = deadlines.soon_threshold(get_calendar(), today)
    except CalendarMissing:
        return []
    listed = _due_soon(today, last).values_list("pk", flat=True)
    return [n for n in (_remind_one(pk, today, last) for pk in list(listed)) if n]


def _due_soon(today: date, last: date):
    return Application.objects.due_between(today, last).filter(reminded_on=None)


def _remind_one(pk: int, today: date, last: date) -> str | None:
    with transaction.atomic(durable=True):
        application = _claim(_due_soon(today, last), pk, reminded_on=today)
        if application is None:
            return None
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
    return application.number


def _claim(candidates, pk: int, **changes) -> Application | None:
    """Set ``changes`` on case ``pk`` if it still meets the conditions of
    ``candidates``, in one conditional UPDATE, and return the case as it
    now stands; None if it no longer does.

    The condition is the whole selection, not only "not yet marked": a case
    replied to, or given a later due date, between the listing and the
    claim is left alone.  Two runs at once: on PostgreSQL the second UPDATE
    waits for the first one's row lock and then re-checks the condition on
    the committed row (READ COMMITTED); on SQLite the IMMEDIATE transaction
    serialises the writers.  Either way exactly one run claims the case.
    Call inside a transaction.
    """
    if not candidates.filter(pk=pk).update(**changes):
        return None
    return Application.objects.select_related("agency").get(pk=pk)
