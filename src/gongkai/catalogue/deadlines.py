"""Statutory dates of catalogue documents, from the official calendar.

- 《条例》第二十六条: proactive information is published within 20 working
  days of the day it was formed or changed (R5).
- R50: a policy document's 解读 follows within a configurable number of
  working days of its publication (default 3, setting
  ``CATALOGUE_INTERPRETATION_WORKDAYS``).

A date that needs a year without official calendar data is stored as
``None`` (never guessed); when that year is added, the
``calendar_year_added`` signal recomputes the missing dates.
"""

from datetime import date

from django.conf import settings

from gongkai.workdays import CalendarMissing, add_workdays

# 《条例》第二十六条：自该政府信息形成或者变更之日起20个工作日内予以公开。
PROACTIVE_WORKDAYS = 20
INTERPRETATION_WORKDAYS = 3


def _calendar():
    from gongkai.workcalendar.selectors import get_calendar

    return get_calendar()


def workdays_after(start: date, n: int, calendar=None) -> date | None:
    """Return the n-th working day strictly after ``start``, or None when
    the calendar does not cover the days needed."""
    try:
        return add_workdays(calendar or _calendar(), start, n)
    except CalendarMissing:
        return None


def publication_due(formed_on: date, calendar=None) -> date | None:
    return workdays_after(formed_on, PROACTIVE_WORKDAYS, calendar)


def interpretation_workdays() -> int:
    return getattr(
        settings, "CATALOGUE_INTERPRETATION_WORKDAYS", INTERPRETATION_WORKDAYS
    )


def interpretation_due(published_on: date, calendar=None) -> date | None:
    return workdays_after(published_on, interpretation_workdays(), calendar)


def recompute_missing_deadlines(sender=None, **kwargs) -> int:
    """Fill in the dates that were missing for lack of calendar data; return
    how many documents got one.  Connected to ``calendar_year_added``."""
    from .models import Document, Status

    calendar = _calendar()
    changed = 0
    for document in Document.objects.filter(
        status=Status.DRAFT, publication_due_on__isnull=True
    ).only("pk", "formed_on"):
        due = publication_due(document.formed_on, calendar)
        if due is not None:
            changed += Document.objects.filter(pk=document.pk).update(
                publication_due_on=due
            )
    return changed + _recompute_interpretation_dates(calendar)


def _recompute_interpretation_dates(calendar) -> int:
    from .models import Document
    from .models.choices import NEEDS_INTERPRETATION

    changed = 0
    missing = Document.objects.public().filter(
        kind__in=NEEDS_INTERPRETATION, interpretation_due_on__isnull=True
    )
    for document in missing.only("pk", "published_on"):
        due = interpretation_due(document.published_on, calendar)
        if due is not None:
            changed += Document.objects.filter(pk=document.pk).update(
                interpretation_due_on=due
            )
    return changed
