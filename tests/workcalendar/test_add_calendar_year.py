from datetime import date

from django.core.exceptions import ValidationError

import pytest

from gongkai.audit.models import AuditEntry
from gongkai.workcalendar.models import CalendarException, CalendarYear
from gongkai.workcalendar.selectors import covered_years, get_calendar
from gongkai.workcalendar.services import add_calendar_year
from gongkai.workcalendar.signals import calendar_year_added
from gongkai.workdays import CalendarMissing, add_workdays

from .conftest import HOLIDAYS_2027, SOURCE_2027, WORKDAYS_2027

pytestmark = pytest.mark.django_db


def add_2027(user, **kwargs):
    data = {"holidays": HOLIDAYS_2027, "workdays": WORKDAYS_2027, "source": SOURCE_2027}
    return add_calendar_year(user, 2027, **(data | kwargs))


def assert_nothing_stored(count_before):
    assert 2027 not in covered_years()
    assert CalendarException.objects.count() == count_before


@pytest.fixture
def received():
    events = []

    def receiver(sender, **kwargs):
        events.append(kwargs)

    calendar_year_added.connect(receiver)
    yield events
    calendar_year_added.disconnect(receiver)


def test_it_makes_a_2027_deadline_computable(clerk):
    with pytest.raises(CalendarMissing, match="2027"):
        add_workdays(get_calendar(), date(2026, 12, 1), 40)
    add_2027(clerk)
    # 12-30, 12-31, then 2027-01-04 onwards (元旦 1-01..1-03 off): 40th is 1-27.
    assert add_workdays(get_calendar(), date(2026, 12, 1), 40) == date(2027, 1, 27)


def test_it_records_who_added_the_year_and_when(clerk):
    calendar_year = add_2027(clerk, published_on=date(2026, 11, 10))
    stored = CalendarYear.objects.get(year=2027)
    assert stored == calendar_year
    assert (stored.added_by, stored.source, stored.origin) == (
        clerk,
        SOURCE_2027,
        "form",
    )
    assert stored.published_on == date(2026, 11, 10)
    assert stored.added_at is not None
    assert stored.exceptions.count() == len(HOLIDAYS_2027) + len(WORKDAYS_2027)


def test_it_writes_an_audit_entry(clerk):
    calendar_year = add_2027(clerk)
    entry = AuditEntry.objects.get(verb="workcalendar.add_calendar_year")
    assert entry.actor == clerk
    assert entry.target_id == str(calendar_year.pk)
    assert entry.data["year"] == 2027 and entry.data["replaced"] is False


def test_it_fires_the_signal_after_commit(
    clerk, received, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        calendar_year = add_2027(clerk)
        assert received == []  # Not before the commit.
    assert received == [
        {
            "signal": calendar_year_added,
            "year": 2027,
            "calendar_year": calendar_year,
            "replaced": False,
        }
    ]


def test_it_refuses_a_year_already_covered(clerk):
    before = CalendarException.objects.count()
    with pytest.raises(ValidationError) as refused:
        add_calendar_year(clerk, 2026, {date(2026, 1, 1): "元旦"}, {}, "另一份通知")
    assert refused.value.messages == [
        "2026 年已有法定节假日安排（来源：国务院办公厅关于2026年部分节假日安排的通知"
        "（据 chinesecalendar 1.11.0 数据））；如需更正，请选择替换"
    ]
    assert CalendarException.objects.count() == before


def test_it_replaces_a_year_only_when_asked(
    clerk, received, django_capture_on_commit_callbacks
):
    add_2027(clerk)
    with django_capture_on_commit_callbacks(execute=True):
        add_2027(clerk, holidays={date(2027, 1, 1): "元旦"}, workdays={}, replace=True)
    stored = CalendarYear.objects.get(year=2027)
    assert list(stored.exceptions.values_list("date", flat=True)) == [date(2027, 1, 1)]
    assert received[-1]["replaced"] is True
    assert get_calendar().is_workday(date(2027, 2, 8)) is True  # no longer 春节


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"workdays": {date(2027, 1, 4): "元旦"}},
            "2027-01-04 是周一，不能作为调休上班日",
        ),
        (
            {"workdays": {date(2027, 1, 2): "元旦"}},
            "2027-01-02 同时被列为放假日和调休上班日",
        ),
        ({"holidays": {date(2028, 1, 3): "元旦"}}, "2028-01-03 不属于 2027 年"),
        ({"source": "  "}, "2027 年的安排缺少来源（通知名称或文号）"),
        ({"holidays": {}, "workdays": {}}, "2027 年的安排没有任何放假日"),
    ],
)
def test_it_refuses_inconsistent_input_and_stores_nothing(clerk, changes, message):
    before = CalendarException.objects.count()
    with pytest.raises(ValidationError) as refused:
        add_2027(clerk, **changes)
    assert message in refused.value.messages
    assert_nothing_stored(before)
    assert not AuditEntry.objects.filter(verb="workcalendar.add_calendar_year").exists()
