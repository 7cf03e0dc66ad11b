"""``/api/catalogue``: the public search and documents as JSON."""

from datetime import date

import pytest

from tests.catalogue.conftest import draft, publish


@pytest.fixture
def published(lisi, zhaoliu, gucheng):
    return publish(
        lisi,
        zhaoliu,
        gucheng,
        title="关于做好行政复议有关工作的通知",
        summary="",
        body="依法受理复议申请。",
        today=date(2024, 5, 6),
    )


def test_search_returns_the_catalogue_fields(client, published, gucheng):
    response = client.get("/api/catalogue/search", {"q": "复议"})

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1 and body["count_is_lower_bound"] is False
    [result] = body["results"]
    assert result["index_number"] == published.index_number
    assert result["title"] == "关于做好行政复议有关工作的通知"
    assert result["agency"] == gucheng.name
    assert result["published_on"] == "2024-05-06"
    assert result["url"].endswith(f"/documents/{published.pk}/")
    assert "<mark>复议</mark>" in result["title_html"]


def test_filters_apply_and_an_unknown_category_is_404(client, published):
    assert (
        client.get("/api/catalogue/search", {"q": "复议", "year": 2023}).json()["count"]
        == 0
    )
    assert (
        client.get(
            "/api/catalogue/search", {"q": "复议", "category": "nope"}
        ).status_code
        == 404
    )


@pytest.mark.parametrize(
    "params", [{"year": "二〇二三"}, {"limit": 1000}, {"validity": "maybe"}]
)
def test_bad_parameters_are_422(client, published, params):
    assert client.get("/api/catalogue/search", params).status_code == 422


def test_a_draft_does_not_exist_for_the_api(client, lisi, gucheng, published):
    hidden = draft(lisi, gucheng)
    assert client.get(f"/api/catalogue/documents/{hidden.pk}").status_code == 404
    body = client.get(f"/api/catalogue/documents/{published.pk}").json()
    assert body["body"] == "依法受理复议申请。" and body["attachments"] == []


def test_paging_with_next(client, lisi, zhaoliu, gucheng):
    for i in range(3):
        publish(lisi, zhaoliu, gucheng, title=f"公示{i}", today=date(2024, 1, 2 + i))
    first = client.get("/api/catalogue/search", {"q": "公示", "limit": 2}).json()
    second = client.get(
        "/api/catalogue/search", {"q": "公示", "limit": 2, "after": first["next"]}
    ).json()
    assert [r["title"] for r in first["results"] + second["results"]] == [
        "公示2",
        "公示1",
        "公示0",
    ]
    assert second["next"] is None


def test_the_categories_are_listed(client, db):
    codes = [c["code"] for c in client.get("/api/catalogue/categories").json()]
    assert codes[:2] == ["art20-01", "art20-02"] and "system" in codes


def test_the_openapi_document_declares_the_responses(client, db):
    spec = client.get("/api/openapi.json").json()
    responses = spec["paths"]["/api/catalogue/search"]["get"]["responses"]
    assert {"200", "404", "422"} <= set(responses)


def test_browsing_through_the_api_costs_a_fixed_number_of_queries(
    client, lisi, zhaoliu, gucheng, django_assert_max_num_queries
):
    for i in range(5):
        publish(lisi, zhaoliu, gucheng, title=f"公示{i}", today=date(2024, 1, 2 + i))
    with django_assert_max_num_queries(6):
        body = client.get("/api/catalogue/search", {"agency": gucheng.pk}).json()
    assert [r["category"] for r in body["results"]] == ["art20-07"] * 5


def test_a_search_costs_a_fixed_number_of_queries(
    client, lisi, zhaoliu, gucheng, django_assert_max_num_queries
):
    for i in range(5):
        publish(
            lisi, zhaoliu, gucheng, title=f"救助公示{i}", today=date(2024, 1, 2 + i)
        )
    with django_assert_max_num_queries(6):
        body = client.get("/api/catalogue/search", {"q": "救助"}).json()
    assert len(body["results"]) == 5
