from datetime import date

import pytest
import time_machine

from gongkai.workcalendar.checks import check_next_year_covered, missing_next_year
from gongkai.workcalendar.services import add_calendar_year

from .conftest import HOLIDAYS_2027, SOURCE_2027, WORKDAYS_2027


def test_missing_next_year_is_silent_before_november():
    assert missing_next_year(date(2026, 10, 31), {2026}) is None


def test_missing_next_year_names_the_year_from_the_first_of_november():
    assert missing_next_year(date(2026, 11, 1), {2026}) == 2027
    assert missing_next_year(date(2026, 12, 31), {2026}) == 2027
    assert missing_next_year(date(2026, 11, 1), {2026, 2027}) is None


@pytest.mark.django_db
@time_machine.travel("2026-11-01 09:00 +0800", tick=False)
def test_the_system_check_warns_until_next_year_is_added(clerk):
    warnings = check_next_year_covered()
    assert [w.id for w in warnings] == ["workcalendar.W001"]
    assert warnings[0].msg == "尚未录入 2027 年的法定节假日安排"
    add_calendar_year(clerk, 2027, HOLIDAYS_2027, WORKDAYS_2027, SOURCE_2027)
    assert check_next_year_covered() == []


@pytest.mark.django_db
@time_machine.travel("2026-10-31 23:00 +0800", tick=False)
def test_the_system_check_is_silent_in_october():
    assert check_next_year_covered() == []
