from datetime import date

import pytest

from gongkai.workdays import CalendarMissing, Pause, add_workdays, package_calendar
from gongkai.workdays.arithmetic import normalise_pauses

CAL = package_calendar()
START = date(2025, 3, 3)  # Monday; +20 working days = 2025-03-31


def test_without_pauses_the_reply_is_due_after_twenty_workdays():
    assert add_workdays(CAL, START, 20) == date(2025, 3, 31)


def test_a_pause_extends_the_deadline_by_the_workdays_it_covers():
    # 《条例》第三十三条第二款: 3-10 (Mon) .. 3-14 (Fri) is five working days.
    pause = Pause(date(2025, 3, 10), date(2025, 3, 14), "征求第三方意见")
    assert add_workdays(CAL, START, 20, [pause]) == add_workdays(CAL, START, 25)


def test_a_plain_tuple_is_accepted_as_a_pause():
    pause = (date(2025, 3, 10), date(2025, 3, 14))
    assert add_workdays(CAL, START, 20, [pause]) == date(2025, 4, 8)


def test_weekend_days_in_a_pause_do_not_extend_the_deadline():
    pause = (date(2025, 3, 8), date(2025, 3, 9))  # Saturday and Sunday
    assert add_workdays(CAL, START, 20, [pause]) == date(2025, 3, 31)


def test_overlapping_pauses_count_once():
    pauses = [
        (date(2025, 3, 10), date(2025, 3, 12)),
        (date(2025, 3, 11), date(2025, 3, 14)),
    ]
    assert add_workdays(CAL, START, 20, pauses) == add_workdays(CAL, START, 25)


def test_pauses_before_the_start_or_after_the_deadline_change_nothing():
    pauses = [
        (date(2025, 2, 1), date(2025, 3, 3)),
        (date(2025, 4, 1), date(2025, 4, 30)),
    ]
    assert add_workdays(CAL, START, 20, pauses) == date(2025, 3, 31)


def test_a_pause_running_over_the_start_skips_the_days_it_covers():
    pause = (date(2025, 3, 1), date(2025, 3, 7))  # 3-04..3-07 are not counted
    assert add_workdays(CAL, START, 20, [pause]) == add_workdays(CAL, START, 24)


def test_a_pause_ending_in_an_uncovered_year_is_refused():
    pause = (date(2026, 12, 1), date(2027, 1, 15))
    with pytest.raises(CalendarMissing, match="2027"):
        add_workdays(CAL, date(2026, 11, 30), 20, [pause])


def test_a_reversed_pause_is_an_error():
    with pytest.raises(ValueError, match="早于"):
        add_workdays(CAL, START, 20, [(date(2025, 3, 14), date(2025, 3, 10))])


def test_adjacent_pauses_are_merged():
    merged = normalise_pauses(
        [(date(2025, 3, 12), date(2025, 3, 14)), (date(2025, 3, 10), date(2025, 3, 11))]
    )
    assert [(p.first, p.last) for p in merged] == [
        (date(2025, 3, 10), date(2025, 3, 14))
    ]
