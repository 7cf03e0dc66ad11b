"""Properties of the working-day arithmetic, checked against a day-by-day walk."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.workdays import (
    Calendar,
    CalendarMissing,
    YearArrangement,
    add_workdays,
    add_workdays_with_proof,
    is_workday,
    package_calendar,
    workdays_between,
)

CAL = package_calendar()
# Starts late enough in 2026 run into 2027, which must be refused.
starts = st.dates(date(2003, 12, 1), date(2026, 12, 31))
periods = st.integers(1, 60)


def reference_add(calendar, start, n, paused=frozenset()):
    """The n-th working day after start, walking one day at a time."""
    day = start
    while n:
        day += timedelta(days=1)
        if not calendar.covers(day.year):
            raise CalendarMissing(day.year)
        if calendar.is_workday(day) and day not in paused:
            n -= 1
    return day


def outcome(fn, *args):
    try:
        return fn(*args)
    except CalendarMissing as missing:
        return ("missing", missing.year)


@given(starts, periods)
def test_it_matches_a_day_by_day_walk(start, n):
    assert outcome(add_workdays, CAL, start, n) == outcome(reference_add, CAL, start, n)


@given(starts, periods)
def test_the_result_is_a_working_day_with_exactly_n_before_it(start, n):
    try:
        due = add_workdays(CAL, start, n)
    except CalendarMissing:
        return
    assert is_workday(CAL, due)
    assert workdays_between(CAL, start, due) == n
    assert workdays_between(CAL, start, due - timedelta(days=1)) == n - 1


@given(starts, periods, periods)
def test_it_is_monotonic_in_n(start, n, m):
    try:
        small, large = (
            add_workdays(CAL, start, min(n, m)),
            add_workdays(CAL, start, max(n, m)),
        )
    except CalendarMissing:
        return
    assert small <= large
    assert (small == large) == (n == m)


@given(starts, starts, periods)
def test_it_is_monotonic_in_the_start(a, b, n):
    first, second = sorted((a, b))
    try:
        assert add_workdays(CAL, first, n) <= add_workdays(CAL, second, n)
    except CalendarMissing:
        pass


@given(starts, periods)
@settings(max_examples=50)
def test_the_proof_path_gives_the_same_answer(start, n):
    fast = outcome(add_workdays, CAL, start, n)
    proved = outcome(add_workdays_with_proof, CAL, start, n)
    assert fast == (proved.due if hasattr(proved, "due") else proved)


pauses = st.lists(
    st.tuples(st.dates(date(2025, 1, 1), date(2026, 6, 30)), st.integers(0, 30)).map(
        lambda p: (p[0], p[0] + timedelta(days=p[1]))
    ),
    max_size=4,
)


@given(st.dates(date(2025, 1, 1), date(2026, 3, 31)), periods, pauses)
def test_paused_working_days_are_not_counted(start, n, pause_list):
    paused = frozenset(
        first + timedelta(days=i)
        for first, last in pause_list
        for i in range((last - first).days + 1)
    )
    result = outcome(add_workdays, CAL, start, n, pause_list)
    assert result == outcome(reference_add, CAL, start, n, paused)
    if isinstance(result, date):
        assert result >= add_workdays(CAL, start, n)  # pauses only extend


@st.composite
def calendars(draw):
    """Small calendars with random years (gaps included) and random days."""
    years = draw(st.sets(st.integers(2020, 2026), min_size=1, max_size=4))
    arrangements = []
    for year in sorted(years):
        days = st.dates(date(year, 1, 1), date(year, 12, 31))
        holidays = draw(st.sets(days, max_size=30))
        weekend = draw(st.sets(days.filter(lambda d: d.weekday() >= 5), max_size=6))
        arrangements.append(
            YearArrangement(
                year,
                f"通知 {year}",
                dict.fromkeys(holidays, "节"),
                dict.fromkeys(weekend - holidays, "节"),
            )
        )
    return Calendar(arrangements)


@given(calendars(), st.dates(date(2019, 12, 1), date(2027, 1, 31)), periods)
@settings(max_examples=60, deadline=None)
def test_any_calendar_matches_the_walk_including_gaps(calendar, start, n):
    assert outcome(add_workdays, calendar, start, n) == outcome(
        reference_add, calendar, start, n
    )
