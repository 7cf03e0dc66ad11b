from datetime import date, timedelta

import pytest

from gongkai.workcalendar.selectors import clear_calendar_cache

# An arrangement for 2027 made up for the tests (the real notice may differ).
SOURCE_2027 = "国务院办公厅关于2027年部分节假日安排的通知（测试数据）"
HOLIDAYS_2027 = {
    **{date(2027, 1, 1) + timedelta(days=i): "元旦" for i in range(3)},
    **{date(2027, 2, 5) + timedelta(days=i): "春节" for i in range(9)},
}
WORKDAYS_2027 = {date(2027, 2, 20): "春节"}  # a Saturday


@pytest.fixture(autouse=True)
def fresh_calendar_cache():
    # The cache is per process; tests roll their data back underneath it.
    clear_calendar_cache()
    yield
    clear_calendar_cache()


@pytest.fixture
def clerk(django_user_model):
    return django_user_model.objects.create_user(
        username="lisi", password="not-used-here", full_name="李四"
    )
