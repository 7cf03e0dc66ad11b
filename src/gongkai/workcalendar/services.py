"""State changes of the statutory calendar.  Admin, forms and commands call these.

Every function stores a whole year or nothing: the input is checked first and
refused with Chinese messages (a ``ValidationError`` listing every problem),
then written in one transaction.  After the commit the in-process calendar
cache is cleared and :data:`~gongkai.workcalendar.signals.calendar_year_added`
is sent.
"""

from collections.abc import Mapping
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.audit.services import record
from gongkai.workdays import YearArrangement

from . import formats
from .models import CalendarException, CalendarYear
from .selectors import clear_calendar_cache
from .signals import calendar_year_added

Origin = CalendarYear.Origin


def add_calendar_year(
    user,
    year: int,
    holidays: Mapping[date, str],
    workdays: Mapping[date, str],
    source: str,
    *,
    published_on: date | None = None,
    replace: bool = False,
    origin: str = Origin.FORM,
) -> CalendarYear:
    """Store one year's official arrangement; return its CalendarYear.

    ``holidays`` maps each rest day to its festival name, ``workdays`` each
    调休 weekend working day.  A year already covered is refused unless
    ``replace`` is true, in which case its days are replaced and the row
    records the new source, user and time.  ``user`` may be None for data
    loaded by the system (the package seed).
    """
    arrangement = YearArrangement(
        year, source.strip(), holidays, workdays, published_on
    )
    with transaction.atomic(durable=True):
        existing = CalendarYear.objects.select_for_update().filter(year=year).first()
        _check(arrangement, existing, replace)
        calendar_year = _store(user, arrangement, existing, origin)
        record(
            user,
            "workcalendar.add_calendar_year",
            target=calendar_year,
            data=_audit_data(arrangement, origin, replaced=existing is not None),
        )
        transaction.on_commit(lambda: _announce(calendar_year, existing is not None))
    clear_calendar_cache()
    return calendar_year


def import_calendar_file(
    user,
    content: bytes | str,
    file_format: str,
    source: str,
    *,
    year: int | None = None,
    published_on: date | None = None,
    replace: bool = False,
) -> CalendarYear:
    """Store the year read from a CSV or ICS file (see :mod:`.formats`).

    ``year`` defaults to the year of the file's first date; every date must
    belong to it.  Errors carry line numbers and nothing is stored.
    """
    readers = {Origin.CSV: formats.read_csv, Origin.ICS: formats.read_ics}
    if file_format not in readers:
        raise ValidationError(
            _("不支持的文件格式：%(format)s") % {"format": file_format}
        )
    days = formats.one_year(readers[file_format](formats.decode(content)), year)
    return add_calendar_year(
        user,
        days.year,
        days.holidays,
        days.adjusted_workdays,
        source,
        published_on=published_on,
        replace=replace,
        origin=file_format,
    )


def seed_from_package(arrangements: Mapping[int, YearArrangement]) -> list[int]:
    """Store every given year not yet covered; return the years added.

    Years already present are left alone, so running it twice is harmless.
    """
    covered = set(CalendarYear.objects.values_list("year", flat=True))
    added = []
    for year, arrangement in sorted(arrangements.items()):
        if year in covered:
            continue
        add_calendar_year(
            None,
            year,
            arrangement.holidays,
            arrangement.adjusted_workdays,
            arrangement.source,
            origin=Origin.PACKAGE,
        )
        added.append(year)
    return added


def _check(arrangement: YearArrangement, existing: CalendarYear | None, replace: bool):
    problems = arrangement.problems()
    if not arrangement.holidays:
        problems.append(
            _("%(year)s 年的安排没有任何放假日") % {"year": arrangement.year}
        )
    if existing is not None and not replace:
        problems.append(
            _("%(year)s 年已有法定节假日安排（来源：%(source)s）；如需更正，请选择替换")
            % {"year": arrangement.year, "source": existing.source}
        )
    if problems:
        raise ValidationError(problems)


def _store(user, arrangement: YearArrangement, existing, origin: str) -> CalendarYear:
    calendar_year = existing or CalendarYear(year=arrangement.year)
    calendar_year.source = arrangement.source
    calendar_year.published_on = arrangement.published_on
    calendar_year.origin = origin
    calendar_year.added_by = user if getattr(user, "is_authenticated", False) else None
    calendar_year.added_at = timezone.now()
    calendar_year.save()
    calendar_year.exceptions.all().delete()
    CalendarException.objects.bulk_create(_exception_rows(calendar_year, arrangement))
    return calendar_year


def _exception_rows(calendar_year: CalendarYear, arrangement: YearArrangement):
    kinds = (
        (CalendarException.Kind.HOLIDAY, arrangement.holidays),
        (CalendarException.Kind.ADJUSTED_WORKDAY, arrangement.adjusted_workdays),
    )
    return [
        CalendarException(
            calendar_year=calendar_year,
            date=day,
            kind=kind,
            name=name,
            source_notice=arrangement.source,
        )
        for kind, days in kinds
        for day, name in sorted(days.items())
    ]


def _audit_data(arrangement: YearArrangement, origin: str, replaced: bool) -> dict:
    return {
        "year": arrangement.year,
        "source": arrangement.source,
        "holidays": len(arrangement.holidays),
        "adjusted_workdays": len(arrangement.adjusted_workdays),
        "origin": str(origin),
        "replaced": replaced,
    }


def _announce(calendar_year: CalendarYear, replaced: bool) -> None:
    clear_calendar_cache()
    calendar_year_added.send(
        sender=CalendarYear,
        year=calendar_year.year,
        calendar_year=calendar_year,
        replaced=replaced,
    )
