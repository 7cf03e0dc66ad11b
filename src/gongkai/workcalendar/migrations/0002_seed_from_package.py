"""Seed the State Council arrangements 2004–2026 from chinesecalendar.

Every fresh database thus starts with the years the package covers; later
years are added by an administrator (or by ``seed_calendar`` after a package
upgrade).  The years are fixed here so that the migration's effect does not
depend on the installed package version.
"""

from django.db import migrations
from django.utils import timezone

SEEDED_YEARS = range(2004, 2027)


def seed(apps, schema_editor):
    from gongkai.workdays.package import package_arrangements

    CalendarYear = apps.get_model("workcalendar", "CalendarYear")
    CalendarException = apps.get_model("workcalendar", "CalendarException")
    arrangements = package_arrangements()
    now = timezone.now()
    for year in SEEDED_YEARS:
        if year not in arrangements or CalendarYear.objects.filter(year=year).exists():
            continue
        arrangement = arrangements[year]
        calendar_year = CalendarYear.objects.create(
            year=year, source=arrangement.source, origin="package", added_at=now
        )
        rows = [
            CalendarException(
                calendar_year=calendar_year,
                date=day,
                kind=kind,
                name=name,
                source_notice=arrangement.source,
            )
            for kind, days in (
                ("holiday", arrangement.holidays),
                ("adjusted_workday", arrangement.adjusted_workdays),
            )
            for day, name in sorted(days.items())
        ]
        CalendarException.objects.bulk_create(rows)


def unseed(apps, schema_editor):
    CalendarYear = apps.get_model("workcalendar", "CalendarYear")
    CalendarYear.objects.filter(year__in=SEEDED_YEARS, origin="package").delete()


class Migration(migrations.Migration):
    dependencies = [("workcalendar", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
