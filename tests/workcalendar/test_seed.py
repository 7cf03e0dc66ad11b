from datetime import date, timedelta

from django.core.management import call_command

import pytest

from gongkai.workcalendar.models import CalendarException, CalendarYear
from gongkai.workcalendar.selectors import covered_years, get_calendar
from gongkai.workdays import add_workdays, package_arrangements, package_calendar
from tests.workdays.deadlines import CASES

pytestmark = pytest.mark.django_db


def test_a_fresh_database_covers_2004_to_2026():
    assert covered_years() == list(range(2004, 2027))
    assert CalendarYear.objects.get(year=2026).origin == CalendarYear.Origin.PACKAGE


def test_the_seeded_days_are_those_of_the_package():
    expected = sum(
        len(a.holidays) + len(a.adjusted_workdays)
        for a in package_arrangements().values()
    )
    assert CalendarException.objects.count() == expected
    row = CalendarException.objects.get(date=date(2026, 2, 14))
    assert (row.kind, row.name) == ("adjusted_workday", "春节")
    assert row.source_notice.startswith("国务院办公厅关于2026年部分节假日安排的通知")


def test_the_database_calendar_agrees_with_the_package_on_every_day():
    db, package = get_calendar(), package_calendar()
    day = date(2004, 1, 1)
    while day.year <= 2026:
        assert db.is_workday(day) is package.is_workday(day), day
        day += timedelta(days=1)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_the_database_calendar_gives_the_fixture_due_dates(case):
    from gongkai.workdays import CalendarMissing

    calendar = get_calendar()
    if case.due is None:
        with pytest.raises(CalendarMissing, match=str(case.missing_year)):
            add_workdays(calendar, case.start, case.n)
    else:
        assert add_workdays(calendar, case.start, case.n) == case.due


def test_seed_calendar_is_idempotent(capsys):
    before = CalendarException.objects.count()
    call_command("seed_calendar")
    call_command("seed_calendar")
    assert CalendarException.objects.count() == before
    assert "均已录入" in capsys.readouterr().out


def test_seed_calendar_restores_a_missing_year(capsys):
    CalendarYear.objects.filter(year=2010).delete()
    call_command("seed_calendar")
    assert "录入 1 个年份：2010" in capsys.readouterr().out
    assert 2010 in covered_years()
    assert CalendarException.objects.filter(date__year=2010).exists()
