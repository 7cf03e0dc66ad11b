"""The daily job: abandon expired corrections and fees, mark and announce
the newly overdue once, remind about soon-due cases; safe to run twice."""

from datetime import date
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from gongkai.applications import services
from gongkai.applications.models import Application, Status
from gongkai.audit.models import AuditEntry

from .conftest import at, register

SENT = []


class RecordingSms:
    def send(self, phone, text):
        SENT.append((phone, text))


@pytest.fixture
def staff_contacts(lisi, wangwu):
    lisi.email, lisi.phone = "lisi@gucheng.example", "13900000001"
    lisi.save()
    wangwu.email = "wangwu@gucheng.example"
    wangwu.save()


def run(today, capture):
    with at(today), capture(execute=True):
        return services.run_daily_jobs(today)


def test_an_overdue_case_is_marked_and_announced_once(
    case, staff_contacts, django_capture_on_commit_callbacks, settings
):
    settings.GONGKAI_SMS_SENDER = "tests.applications.test_daily_job.RecordingSms"
    SENT.clear()
    report = run(date(2025, 10, 31), django_capture_on_commit_callbacks)
    assert report.overdue == [case.number]
    case.refresh_from_db()
    assert case.overdue_since == date(2025, 10, 31)
    assert len(mail.outbox) == 1
    assert set(mail.outbox[0].to) == {"lisi@gucheng.example", "wangwu@gucheng.example"}
    assert case.number in mail.outbox[0].body and "2025-10-30" in mail.outbox[0].body
    assert SENT and SENT[0][0] == "13900000001"
    again = run(date(2025, 10, 31), django_capture_on_commit_callbacks)
    assert again.overdue == [] and len(mail.outbox) == 1
    assert AuditEntry.objects.filter(verb="applications.mark_overdue").count() == 1


def test_the_day_a_case_is_due_it_is_not_overdue(
    case, django_capture_on_commit_callbacks
):
    report = run(date(2025, 10, 30), django_capture_on_commit_callbacks)
    assert report.overdue == [] and report.reminded == [case.number]


def test_a_soon_due_reminder_is_sent_once(
    case, staff_contacts, django_capture_on_commit_callbacks
):
    first = run(date(2025, 10, 27), django_capture_on_commit_callbacks)
    second = run(date(2025, 10, 28), django_capture_on_commit_callbacks)
    assert (first.reminded, second.reminded) == ([case.number], [])
    assert "即将到期" in mail.outbox[0].subject


def test_expired_corrections_and_fees_are_closed_as_abandoned(
    lisi, gucheng, django_capture_on_commit_callbacks
):
    no_correction = register(lisi, gucheng, date(2025, 9, 26))
    unpaid = register(lisi, gucheng, date(2025, 9, 26), applicant_name="李娟")
    with at(date(2025, 9, 29)):
        services.request_correction(
            lisi,
            no_correction,
            items="写明名称",
            correct_by=date(2025, 10, 10),
            on=date(2025, 9, 29),
        )
        services.issue_fee_notice(
            lisi,
            unpaid,
            basis="per_page",
            quantity=40,
            justification="40页",
            on=date(2025, 9, 29),
        )
    report = run(date(2025, 11, 4), django_capture_on_commit_callbacks)
    assert (report.abandoned_correction, report.abandoned_fee) == (
        [no_correction.number],
        [unpaid.number],
    )
    outcomes = dict(Application.objects.values_list("number", "outcome"))
    assert (
        outcomes[no_correction.number] == "other_1"
        and outcomes[unpaid.number] == "other_2"
    )
    assert (
        run(date(2025, 11, 5), django_capture_on_commit_callbacks).abandoned_fee == []
    )


def test_a_case_replied_to_is_never_marked(
    case, lisi, django_capture_on_commit_callbacks
):
    with at(date(2025, 10, 30)):
        services.close_application(
            lisi, case, outcome="disclosed", on=date(2025, 10, 30), provided="全文"
        )
    assert run(date(2025, 11, 20), django_capture_on_commit_callbacks).overdue == []
    case.refresh_from_db()
    assert (case.status, case.overdue_since) == (Status.CLOSED, None)


def test_the_command_prints_what_it_did(case):
    out = StringIO()
    with at(date(2025, 10, 31)):
        call_command("mark_overdue_applications", stdout=out)
    assert "2025-10-31 依申请公开每日任务" in out.getvalue()
    assert "新标记逾期：1 件" in out.getvalue()


def test_the_command_refuses_a_bad_date():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("mark_overdue_applications", "--today", "31/10/2025")


def test_a_case_replied_to_after_the_listing_is_not_marked_or_announced(
    case, lisi, staff_contacts, django_capture_on_commit_callbacks
):
    """The job lists the overdue cases, then claims them one by one: a reply
    sent in between (by a clerk, while the job runs) wins."""
    from gongkai.applications.services import jobs

    today = date(2025, 10, 31)
    listed = list(jobs._overdue(today).values_list("pk", flat=True))
    assert listed == [case.pk]
    with at(today):
        services.close_application(
            lisi, case, outcome="disclosed", on=today, provided="全文"
        )
        with django_capture_on_commit_callbacks(execute=True):
            assert jobs._mark_one_overdue(case.pk, today) is None
    case.refresh_from_db()
    assert case.overdue_since is None
    assert not AuditEntry.objects.filter(verb="applications.mark_overdue").exists()
    assert not [m for m in mail.outbox if "逾期" in m.subject]


def test_a_case_extended_after_the_listing_gets_no_reminder(
    case, wangwu, staff_contacts, django_capture_on_commit_callbacks
):
    from gongkai.applications.services import jobs

    today = date(2025, 10, 28)
    with at(today):
        last = jobs.deadlines.soon_threshold(jobs.get_calendar(), today)
        assert list(jobs._due_soon(today, last).values_list("pk", flat=True)) == [
            case.pk
        ]
        services.extend_deadline(wangwu, case, days=20, reason="档案调阅", on=today)
        with django_capture_on_commit_callbacks(execute=True):
            assert jobs._remind_one(case.pk, today, last) is None
    case.refresh_from_db()
    assert case.reminded_on is None and mail.outbox == []
