import json
from importlib import resources

import pytest

from gongkai.report import AnnualReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed() -> dict:
    text = resources.files("gongkai.annual_reports").joinpath("data", "seed-2023.json")
    return json.loads(text.read_text("utf-8"))


def test_check_returns_no_errors_for_the_seed_report(client, seed):
    response = client.post("/api/reports/check", seed, content_type="application/json")
    assert response.status_code == 200
    body = response.json()
    assert body["errors"] == 0
    assert body["findings"] == []


def test_check_names_the_broken_cell(client, seed):
    seed["applications"]["new"][0] = 5
    response = client.post("/api/reports/check", seed, content_type="application/json")
    body = response.json()
    assert body["errors"] >= 2  # the 自然人 column and the 一 row no longer add up
    named = {
        c for f in body["findings"] if f["severity"] == "error" for c in f["cells"]
    }
    assert "applications.new[0]" in named
    assert {"T3-BALANCE", "T3-ROWSUM"} <= {f["rule"] for f in body["findings"]}


def test_check_applies_the_level_rule(client, seed):
    seed["proactive"]["regulations"] = {"issued": 1, "repealed": 0, "in_force": 1}
    response = client.post(
        "/api/reports/check?level=township", seed, content_type="application/json"
    )
    assert "LEVEL" in {f["rule"] for f in response.json()["findings"]}


def test_check_rejects_an_unknown_level(client, seed):
    response = client.post(
        "/api/reports/check?level=galaxy", seed, content_type="application/json"
    )
    assert response.status_code == 422


def test_check_rejects_malformed_json_with_422(client, seed):
    del seed["applications"]["total"]
    response = client.post("/api/reports/check", seed, content_type="application/json")
    assert response.status_code == 422
    assert "total" in json.dumps(response.json(), ensure_ascii=False)


@pytest.mark.parametrize(
    "to,magic",
    [("pdf", b"%PDF"), ("docx", b"PK"), ("html", b"<!"), ("md", b"#"), ("json", b"{")],
)
def test_render_returns_the_file(client, seed, to, magic):
    response = client.post(
        f"/api/reports/render?to={to}", seed, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.content.lstrip().startswith(magic)
    assert "attachment" in response["Content-Disposition"]


def test_rendered_json_is_the_same_report(client, seed):
    response = client.post(
        "/api/reports/render?to=json", seed, content_type="application/json"
    )
    assert AnnualReport.from_json_text(response.content) == AnnualReport.from_json(seed)


def test_openapi_document_lists_the_report_endpoints(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/reports/check" in paths and "/api/reports/render" in paths
