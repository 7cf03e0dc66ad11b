def test_the_api_lists_only_the_agencies_in_reach(client, lisi, gucheng):
    client.force_login(lisi)

    response = client.get("/api/agencies/")

    assert response.status_code == 200
    assert [a["name"] for a in response.json()] == [gucheng.name]


def test_the_api_gives_an_inspector_the_district(client, qianqi, world):
    client.force_login(qianqi)
    names = {a["name"] for a in client.get("/api/agencies/").json()}
    assert names == {a.name for a in world.district_agencies}


def test_the_api_returns_the_working_body_of_an_agency(client, lisi, gucheng):
    client.force_login(lisi)

    data = client.get(f"/api/agencies/{gucheng.pk}").json()

    assert data["report_level"] == "township"
    assert data["ogi_body"]["telephone"] == "0972-8690101"
    assert data["ogi_body"]["name"] == "古城回族乡党政综合办公室"


def test_the_api_answers_404_for_a_neighbouring_agency(client, lisi, xiaoxia):
    client.force_login(lisi)
    assert client.get(f"/api/agencies/{xiaoxia.pk}").status_code == 404


def test_the_api_needs_a_session(client, world):
    assert client.get("/api/agencies/").status_code == 401
