"""Read side: the statutory calendar built from the database.

``get_calendar()`` is what every deadline computation uses.  It is cached
per process and rebuilt when the table changes: the services clear the cache
when they store a year, and each call compares a cheap stamp (row count and
latest ``added_at``) so that a year added by another process is seen too.
"""

import csv
import io
import threading

from django.db.models import Count, Max

from gongkai.workdays import Calendar, YearArrangement

from .models import CalendarException, CalendarYear

CSV_HEADER = ["date", "kind", "name"]

_lock = threading.Lock()
_cached: tuple[object, Calendar] | None = None


def get_calendar() -> Calendar:
    """Return the Calendar of every covered year in the database."""
    global _cached
    stamp = _stamp()
    cached = _cached
    if cached is not None and cached[0] == stamp:
        return cached[1]
    with _lock:
        calendar = Calendar(_arrangements())
        _cached = (stamp, calendar)
    return calendar


def clear_calendar_cache() -> None:
    global _cached
    _cached = None


def covered_years() -> list[int]:
    """Return the years with an official arrangement, in order."""
    return list(CalendarYear.objects.order_by("year").values_list("year", flat=True))


def export_csv(years: list[int] | None = None) -> str:
    """Return the exception days as CSV (``date,kind,name``), by date.

    The output of one year is accepted unchanged by the CSV import.
    """
    rows = CalendarException.objects.order_by("date")
    if years is not None:
        rows = rows.filter(calendar_year__year__in=years)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for day, kind, name in rows.values_list("date", "kind", "name"):
        writer.writerow([day.isoformat(), kind, name])
    return out.getvalue()


def _stamp() -> tuple:
    figures = CalendarYear.objects.aggregate(n=Count("id"), last=Max("added_at"))
    return (figures["n"], figures["last"])


def _arrangements() -> list[YearArrangement]:
    days: dict[int, tuple[dict, dict]] = {}
    rows = CalendarException.objects.values_list(
        "calendar_year_id", "date", "kind", "name"
    )
    for year_id, day, kind, name in rows:
        holidays, workdays = days.setdefault(year_id, ({}, {}))
        target = holidays if kind == CalendarException.Kind.HOLIDAY else workdays
        target[day] = name
    return [
        YearArrangement(y.year, y.source, *days.get(y.pk, ({}, {})), y.published_on)
        for y in CalendarYear.objects.order_by("year")
    ]
