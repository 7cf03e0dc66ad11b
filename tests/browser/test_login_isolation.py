"""Staff sign in through the real login page and see only their world."""

import pytest

from gongkai.accounts.demo import DEMO_PASSWORD, create_demo_staff
from gongkai.organisations.demo import build_demo_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    world = build_demo_world()
    create_demo_staff(world)
    return world


def _log_in(page, base_url, username):
    page.goto(f"{base_url}/accounts/login/")
    assert page.locator("h1").inner_text() == "工作人员登录"
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("#login-form button[type=submit]")
    page.wait_for_url(f"{base_url}/staff/agencies/")


def _tree_names(page) -> set[str]:
    return set(page.locator("#agency-tree tbody td:first-child a").all_inner_texts())


def test_a_township_clerk_sees_only_the_township(page, live_server, demo):
    _log_in(page, live_server.url, "lisi")

    assert _tree_names(page) == {"海东市平安区古城回族乡人民政府"}
    page.click("text=海东市平安区古城回族乡人民政府")
    assert "古城回族乡党政综合办公室" in page.locator("#ogi-body").inner_text()

    neighbour = demo.sibling_townships[0]
    response = page.goto(f"{live_server.url}/staff/agencies/{neighbour.pk}/")
    assert response.status == 404
    assert "小峡镇" not in page.content()
    api = page.goto(f"{live_server.url}/api/agencies/{neighbour.pk}")
    assert api.status == 404


def test_a_district_inspector_sees_the_whole_district(page, live_server, demo):
    _log_in(page, live_server.url, "qianqi")

    assert _tree_names(page) == {a.name for a in demo.district_agencies}
    assert "海东市人民政府" not in _tree_names(page)
    assert len(demo.district_agencies) == 6
    page.click("text=海东市平安区小峡镇人民政府")
    assert "小峡镇党政综合办公室" in page.locator("#ogi-body").inner_text()
