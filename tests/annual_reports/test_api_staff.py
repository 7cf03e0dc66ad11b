"""/api/annual-reports: the platform's reports as JSON, same reach as the pages."""

import pytest

from gongkai.annual_reports import services

from .test_dashboard import publish
from .test_workflow import write

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(gucheng, lisi, wangwu, history):
    report = write(lisi, services.start_report(lisi, gucheng, 2023))
    publish(lisi, wangwu, report, (2024, 1, 25))
    return report


def test_the_list_shows_the_reports_within_reach(client, lisi, sunba, published):
    client.force_login(lisi)

    body = client.get("/api/annual-reports/?year=2023").json()

    assert [(r["agency"], r["year"], r["status"]) for r in body] == [
        ("海东市平安区古城回族乡人民政府", 2023, "published")
    ]
    assert body[0]["deadline"] == "2024-03-31"
    assert body[0]["versions"][0]["url"].startswith("/annual-reports/")
    client.force_login(sunba)
    assert client.get("/api/annual-reports/").json() == []


def test_one_report_comes_with_its_tables_and_findings(client, lisi, sunba, published):
    client.force_login(lisi)

    body = client.get(f"/api/annual-reports/{published.pk}").json()

    assert body["report"]["applications"]["new"] == [2, 1, 0, 0, 0, 0, 3]
    assert {f["rule"] for f in body["findings"]} >= {"COMPLETENESS"}
    client.force_login(sunba)
    assert client.get(f"/api/annual-reports/{published.pk}").status_code == 404


def test_a_report_compiles_live_for_an_agency_within_reach(
    client, lisi, gucheng, xiaoxia, history
):
    client.force_login(lisi)

    ok = client.get(f"/api/annual-reports/compiled?agency_id={gucheng.pk}&year=2023")
    old = client.get(f"/api/annual-reports/compiled?agency_id={gucheng.pk}&year=2019")
    other = client.get(f"/api/annual-reports/compiled?agency_id={xiaoxia.pk}&year=2023")

    assert ok.status_code == 200 and ok.json()["report"]["appeals"][
        "reconsideration"
    ] == [1, 0, 0, 0, 1]
    assert old.status_code == 400 and "2019 年试行格式" in old.json()["detail"]
    assert other.status_code == 404


def test_the_api_needs_a_login(client, published):
    assert client.get("/api/annual-reports/").status_code == 401
