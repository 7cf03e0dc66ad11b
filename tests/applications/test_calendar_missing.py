"""A deadline that needs a year without official calendar data stores no
guessed date (R2): the case shows a warning, and adding the year
recomputes it (``calendar_year_added``)."""

from datetime import date

from django.urls import reverse

from gongkai.applications import services
from gongkai.audit.models import AuditEntry
from gongkai.workcalendar.services import add_calendar_year
from tests.workcalendar.conftest import HOLIDAYS_2027, SOURCE_2027, WORKDAYS_2027

from .conftest import at, register


def add_2027(capture):
    with capture(execute=True):
        add_calendar_year(None, 2027, HOLIDAYS_2027, WORKDAYS_2027, SOURCE_2027)


def test_an_extension_into_an_uncovered_year_leaves_the_date_open(
    lisi, wangwu, gucheng
):
    case = register(lisi, gucheng, date(2026, 12, 1))
    assert case.due_date == date(2026, 12, 29)
    with at(date(2026, 12, 10)):
        services.extend_deadline(
            wangwu, case, days=20, reason="档案在县档案馆", on=date(2026, 12, 10)
        )
    case.refresh_from_db()
    assert (case.due_date, case.calendar_missing_year) == (None, 2027)
    assert "（待定：缺少法定节假日安排）" in case.letters.get(kind="extension").body


def test_a_receipt_late_in_the_year_shows_a_warning_not_a_guess(client, lisi, gucheng):
    case = register(lisi, gucheng, date(2026, 12, 15))
    assert (case.due_date, case.calendar_missing_year) == (None, 2027)
    with at(date(2026, 12, 15)):
        client.force_login(lisi)
        page = client.get(
            reverse("applications:detail", args=[case.pk])
        ).content.decode()
    assert "缺少 2027 年的法定节假日安排数据" in page
    assert 'id="due-date"' not in page


def test_adding_the_year_recomputes_the_waiting_cases(
    django_capture_on_commit_callbacks, lisi, gucheng
):
    waiting = register(lisi, gucheng, date(2026, 12, 15))
    ready = register(lisi, gucheng, date(2026, 11, 2))
    with at(date(2026, 12, 16)):
        add_2027(django_capture_on_commit_callbacks)
    waiting.refresh_from_db()
    # The made-up 2027 arrangement has 元旦 1-1..1-3 off: 2026-12-15 + 20
    # working days = 12-16..12-31 (12) + 1-4..1-8 (5) + 1-11..1-13 (3).
    assert (waiting.due_date, waiting.calendar_missing_year) == (
        date(2027, 1, 13),
        None,
    )
    assert AuditEntry.objects.filter(
        verb="applications.recompute_deadline", target_id=str(waiting.pk)
    ).exists()
    assert not AuditEntry.objects.filter(
        verb="applications.recompute_deadline", target_id=str(ready.pk)
    ).exists()
