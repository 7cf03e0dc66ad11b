"""The public search page: short Chinese words, filters, highlighting, and
clear messages for bad input."""

from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from lxml import html

from gongkai.accounts.models import Role
from gongkai.organisations.demo import build_demo_world
from tests.catalogue.conftest import publish
from tests.organisations.world import make_person


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
def documents(town):
    specs = [
        ("关于做好行政复议有关工作的通知", "依法受理复议申请。", date(2023, 5, 8)),
        ("古城回族乡部门预算公开", "一般公共预算。", date(2024, 3, 1)),
    ]
    return [
        publish(
            town.clerk, town.reviewer, town.agency, title=t, summary="", body=b, today=d
        )
        for t, b, d in specs
    ]


def hits(doc):
    return [a.text_content() for a in doc.xpath("//a[@class='hit-title']")]


def test_a_two_character_word_is_found_and_highlighted(client, documents):
    doc = html.fromstring(client.get("/search/", {"q": "复议"}).content)
    assert hits(doc) == ["关于做好行政复议有关工作的通知"]
    assert doc.xpath("//a[@class='hit-title']/mark/text()") == ["复议"]
    assert "找到 1 条结果" in doc.text_content()


def test_a_bad_filter_value_is_reported_and_the_good_ones_still_apply(
    client, documents, town
):
    params = {"q": "公开", "year": "二〇二三", "agency": town.world.district.pk}
    doc = html.fromstring(client.get("/search/", params).content)
    assert "整数" in doc.xpath("//p[@class='field-error']/text()")[0]
    # Searched without the bad year but within the district: nothing there.
    assert hits(doc) == []
    doc = html.fromstring(client.get("/search/", params | {"agency": ""}).content)
    assert hits(doc) == ["古城回族乡部门预算公开"]


def test_the_year_filter_narrows(client, documents):
    doc = html.fromstring(client.get("/search/", {"q": "公", "year": "2023"}).content)
    assert hits(doc) == []


def test_filters_alone_browse_the_catalogue(client, documents, town):
    doc = html.fromstring(client.get("/search/", {"agency": town.agency.pk}).content)
    assert hits(doc) == ["古城回族乡部门预算公开", "关于做好行政复议有关工作的通知"]
    # The chosen filter stays chosen.
    selected = doc.xpath("//select[@id='f-agency']/option[@selected]/@value")
    assert selected == [str(town.agency.pk)]


def test_an_over_long_query_is_refused_politely(client, documents):
    page = client.get("/search/", {"q": "复" * 500})
    assert page.status_code == 200
    doc = html.fromstring(page.content)
    assert "100" in doc.xpath("//p[@class='field-error']/text()")[0]
    assert hits(doc) == []


def test_the_page_costs_the_same_queries_for_more_results(
    client, documents, town, django_assert_max_num_queries
):
    for i in range(10):
        publish(
            town.clerk,
            town.reviewer,
            town.agency,
            title=f"复议须知{i}",
            today=date(2024, 5, 1 + i),
        )
    client.get("/search/", {"q": "复议"})  # fills the per-process caches
    # The matching keys with their count, the hits, the agency stamp.
    with django_assert_max_num_queries(3):
        doc = html.fromstring(client.get("/search/", {"q": "复议"}).content)
    assert len(hits(doc)) == 11
    assert "找到 11 条结果" in doc.text_content()


def test_hits_link_their_documents_and_escape_their_text(client, town):
    tricky = publish(
        town.clerk,
        town.reviewer,
        town.agency,
        title="<script>复议</script>须知",
        summary="",
        body="复议 & <b>申请</b>",
        document_number="古政〔2024〕9号",
        today=date(2024, 5, 1),
    )
    page = client.get("/search/", {"q": "复议"})
    assert b"<script>" not in page.content and b"<b>" not in page.content
    [hit] = html.fromstring(page.content).xpath("//li[@class='hit']")
    assert hit.xpath("a[@class='hit-title']/@href") == [tricky.get_absolute_url()]
    assert hit.xpath("a/mark/text()") == ["复议"]
    assert (
        "复议 & <b>申请</b>" in hit.xpath("p[@class='hit-excerpt']")[0].text_content()
    )
    meta = [e.text_content() for e in hit.xpath("p[@class='hit-meta']/*")]
    assert meta == [
        "海东市平安区古城回族乡人民政府",
        "古政〔2024〕9号",
        f"索引号 {tricky.index_number}",
        "2024-05-01",
    ]
    assert hit.xpath("p[@class='hit-meta']/time/@datetime") == ["2024-05-01"]


def test_the_pager_keeps_the_query_and_filters(client, town):
    for i in range(23):
        publish(
            town.clerk,
            town.reviewer,
            town.agency,
            title=f"救助公示{i:02d}",
            today=date(2024, 1, 1) + timedelta(days=i),
        )
    params = {"q": "救助", "agency": town.agency.pk}
    first = html.fromstring(client.get("/search/", params).content)
    assert len(hits(first)) == 20 and "找到 23 条结果" in first.text_content()
    assert first.xpath("//nav[@class='pager']/a/text()") == ["下一页", "末页"]
    [older] = first.xpath("//a[@rel='next']/@href")
    assert older.startswith("?") and {
        "q=%E6%95%91%E5%8A%A9",
        "agency=%d" % town.agency.pk,
    } <= set(older[1:].split("&"))
    second = html.fromstring(client.get("/search/" + older).content)
    assert hits(second) == ["救助公示02", "救助公示01", "救助公示00"]
    assert second.xpath("//nav[@class='pager']/a/text()") == ["首页", "上一页"]
    [newer] = second.xpath("//a[@rel='prev']/@href")
    back = html.fromstring(client.get("/search/" + newer).content)
    assert hits(back) == hits(first)
    alone = html.fromstring(client.get("/search/", {"q": "救助公示00"}).content)
    assert alone.xpath("//nav[@class='pager']") == []
