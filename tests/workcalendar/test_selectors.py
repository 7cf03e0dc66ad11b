import pytest

from gongkai.workcalendar.selectors import export_csv, get_calendar
from gongkai.workcalendar.services import add_calendar_year

from .conftest import HOLIDAYS_2027, SOURCE_2027, WORKDAYS_2027

pytestmark = pytest.mark.django_db


def test_get_calendar_is_cached_while_the_table_is_unchanged(django_assert_num_queries):
    first = get_calendar()
    with django_assert_num_queries(1):  # only the change stamp
        assert get_calendar() is first


def test_get_calendar_is_rebuilt_when_a_year_is_added(clerk):
    before = get_calendar()
    add_calendar_year(clerk, 2027, HOLIDAYS_2027, WORKDAYS_2027, SOURCE_2027)
    after = get_calendar()
    assert after is not before
    assert after.covers(2027) and not before.covers(2027)


def test_export_csv_lists_the_days_of_the_chosen_years():
    text = export_csv([2026])
    lines = text.splitlines()
    assert lines[0] == "date,kind,name"
    assert "2026-01-04,adjusted_workday,元旦" in lines
    assert "2026-02-17,holiday,春节" in lines
    assert all(line.startswith("2026-") for line in lines[1:])
