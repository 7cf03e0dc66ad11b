from datetime import UTC, datetime

from django.urls import reverse

import pytest
import time_machine

from gongkai.audit.services import record


@pytest.fixture
def entries(world, lisi, sunba):
    with time_machine.travel(datetime(2026, 11, 2, 2, tzinfo=UTC), tick=False):
        record(lisi, "organisations.update_agency", target=world.township)
    with time_machine.travel(datetime(2026, 11, 20, 2, tzinfo=UTC), tick=False):
        record(sunba, "organisations.update_agency", target=world.sibling_townships[0])
        record(sunba, "accounts.login", target=sunba, agency=world.sibling_townships[0])
    record(None, "organisations.update_agency", target=world.city)


def _rows(client, **params):
    response = client.get(reverse("audit:entry_list"), params)
    assert response.status_code == 200
    return [
        (e.actor_name, e.verb, e.agency.short_name) for e in response.context["page"]
    ]


def test_an_inspector_reads_the_districts_entries_only(client, qianqi, entries):
    client.force_login(qianqi)
    rows = _rows(client)
    assert len(rows) == 3
    assert "海东市" not in {agency for *_, agency in rows}


def test_the_log_filters_by_person_verb_agency_and_dates(
    client, qianqi, entries, world
):
    client.force_login(qianqi)
    assert _rows(client, actor="孙八") == [
        ("孙八 (sunba)", "accounts.login", "小峡镇"),
        ("孙八 (sunba)", "organisations.update_agency", "小峡镇"),
    ]
    assert len(_rows(client, verb="accounts.login")) == 1
    assert _rows(client, agency=world.township.pk) == [
        ("李四 (lisi)", "organisations.update_agency", "古城回族乡")
    ]
    assert len(_rows(client, date_from="2026-11-10", date_to="2026-11-30")) == 2
    assert len(_rows(client, date_to="2026-11-10")) == 1


def test_filtering_by_an_agency_out_of_reach_shows_nothing(
    client, qianqi, entries, world
):
    client.force_login(qianqi)
    assert _rows(client, agency=world.city.pk) == []


def test_clerks_may_not_read_the_log(client, lisi, entries):
    client.force_login(lisi)
    assert client.get(reverse("audit:entry_list")).status_code == 403


def test_the_log_page_shows_chinese_verb_labels(client, qianqi, entries):
    client.force_login(qianqi)
    page = client.get(reverse("audit:entry_list")).content.decode()
    assert "修改机关信息" in page
    assert "登录" in page


def test_the_api_lists_entries_in_reach(client, qianqi, lisi, entries):
    client.force_login(qianqi)
    data = client.get("/api/audit/entries", {"verb": "accounts.login"}).json()
    assert [e["actor_name"] for e in data] == ["孙八 (sunba)"]
    client.force_login(lisi)
    assert client.get("/api/audit/entries").status_code == 403
