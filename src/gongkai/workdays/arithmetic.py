"""Working-day arithmetic for statutory deadlines.

Counting rule: 《民法典》第二百零一条：按照年、月、日计算期间的，开始的当日不计
入，自下一日开始计算.  So ``add_workdays(cal, d, n)`` is the n-th working day
*strictly after* ``d``, whether or not ``d`` is itself a working day.  A
deadline that would end on a rest day moves on by itself (第二百零三条), since
only working days are counted.

Pauses: 《条例》第三十三条第二款：行政机关征求第三方和其他机关意见所需时间不计算
在前款规定的期限内.  A pause is an inclusive date range ``(first, last)``;
working days inside any pause are not counted, which extends the deadline by
exactly the number of working days the pauses cover before it ends.
Overlapping pauses count once; pauses wholly before the start or after the
deadline change nothing.
"""

from collections.abc import Iterable
from datetime import date, timedelta
from typing import NamedTuple

from .calendar import Calendar, CalendarMissing


class Pause(NamedTuple):
    """An inclusive range of days excluded from a deadline, with the reason.

    A plain ``(first, last)`` tuple is accepted wherever a Pause is.
    """

    first: date
    last: date
    reason: str = "中止计算期限"
    # The legal ground the proof cites for the pause.  Consultation time is
    # excluded by 《条例》第三十三条第二款; other pauses name their own ground.
    basis: str = "《政府信息公开条例》第三十三条第二款"


def add_workdays(
    calendar: Calendar, start: date, n: int, pauses: Iterable[tuple] = ()
) -> date:
    """Return the n-th working day strictly after ``start``.

    ``n`` must be at least 1.  Working days inside ``pauses`` do not count.
    Raises CalendarMissing, naming the first year without official data, when
    any day from ``start + 1`` to the result lies in an uncovered year.
    """
    if n < 1:
        raise ValueError(f"工作日数必须为正整数，收到 {n}")
    if pauses:
        return _add_with_pauses(
            calendar, start.toordinal(), n, normalise_pauses(pauses)
        )
    # Hot path: one dict and one list lookup in the tables built by Calendar.
    entry = calendar._fast.get(start)
    if entry is not None and n <= entry[1]:
        return calendar._work[entry[0] + n]
    return _add_slow(calendar, start, n)


def is_workday(calendar: Calendar, day: date) -> bool:
    """Return whether ``day`` is a working day; CalendarMissing if unknown."""
    return calendar.is_workday(day)


def workdays_between(calendar: Calendar, first: date, last: date) -> int:
    """Return the number of working days ``d`` with ``first < d <= last``.

    The same half-open convention as :func:`add_workdays`, so that
    ``workdays_between(cal, d, add_workdays(cal, d, n)) == n``.  Returns 0
    when ``last == first``; raises ValueError when ``last`` comes first.
    """
    if last < first:
        raise ValueError(f"结束日期 {last} 早于开始日期 {first}")
    return _between(calendar, first.toordinal(), last.toordinal())


def normalise_pauses(pauses: Iterable[tuple]) -> list[Pause]:
    """Return the pauses sorted, validated and with overlapping ones merged."""
    items = sorted(Pause(*p) for p in pauses)
    for pause in items:
        if pause.last < pause.first:
            raise ValueError(
                f"中止期间的结束日期 {pause.last} 早于开始日期 {pause.first}"
            )
    merged: list[Pause] = []
    for pause in items:
        if merged and pause.first <= merged[-1].last + timedelta(days=1):
            top = merged[-1]
            merged[-1] = top._replace(last=max(top.last, pause.last))
        else:
            merged.append(pause)
    return merged


def _add_slow(calendar: Calendar, start: date, n: int) -> date:
    if type(start) is not date:
        # A datetime hashes differently from its date: look the date up.
        return add_workdays(calendar, date(start.year, start.month, start.day), n)
    raise CalendarMissing(calendar.missing_year_after(start.toordinal() + 1))


def _between(calendar: Calendar, first: int, last: int) -> int:
    if last == first:
        return 0
    idx = first - calendar._base
    if 0 <= idx < len(calendar._reach) and last <= calendar._reach[idx]:
        return calendar._rank[last - calendar._base] - calendar._rank[idx]
    raise CalendarMissing(calendar.missing_year_after(first + 1))


def _add(calendar: Calendar, start: int, n: int) -> int:
    return add_workdays(calendar, date.fromordinal(start), n).toordinal()


def _add_with_pauses(
    calendar: Calendar, start: int, n: int, pauses: list[Pause]
) -> date:
    current, remaining = start, n
    for pause in pauses:
        first, last = pause.first.toordinal(), pause.last.toordinal()
        if last <= current:
            continue
        due = _add(calendar, current, remaining)
        if due < first:
            return date.fromordinal(due)
        # Working days before the pause count; those inside it do not.
        remaining -= _between(calendar, current, max(current, first - 1))
        current = last
    return date.fromordinal(_add(calendar, current, remaining))
