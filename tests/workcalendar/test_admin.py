from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from gongkai.workcalendar.models import CalendarException, CalendarYear
from gongkai.workcalendar.selectors import covered_years, get_calendar
from gongkai.workcalendar.signals import calendar_year_added
from gongkai.workdays import add_workdays

pytestmark = pytest.mark.django_db
ADD = reverse("admin:workcalendar_calendaryear_add")
IMPORT = reverse("admin:workcalendar_calendaryear_import")
EXPORT = reverse("admin:workcalendar_calendaryear_export")
CHANGELIST = reverse("admin:workcalendar_calendaryear_changelist")


@pytest.fixture(autouse=True)
def plain_static_files(settings):
    # The project's manifest storage cannot name admin CSS before
    # collectstatic has run; these tests are about the calendar pages.
    settings.STORAGES = settings.STORAGES | {
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        }
    }


FORM_2027 = {
    "year": "2027",
    "source": "国务院办公厅关于2027年部分节假日安排的通知（测试数据）",
    "published_on": "2026-11-10",
    "holidays": "2027-01-01..2027-01-03 元旦\n2027-02-05 至 2027-02-13 春节\n",
    "adjusted_workdays": "2027-02-20 春节\n",
}


def test_the_changelist_links_to_import_and_export(admin_client):
    response = admin_client.get(CHANGELIST)
    assert response.status_code == 200
    assert IMPORT in response.text and EXPORT in response.text


def test_an_admin_adds_2027_which_fires_the_signal(
    admin_client, admin_user, django_capture_on_commit_callbacks
):
    years = []
    calendar_year_added.connect(
        lambda sender, year, **kw: years.append(year), weak=False, dispatch_uid="t"
    )
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(ADD, FORM_2027)
    finally:
        calendar_year_added.disconnect(dispatch_uid="t")
    assert response.status_code == 302
    assert years == [2027]
    stored = CalendarYear.objects.get(year=2027)
    assert (stored.added_by, stored.published_on) == (admin_user, date(2026, 11, 10))
    assert stored.exceptions.filter(kind="holiday").count() == 12
    assert add_workdays(get_calendar(), date(2026, 12, 1), 40) == date(2027, 1, 27)


def test_the_form_shows_line_numbered_errors_and_stores_nothing(admin_client):
    before = CalendarException.objects.count()
    data = FORM_2027 | {
        "holidays": "2027-01-01 元旦\n2027-02-30 春节\n",
        "adjusted_workdays": "2027-03-01 春节",
    }
    response = admin_client.post(ADD, data)
    assert response.status_code == 200
    assert "放假日第 2 行：日期“2027-02-30”不存在" in response.text
    assert CalendarException.objects.count() == before and 2027 not in covered_years()


def test_the_form_shows_the_service_refusal(admin_client):
    data = FORM_2027 | {"adjusted_workdays": "2027-03-01 春节"}
    response = admin_client.post(ADD, data)
    assert response.status_code == 200
    assert "2027-03-01 是周一，不能作为调休上班日" in response.text
    assert 2027 not in covered_years()


def test_an_admin_imports_a_csv_file(admin_client):
    upload = SimpleUploadedFile(
        "2027.csv", b"2027-01-01,holiday,\xe5\x85\x83\xe6\x97\xa6\n"
    )
    response = admin_client.post(IMPORT, {"file": upload, "source": "测试通知"})
    assert response.status_code == 302
    assert CalendarYear.objects.get(year=2027).origin == "csv"


def test_the_import_page_refuses_other_file_types(admin_client):
    upload = SimpleUploadedFile("2027.xlsx", b"PK")
    response = admin_client.post(IMPORT, {"file": upload, "source": "测试通知"})
    assert "只支持 .csv 和 .ics 文件" in response.text
    assert 2027 not in covered_years()


def test_the_export_downloads_csv(admin_client):
    response = admin_client.get(EXPORT)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.decode().startswith(
        "date,kind,name\n2004-01-01,holiday,元旦\n"
    )


def test_rows_cannot_be_edited_in_place(admin_client):
    row = CalendarException.objects.first()
    url = reverse("admin:workcalendar_calendarexception_change", args=[row.pk])
    response = admin_client.post(url, {"name": "改"})
    assert response.status_code == 403
    CalendarException.objects.get(pk=row.pk, name=row.name)


def test_staff_without_permission_cannot_add(client, django_user_model):
    staff = django_user_model.objects.create_user(username="wangwu", is_staff=True)
    client.force_login(staff)
    assert client.get(ADD).status_code == 403


def test_reading_a_pasted_notice_fills_the_form_for_review(admin_client):
    from tests.workdays.test_notice import NOTICE_2026

    data = {"year": "2026", "source": "通知", "notice": NOTICE_2026, "read_notice": "1"}
    response = admin_client.post(ADD, data)
    assert response.status_code == 200
    holidays = response.context["form"].initial["holidays"].splitlines()
    assert holidays[:2] == [
        "2026-01-01..2026-01-03 元旦",
        "2026-02-15..2026-02-23 春节",
    ]
    assert (
        response.context["form"].initial["adjusted_workdays"].splitlines()[0]
        == "2026-01-04 元旦"
    )
    # Shown for review only: nothing is stored yet.
    assert CalendarYear.objects.get(year=2026).origin == "package"


def test_reading_a_notice_reports_what_it_could_not_read(admin_client):
    data = {
        "year": "2027",
        "source": "通知",
        "notice": "一、元旦：1月1日（周三）放假。",
        "read_notice": "1",
    }
    response = admin_client.post(ADD, data)
    assert "注明周三，但 2027-01-01 是周五" in response.text
    assert 2027 not in covered_years()
