"""The statutory calendar: which days state organs work, from official data.

A working day (工作日) is a Monday–Friday that is not a statutory rest day,
or a weekend day that the State Council's annual notice declares a working
day (调休上班).  The calendar only knows the years it was given; asking about
any other year raises :class:`CalendarMissing`, never a Mon–Fri guess.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

WEEKDAY_NAMES = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
MIN_YEAR, MAX_YEAR = 1950, 2200


class CalendarMissing(LookupError):
    """No official holiday arrangement is loaded for ``year``.

    ``str()`` is the exact message shown to users, in Chinese and English.
    """

    def __init__(self, year: int):
        self.year = year
        super().__init__(
            f"缺少 {year} 年的法定节假日安排数据（calendar data missing for {year}）"
        )


class CalendarDataError(ValueError):
    """The arrangement data handed to :class:`Calendar` contradict themselves."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("；".join(problems))


@dataclass(frozen=True)
class YearArrangement:
    """One year's official arrangement (国务院办公厅关于某年部分节假日安排的通知).

    ``holidays`` maps each statutory rest day (weekend days included, as the
    notices list them) to its festival name; ``adjusted_workdays`` maps each
    weekend day declared a working day (调休上班) to the festival it serves.
    Names may be empty strings when unknown.
    """

    year: int
    source: str
    holidays: Mapping[date, str] = field(default_factory=dict)
    adjusted_workdays: Mapping[date, str] = field(default_factory=dict)
    published_on: date | None = None

    def __post_init__(self):
        # Freeze the mappings so a Calendar built from them cannot drift.
        object.__setattr__(self, "holidays", MappingProxyType(dict(self.holidays)))
        object.__setattr__(
            self, "adjusted_workdays", MappingProxyType(dict(self.adjusted_workdays))
        )

    def problems(self) -> list[str]:
        """Return every inconsistency as a Chinese sentence; empty when sound."""
        problems = []
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            problems.append(f"年份 {self.year} 不在 {MIN_YEAR}–{MAX_YEAR} 之间")
        if not self.source.strip():
            problems.append(f"{self.year} 年的安排缺少来源（通知名称或文号）")
        problems += self._dates_outside_year()
        problems += self._weekday_adjusted_workdays()
        problems += self._days_declared_twice()
        return problems

    def _dates_outside_year(self) -> list[str]:
        days = sorted({*self.holidays, *self.adjusted_workdays})
        return [
            f"{d.isoformat()} 不属于 {self.year} 年"
            for d in days
            if d.year != self.year
        ]

    def _weekday_adjusted_workdays(self) -> list[str]:
        # 调休 only turns weekend days into working days; Mon–Fri already are.
        return [
            f"{d.isoformat()} 是{WEEKDAY_NAMES[d.weekday()]}，不能作为调休上班日"
            for d in sorted(self.adjusted_workdays)
            if d.weekday() < 5
        ]

    def _days_declared_twice(self) -> list[str]:
        both = sorted(set(self.holidays) & set(self.adjusted_workdays))
        return [f"{d.isoformat()} 同时被列为放假日和调休上班日" for d in both]


@dataclass(frozen=True)
class DayInfo:
    """What the calendar says about one day, with the reason in Chinese."""

    date: date
    is_workday: bool
    # Empty for an ordinary working day; "周末", a festival name, or
    # "调休上班（春节）" otherwise.
    reason: str
    # The same for programs that word it themselves (a translated page):
    # "" (an ordinary working day), WEEKEND, HOLIDAY or MAKEUP, and the
    # festival's name as the official notice gives it.
    kind: str = ""
    name: str = ""


WEEKEND, HOLIDAY, MAKEUP = "weekend", "holiday", "makeup"


class Calendar:
    """Working days for the covered years, with fast lookup tables.

    The tables span the first to the last covered day (as ordinals).  For a
    day ``s``, ``_rank[s - _base]`` counts the working days up to and
    including ``s``; ``_reach[s - _base]`` is the last day reachable from
    ``s + 1`` without entering an uncovered year (``s`` itself when ``s + 1``
    is uncovered).  ``_work`` lists the working days in order, and
    ``_fast[s]`` is ``(i, room)``: the n-th working day after ``s`` is
    ``_work[i + n]`` for every ``n <= room``.  Adding working days is thus one
    dict lookup and one list lookup; see :func:`gongkai.workdays.add_workdays`.
    """

    def __init__(self, arrangements: Iterable[YearArrangement]):
        self._years = _index_by_year(arrangements)
        self._holidays = _merged(a.holidays for a in self._years.values())
        self._adjusted = _merged(a.adjusted_workdays for a in self._years.values())
        self._build_tables()

    def __repr__(self) -> str:
        years = self.covered_years
        span = f"{years[0]}–{years[-1]}" if years else "empty"
        return f"<Calendar {span}, {len(years)} years>"

    @property
    def covered_years(self) -> tuple[int, ...]:
        return tuple(sorted(self._years))

    def covers(self, year: int) -> bool:
        return year in self._years

    def arrangement(self, year: int) -> YearArrangement:
        """Return the official arrangement for ``year`` or raise CalendarMissing."""
        try:
            return self._years[year]
        except KeyError:
            raise CalendarMissing(year) from None

    def is_workday(self, day: date) -> bool:
        """Return whether state organs work on ``day``; CalendarMissing if unknown."""
        if day.year not in self._years:
            raise CalendarMissing(day.year)
        return self._is_workday(day)

    def describe(self, day: date) -> DayInfo:
        """Return whether ``day`` is a working day and why, for proofs."""
        workday = self.is_workday(day)
        if day in self._adjusted:
            name = self._adjusted[day]
            return DayInfo(day, workday, _labelled("调休上班", name), MAKEUP, name)
        if day in self._holidays:
            name = self._holidays[day]
            return DayInfo(day, workday, name or "法定节假日", HOLIDAY, name)
        if workday:
            return DayInfo(day, workday, "")
        return DayInfo(day, workday, "周末", WEEKEND)

    def missing_year_after(self, ordinal: int) -> int:
        """Return the first uncovered year met when walking on from ``ordinal``."""
        year = date.fromordinal(ordinal).year
        while year in self._years:
            year += 1
        return year

    def _is_workday(self, day: date) -> bool:
        if day in self._adjusted:
            return True
        return day.weekday() < 5 and day not in self._holidays

    def _build_tables(self) -> None:
        years = self.covered_years
        self._base, self._rank, self._reach, self._work, self._fast = 0, [], [], [], {}
        if not years:
            return  # Every question then raises CalendarMissing.
        first = date(years[0], 1, 1).toordinal()
        last = date(years[-1], 12, 31).toordinal()
        self._base = first - 1
        work_ord = [
            o
            for o in range(first, last + 1)
            if self._covered_workday(date.fromordinal(o))
        ]
        self._work = [date.fromordinal(o) for o in work_ord]
        self._rank = _ranks(work_ord, first - 1, last)
        self._reach = self._reach_table(first - 1, last)
        self._fast = self._fast_table()

    def _fast_table(self) -> dict[date, tuple[int, int]]:
        fast = {}
        for idx, reach in enumerate(self._reach):
            first = self._rank[idx] - 1
            room = self._rank[reach - self._base] - 1 - first
            fast[date.fromordinal(self._base + idx)] = (first, room)
        return fast

    def _covered_workday(self, day: date) -> bool:
        return day.year in self._years and self._is_workday(day)

    def _reach_table(self, start: int, stop: int) -> list[int]:
        """For each day s in [start, stop], the last covered day of s + 1's run."""
        reach = [0] * (stop - start + 1)
        run_end = stop
        for o in range(stop, start - 1, -1):
            if not self.covers(date.fromordinal(o + 1).year):
                run_end = o  # s + 1 is uncovered: nothing is reachable.
            reach[o - start] = run_end
        return reach


def _index_by_year(
    arrangements: Iterable[YearArrangement],
) -> dict[int, YearArrangement]:
    years: dict[int, YearArrangement] = {}
    problems: list[str] = []
    for arrangement in arrangements:
        if arrangement.year in years:
            problems.append(f"{arrangement.year} 年的安排重复提供")
        problems += arrangement.problems()
        years[arrangement.year] = arrangement
    if problems:
        raise CalendarDataError(problems)
    return years


def _merged(mappings: Iterable[Mapping[date, str]]) -> dict[date, str]:
    merged: dict[date, str] = {}
    for mapping in mappings:
        merged.update(mapping)
    return merged


def _ranks(work_ordinals: list[int], start: int, stop: int) -> list[int]:
    """For each day in [start, stop], the number of working days up to it."""
    ranks = [0] * (stop - start + 1)
    count, i = 0, 0
    for o in range(start, stop + 1):
        while i < len(work_ordinals) and work_ordinals[i] <= o:
            count, i = count + 1, i + 1
        ranks[o - start] = count
    return ranks


def _labelled(label: str, name: str) -> str:
    return f"{label}（{name}）" if name else label
