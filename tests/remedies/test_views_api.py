"""Remedy pages and API, with the reach of the case they belong to."""

from datetime import date

from django.urls import reverse

import pytest

from gongkai.remedies.services import record_remedy
from tests.applications.conftest import at

TODAY = date(2026, 3, 2)


@pytest.fixture(autouse=True)
def later():
    with at(TODAY):
        yield


@pytest.fixture
def remedy(case, lisi):
    return record_remedy(
        lisi,
        case,
        route="reconsideration",
        body="海东市平安区人民政府",
        case_number="平政复〔2025〕7号",
        filed_on=date(2025, 11, 20),
    )


def test_a_clerk_records_a_reconsideration_from_the_case(client, case, lisi):
    client.force_login(lisi)
    url = reverse("remedies:create", args=[case.pk])
    data = {
        "route": "reconsideration",
        "body": "海东市平安区人民政府",
        "case_number": "平政复〔2025〕9号",
        "filed_on": "2025-12-01",
        "note": "",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "平政复〔2025〕9号" in page and "尚未审结" in page
    assert "平政复〔2025〕9号" in client.get(case.get_absolute_url()).content.decode()


def test_the_result_page_records_the_decision(client, remedy, lisi):
    client.force_login(lisi)
    response = client.post(
        reverse("remedies:result", args=[remedy.pk]),
        {"result": "upheld", "decided_on": "2026-01-10", "note": ""},
    )
    assert response.status_code == 302
    remedy.refresh_from_db()
    assert remedy.result == "upheld"


def test_the_neighbour_sees_nothing(client, remedy, sunba):
    client.force_login(sunba)
    assert (
        remedy.case_number not in client.get(reverse("remedies:list")).content.decode()
    )
    assert client.get(reverse("remedies:detail", args=[remedy.pk])).status_code == 404
    assert client.get(f"/api/remedies/{remedy.pk}").status_code == 404


def test_the_inspector_reads_the_district(client, remedy, qianqi):
    client.force_login(qianqi)
    assert remedy.case_number in client.get(reverse("remedies:list")).content.decode()
    assert (
        client.post(
            reverse("remedies:result", args=[remedy.pk]),
            {"result": "upheld", "decided_on": "2026-01-10"},
        ).status_code
        == 404
    )


def test_the_api_records_and_decides(client, case, lisi):
    client.force_login(lisi)
    created = client.post(
        "/api/remedies/",
        {
            "application_id": case.pk,
            "route": "litigation_direct",
            "body": "海东市平安区人民法院",
            "case_number": "（2025）青0203行初5号",
            "filed_on": "2025-12-05",
        },
        content_type="application/json",
    )
    assert created.status_code == 200 and created.json()["result"] == "pending"
    decided = client.post(
        f"/api/remedies/{created.json()['id']}/result",
        {"result": "other", "decided_on": "2026-02-01"},
        content_type="application/json",
    )
    assert decided.json()["result"] == "other"
    refused = client.post(
        f"/api/remedies/{created.json()['id']}/result",
        {"result": "upheld", "decided_on": "2026-02-02"},
        content_type="application/json",
    )
    assert refused.status_code == 400
