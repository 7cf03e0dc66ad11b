"""Statutory working-day arithmetic, without Django (spec §5, R1–R5).

Build a :class:`Calendar` from official arrangements (one
:class:`YearArrangement` per covered year: rest days, 调休 working days and
the notice they come from), then:

- ``add_workdays(cal, start, n, pauses=())``: the n-th working day strictly
  after ``start`` (《民法典》第二百零一条), skipping working days inside pauses
  (《条例》第三十三条第二款);
- ``add_workdays_with_proof(...)``: the same date with a day-by-day
  :class:`Proof`;
- ``is_workday(cal, day)`` and ``workdays_between(cal, a, b)`` (days in
  ``(a, b]``).

Every function raises :class:`CalendarMissing`, naming the year, when a day
it needs lies in a year without official data; nothing ever falls back to a
Monday–Friday guess.  ``package_calendar()`` gives the 2004–2026 data of the
chinesecalendar package; the Django app ``gongkai.workcalendar`` builds one
from its database with ``get_calendar()``.  ``read_notice(text, year)``
reads the wording of a State Council notice for an administrator to review.
"""

from .arithmetic import Pause, add_workdays, is_workday, workdays_between
from .calendar import (
    Calendar,
    CalendarDataError,
    CalendarMissing,
    DayInfo,
    YearArrangement,
)
from .notice import NoticeReading, read_notice
from .package import package_arrangements, package_calendar
from .proof import Proof, ProofDay, add_workdays_with_proof

__all__ = [
    "Calendar",
    "CalendarDataError",
    "CalendarMissing",
    "DayInfo",
    "NoticeReading",
    "Pause",
    "Proof",
    "ProofDay",
    "YearArrangement",
    "add_workdays",
    "add_workdays_with_proof",
    "is_workday",
    "package_arrangements",
    "package_calendar",
    "read_notice",
    "workdays_between",
]
