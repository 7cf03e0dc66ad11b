"""R28, 《条例》第四十三条: applicants with reading difficulties or a visual
or hearing impairment can be flagged for help, on the public form and at
registration; the case list marks and filters them, the case page shows
the note, the API carries both."""

import re
import uuid
from datetime import date

from django.urls import reverse

import pytest

from gongkai.applications import services
from gongkai.applications.models import Application

from .conftest import at, person, register

DAY = date(2025, 10, 9)
NOTE = "视力障碍，请电话告知办理结果"


@pytest.fixture(autouse=True)
def on_day():
    with at(DAY):
        yield


@pytest.fixture
def helped(lisi, gucheng):
    return register(
        lisi,
        gucheng,
        date(2025, 9, 26),
        applicant_name="韩梅",
        needs_assistance=True,
        assistance_note=NOTE,
    )


def test_the_public_form_asks_in_its_own_labelled_group(client, gucheng):
    html = client.get(reverse("apply:form", args=[gucheng.pk])).content.decode()
    group = re.search(r'<fieldset id="assistance">(.*?)</fieldset>', html, re.S)
    assert group is not None
    assert "<legend>需要帮助（第四十三条）</legend>" in group.group(1)
    assert '<label for="id_needs_assistance"' in group.group(1)
    assert '<label for="id_assistance_note"' in group.group(1)
    # The help text is tied to the checkbox for screen readers.
    assert 'aria-describedby="id_needs_assistance_helptext"' in group.group(1)
    # The group comes before the request itself, where it is noticed.
    assert html.index('id="assistance"') < html.index('id="id_info_description"')


def test_a_public_application_keeps_the_flag_and_the_note(client, gucheng):
    data = person(needs_assistance="on", assistance_note=NOTE) | {
        "token": str(uuid.uuid4()),
        "truthful": "on",
        "website": "",
    }
    response = client.post(reverse("apply:form", args=[gucheng.pk]), data)
    assert response.status_code == 302
    case = Application.objects.get()
    assert (case.needs_assistance, case.assistance_note) == (True, NOTE)


def test_a_note_alone_asks_for_help(gucheng):
    case = services.submit_online_application(
        gucheng,
        person(assistance_note="听力障碍，请用短信联系"),
        token=uuid.uuid4(),
        ip=None,
    )
    assert case.needs_assistance is True


def test_without_flag_or_note_nobody_is_flagged(case):
    assert (case.needs_assistance, case.assistance_note) == (False, "")


def test_staff_registration_offers_and_stores_it(client, gucheng, lisi):
    client.force_login(lisi)
    html = client.get(reverse("applications:register")).content.decode()
    assert '<label for="id_needs_assistance"' in html
    assert "申请人存在阅读困难或视听障碍" in html
    data = person(needs_assistance="on", assistance_note="需要手语翻译") | {
        "agency": gucheng.pk,
        "channel": "oral",
        "receipt_date": DAY.isoformat(),
    }
    assert client.post(reverse("applications:register"), data).status_code == 302
    case = Application.objects.get()
    assert (case.needs_assistance, case.assistance_note) == (True, "需要手语翻译")


def test_the_list_marks_and_filters_the_applicants_to_help(client, case, helped, lisi):
    client.force_login(lisi)
    html = client.get(reverse("applications:list")).content.decode()
    rows = {
        number: row
        for row in re.findall(r"<tr>(.*?)</tr>", html, re.S)
        for number in (case.number, helped.number)
        if number in row
    }
    assert "需帮助" in rows[helped.number] and NOTE in rows[helped.number]
    assert "需帮助" not in rows[case.number]
    filtered = client.get(
        reverse("applications:list"), {"assistance": "1"}
    ).content.decode()
    assert helped.number in filtered and case.number not in filtered
    assert 'id="assistance" value="1" checked' in filtered


def test_the_case_page_shows_the_note(client, case, helped, lisi):
    client.force_login(lisi)
    html = client.get(helped.get_absolute_url()).content.decode()
    assert re.search(r'id="assistance-note"[^>]*>.*' + NOTE, html)
    plain = client.get(case.get_absolute_url()).content.decode()
    assert 'id="assistance-note"' not in plain


def test_the_api_carries_and_filters_it(client, case, helped, lisi):
    client.force_login(lisi)
    rows = client.get("/api/applications/").json()
    flags = {
        row["number"]: (row["needs_assistance"], row["assistance_note"]) for row in rows
    }
    assert flags == {case.number: (False, ""), helped.number: (True, NOTE)}
    only = client.get("/api/applications/", {"needs_assistance": "true"}).json()
    assert [row["number"] for row in only] == [helped.number]
    detail = client.get(f"/api/applications/{helped.pk}").json()
    assert (detail["needs_assistance"], detail["assistance_note"]) == (True, NOTE)
