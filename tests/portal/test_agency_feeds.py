"""RSS/Atom feeds per agency and category, the sitemap, and the 适老化
switch."""

from datetime import date
from types import SimpleNamespace

from django.core.cache import cache
from django.urls import reverse

import pytest
from lxml import etree

from gongkai.accounts.models import Role
from gongkai.catalogue.models import Category
from gongkai.organisations.demo import build_demo_world
from tests.catalogue.conftest import draft, publish
from tests.organisations.world import make_person

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def town(db):
    """古城回族乡 with a clerk (李四) and a reviewer (赵六), in the demo world."""
    world = build_demo_world()
    return SimpleNamespace(
        world=world,
        agency=world.township,
        clerk=make_person("lisi", "李四", world.township, Role.HANDLER),
        reviewer=make_person(
            "zhaoliu", "赵六", world.township, Role.PUBLICATION_REVIEWER
        ),
    )


@pytest.fixture
def published(town):
    relief = Category.objects.get(code="art21t-08")
    return [
        publish(
            town.clerk,
            town.reviewer,
            town.agency,
            title="临时救助公示",
            category=relief,
            today=date(2024, 4, 8),
        ),
        publish(
            town.clerk,
            town.reviewer,
            town.agency,
            title="部门预算公开",
            today=date(2024, 4, 9),
        ),
    ]


def test_the_agency_rss_lists_the_newest_first(client, published, town):
    draft(town.clerk, town.agency, title="草稿不进订阅")
    url = reverse("portal:agency_rss", args=[town.agency.pk])
    feed = etree.fromstring(client.get(url).content)
    assert feed.xpath("//item/title/text()") == ["部门预算公开", "临时救助公示"]
    assert feed.xpath("//item/guid/text()")[0] == published[1].index_number


def test_the_category_atom_feed_has_only_that_category(client, published, town):
    url = reverse("portal:agency_category_atom", args=[town.agency.pk, "art21t-08"])
    feed = etree.fromstring(client.get(url).content)
    entries = [e.find(f"{ATOM}title").text for e in feed.iter(f"{ATOM}entry")]
    assert entries == ["临时救助公示"]


def test_a_category_feed_across_agencies(client, published):
    feed = etree.fromstring(
        client.get(reverse("portal:category_rss", args=["art20-07"])).content
    )
    assert feed.xpath("//item/title/text()") == ["部门预算公开"]
    assert client.get(reverse("portal:category_rss", args=["nope"])).status_code == 404


def test_the_sitemap_lists_published_documents(client, published, town):
    draft(town.clerk, town.agency, title="草稿不进站点地图")
    cache.clear()
    index = etree.fromstring(client.get("/sitemap.xml").content)
    locations = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert locations[-1].endswith("/sitemap-documents-0.xml")
    urlset = etree.fromstring(client.get("/sitemap-documents-0.xml").content)
    urls = [loc.text for loc in urlset.iter(f"{SITEMAP}loc")]
    assert [u.rsplit("/documents/", 1)[1] for u in urls] == [
        f"{d.pk}/" for d in published
    ]
    assert client.get("/sitemap-documents-99.xml").status_code == 404


def test_the_care_mode_switch_persists_in_a_cookie(client, town):
    column = reverse("portal:agency_column", args=[town.agency.pk])
    response = client.post(reverse("portal:care_mode"), {"next": column})
    assert response.status_code == 302 and response["Location"] == column
    assert response.cookies["gk_care"].value == "1"
    assert response.cookies["gk_care"]["max-age"] == 365 * 24 * 3600

    page = client.get(column).content.decode()
    assert '<html lang="zh-CN" class="care">' in page
    assert 'aria-pressed="true"' in page

    client.post(reverse("portal:care_mode"), {"next": column})
    assert 'class="care"' not in client.get(column).content.decode()


def test_the_care_mode_switch_does_not_redirect_elsewhere(client, db):
    response = client.post(
        reverse("portal:care_mode"), {"next": "https://evil.example/"}
    )
    assert response["Location"] == "/"
