"""The JSON API: the same reach and the same services as the pages."""

from datetime import date

import pytest

from gongkai.applications.models import Application

from .conftest import at, person, register

DAY = date(2025, 10, 9)


@pytest.fixture(autouse=True)
def on_day():
    with at(DAY):
        yield


def post(client, url, data):
    return client.post(url, data, content_type="application/json")


def test_the_list_needs_a_login(client, case):
    assert client.get("/api/applications/").status_code == 401


def test_the_list_has_the_users_reach(client, case, lisi, sunba, xiaoxia):
    other = register(sunba, xiaoxia, date(2025, 9, 26), applicant_name="韩梅")
    client.force_login(lisi)
    numbers = [row["number"] for row in client.get("/api/applications/").json()]
    assert numbers == [case.number]
    client.force_login(sunba)
    assert client.get(f"/api/applications/{case.pk}").status_code == 404
    assert [row["number"] for row in client.get("/api/applications/").json()] == [
        other.number
    ]


def test_the_detail_carries_the_deadline_proof_and_letters(client, case, lisi):
    client.force_login(lisi)
    body = client.get(f"/api/applications/{case.pk}").json()
    assert body["due_date"] == "2025-10-30"
    assert (
        body["deadline"]["proof"].splitlines()[0]
        == "2025-09-26（周五）后第 20 个工作日为 2025-10-30（周四）"
    )
    assert [letter["kind"] for letter in body["letters"]] == ["receipt"]
    assert body["stage"] == "办理中"


def test_register_and_close_through_the_api(client, gucheng, lisi):
    client.force_login(lisi)
    created = post(
        client,
        "/api/applications/",
        {"agency_id": gucheng.pk, "channel": "fax", "applicant": person()},
    )
    assert created.status_code == 200
    pk = created.json()["id"]
    assert created.json()["status"] == "pending_receipt"
    assert (
        post(
            client, f"/api/applications/{pk}/confirm-receipt", {"on": "2025-10-09"}
        ).json()["due_date"]
        == "2025-11-05"
    )
    refused = post(
        client,
        f"/api/applications/{pk}/close",
        {"outcome": "withheld_5", "on": "2025-10-09"},
    )
    assert refused.status_code == 400 and "legal_basis" in refused.json()["errors"]
    done = post(
        client,
        f"/api/applications/{pk}/close",
        {"outcome": "withheld_5", "on": "2025-10-09", "legal_basis": "内部事务信息"},
    )
    assert done.json()["outcome"] == "withheld_5"


def test_bad_intake_is_a_400_with_field_messages(client, gucheng, lisi):
    client.force_login(lisi)
    response = post(
        client,
        "/api/applications/",
        {
            "agency_id": gucheng.pk,
            "channel": "in_person",
            "applicant": person(id_number="1"),
        },
    )
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"id_number"}
    assert Application.objects.count() == 0


def test_an_extension_is_the_heads_duty(client, case, lisi, wangwu):
    client.force_login(lisi)
    data = {"days": 5, "reason": "检索", "on": "2025-10-09"}
    assert (
        post(client, f"/api/applications/{case.pk}/extension", data).status_code == 403
    )
    client.force_login(wangwu)
    assert (
        post(client, f"/api/applications/{case.pk}/extension", data).json()["due_date"]
        == "2025-11-06"
    )


def test_the_inspector_reads_but_cannot_write(client, case, qianqi):
    client.force_login(qianqi)
    assert client.get(f"/api/applications/{case.pk}").status_code == 200
    response = post(
        client,
        f"/api/applications/{case.pk}/correction",
        {"items": "x", "correct_by": "2025-10-20", "on": "2025-10-09"},
    )
    assert response.status_code == 404


def test_the_tables_endpoint_gives_annual_report_parts(client, case, lisi, gucheng):
    client.force_login(lisi)
    body = client.get(f"/api/applications/tables/{gucheng.pk}/2025").json()
    assert body["format"] == "2021"
    assert body["applications"]["new"] == [1, 0, 0, 0, 0, 0, 1]
    assert body["applications"]["carried_forward"] == [1, 0, 0, 0, 0, 0, 1]
    assert set(body["appeals"]) == {
        "reconsideration",
        "litigation_direct",
        "litigation_after_reconsideration",
    }


def test_the_fee_endpoint_is_public(client, db):
    body = client.get("/api/applications/fees", {"basis": "pages", "n": 150}).json()
    assert (body["amount"], body["lines"][-1]) == (1700, "合计：1700 元")
    assert (
        client.get("/api/applications/fees", {"basis": "pages", "n": -1}).status_code
        == 400
    )


def test_every_response_code_is_declared(client, db):
    schema = client.get("/api/openapi.json").json()
    close = schema["paths"]["/api/applications/{application_id}/close"]["post"][
        "responses"
    ]
    assert {"200", "400", "401", "403", "404", "422"} <= set(close)


def test_the_list_reads_the_steps_in_a_fixed_number_of_queries(
    client, lisi, gucheng, django_assert_max_num_queries
):
    for day in (date(2025, 9, 22), date(2025, 9, 23), date(2025, 9, 24)):
        register(lisi, gucheng, day)
    client.force_login(lisi)
    with django_assert_max_num_queries(12):
        rows = client.get("/api/applications/").json()
    assert len(rows) == 3 and {row["stage"] for row in rows} == {"办理中"}
