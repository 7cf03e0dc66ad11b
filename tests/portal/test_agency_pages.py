"""The public 政府信息公开专栏 of each agency: the standard columns, the
document page with its catalogue box, and nothing that is not published."""

from datetime import date, timedelta
from types import SimpleNamespace

from django.core.cache import cache
from django.urls import reverse

import pytest
from lxml import html

from gongkai.accounts.models import Role
from gongkai.catalogue import listing, services
from gongkai.catalogue.models import Category
from gongkai.organisations.demo import build_demo_world
from gongkai.portal.agency_views import apply_url
from tests.catalogue.conftest import draft, publish
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


def put(town, **fields):
    """Draft, review and publish one document of 古城回族乡."""
    return publish(town.clerk, town.reviewer, town.agency, **fields)


def text(response) -> str:
    return " ".join(html.fromstring(response.content).text_content().split())


def column_url(town, name="agency_column", *args):
    return reverse(f"portal:{name}", args=[town.agency.pk, *args])


@pytest.fixture
def notice(town):
    return put(
        town,
        title="古城回族乡2024年第一季度临时救助发放情况公示",
        category=Category.objects.get(code="art21t-08"),
        document_number="古政〔2024〕3号",
        summary="公示临时救助发放情况。",
        body="第一段。\n\n第二段。",
        today=date(2024, 4, 8),
        created_on=date(2024, 4, 1),
    )


def test_the_column_home_links_the_standard_columns(client, notice, town):
    page = client.get(column_url(town))
    doc = html.fromstring(page.content)
    links = [a.text_content() for a in doc.xpath("//nav[@class='column-nav']//a")]
    assert links == [
        "政府信息公开指南",
        "政府信息公开制度",
        "法定主动公开内容",
        "政府信息公开年报",
        "依申请公开（在线申请）",
    ]
    assert notice.title in text(page)
    assert "目录最近更新：2024-04-08" in text(page)


def test_the_apply_entry_goes_to_the_online_form(client, town):
    doc = html.fromstring(client.get(column_url(town)).content)
    [link] = doc.xpath("//a[contains(@class,'apply-link')]/@href")
    expected = apply_url(town.agency)
    if expected is None:
        # No online form on this installation: the 指南's ways to apply.
        expected = column_url(town, "agency_apply")
        assert "政府信息公开申请" in text(client.get(expected))
    assert link == expected


def test_the_guide_is_generated_with_live_contacts(client, town):
    page = text(client.get(column_url(town, "agency_guide")))
    assert "海东市平安区古城回族乡人民政府政府信息公开指南" in page
    assert "0972-8690101" in page and "古城回族乡党政综合办公室" in page
    assert "20个工作日" in page


def test_the_proactive_column_lists_the_statutory_categories(client, notice, town):
    page = client.get(column_url(town, "agency_proactive"))
    body = text(page)
    assert "（一）行政法规、规章和规范性文件" in body
    assert "宅基地使用情况审核" in body  # township items of 第二十一条
    assert "市政建设" not in body  # county items
    doc = html.fromstring(page.content)
    items = doc.xpath("//ul[@class='category-list']/li")
    [relief] = [li.text_content() for li in items if "社会救助" in li.text_content()]
    assert "1 条" in relief


def test_a_category_list_is_paged_newest_first(client, town):
    category = Category.objects.get(code="art20-04")
    for i in range(25):
        put(
            town,
            title=f"统计信息第{i:02d}期",
            category=category,
            today=date(2024, 1, 1) + timedelta(days=i),
        )
    url = column_url(town, "agency_category", "art20-04")

    def titles(doc):
        return doc.xpath("//ul[@class='document-list']/li/a/text()")

    first = html.fromstring(client.get(url).content)
    assert len(titles(first)) == listing.PAGE_SIZE
    assert titles(first)[0] == "统计信息第24期"
    [older] = first.xpath("//a[@rel='next']/@href")
    second = html.fromstring(client.get(url + older).content)
    assert titles(second) == [f"统计信息第{i:02d}期" for i in range(4, -1, -1)]
    last = html.fromstring(client.get(url + "?before=0").content)
    assert titles(last)[-1] == "统计信息第00期"


def test_a_category_page_lists_escaped_titles_with_links_numbers_and_dates(
    client, notice, town
):
    tricky = put(
        town,
        title="<b>临时救助</b>公示",
        category=notice.category,
        today=date(2024, 4, 9),
    )
    page = client.get(column_url(town, "agency_category", "art21t-08"))
    assert b"<b>" not in page.content
    items = html.fromstring(page.content).xpath("//ul[@class='document-list']/li")
    assert [li.xpath("a/text()")[0] for li in items] == [tricky.title, notice.title]
    assert [li.xpath("a/@href")[0] for li in items] == [
        tricky.get_absolute_url(),
        notice.get_absolute_url(),
    ]
    assert items[1].xpath("span/span[@class='number']/text()") == ["古政〔2024〕3号"]
    assert items[0].xpath("span/span[@class='number']") == []
    assert items[1].xpath("span/time/@datetime") == ["2024-04-08"]
    assert "共 2 条" in text(page)


def test_an_empty_category_says_so(client, town):
    page = client.get(column_url(town, "agency_category", "art20-04"))
    assert text(page).count("暂无信息。") == 1


def test_a_category_page_costs_three_queries(
    client, notice, town, django_assert_max_num_queries
):
    url = column_url(town, "agency_category", "art21t-08")
    client.get(url)  # fills the per-process caches
    # The agency, the page's rows, their count.
    with django_assert_max_num_queries(3):
        assert notice.title in text(client.get(url + f"?after={10**15}"))


def test_junk_paging_parameters_show_the_first_page(client, notice, town):
    url = column_url(town, "agency_category", "art21t-08")
    page = client.get(url + "?after=abc&before=-1")
    assert page.status_code == 200 and notice.title in text(page)


def test_the_document_page_has_the_catalogue_box(client, notice):
    doc = html.fromstring(client.get(notice.get_absolute_url()).content)
    box = {
        th.text_content(): th.getnext().text_content()
        for th in doc.xpath("//table[@class='meta-box']//th")
    }
    assert box["索引号"] == notice.index_number
    assert box["发布机构"] == "海东市平安区古城回族乡人民政府"
    assert (box["成文日期"], box["发布日期"]) == ("2024-04-01", "2024-04-08")
    assert box["文号"] == "古政〔2024〕3号"
    assert box["公开方式"] == "主动公开"
    assert doc.xpath("//div[@class='document-text']/p/text()") == [
        "第一段。",
        "第二段。",
    ]


def test_a_policy_page_shows_validity_and_its_interpretation(client, town):
    district = town.world.district
    clerk = make_person("dc", "区经办", district, Role.HANDLER)
    reviewer = make_person("dr", "区审核", district, Role.PUBLICATION_REVIEWER)
    policy = publish(
        clerk,
        reviewer,
        district,
        kind="normative",
        title="某某管理办法",
        category=Category.objects.get(code="art20-01"),
        today=date(2023, 5, 4),
    )
    services.change_validity(
        reviewer,
        policy,
        repealed_on=date(2024, 3, 1),
        valid_until=None,
        note="被平政〔2024〕3号文件废止",
    )
    reading = publish(
        clerk,
        reviewer,
        district,
        kind="interpretation",
        title="某某管理办法政策解读",
        category=Category.objects.get(code="interpretation"),
        interpreting_unit="区司法局",
        interprets=[policy],
        today=date(2023, 5, 5),
    )

    page = text(client.get(policy.get_absolute_url()))
    assert "废止" in page and "被平政〔2024〕3号文件废止" in page
    assert "相关解读" in page and reading.title in page
    assert "关联文件" in text(client.get(reading.get_absolute_url()))


@pytest.mark.parametrize("state", ["draft", "filed", "withdrawn"])
def test_unpublished_documents_do_not_exist_publicly(client, town, state):
    if state == "draft":
        document = draft(town.clerk, town.agency)
    elif state == "filed":
        document = draft(
            town.clerk, town.agency, attribute="withheld", attribute_reason="内部事务。"
        )
        services.file_document(town.reviewer, document)
    else:
        document = put(town)
        services.withdraw_document(town.reviewer, document, reason="误发。")
    assert client.get(reverse("portal:document", args=[document.pk])).status_code == 404
    assert document.title not in text(client.get(column_url(town)))


def test_attachments_of_published_documents_download(client, town, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = draft(town.clerk, town.agency)
    attachment = services.add_attachment(
        town.clerk, document, name="公示表.pdf", content=b"%PDF-1.4 x"
    )
    url = reverse("portal:attachment", args=[document.pk, attachment.pk])
    assert client.get(url).status_code == 404  # still a draft
    services.record_review(town.reviewer, document, conclusion="approved")
    services.publish_document(town.reviewer, document)

    response = client.get(url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 x"
    assert "%E5%85%AC%E7%A4%BA%E8%A1%A8.pdf" in response["Content-Disposition"]


def test_the_document_page_lists_its_attachments_in_order(
    client, town, settings, tmp_path, django_assert_max_num_queries
):
    settings.MEDIA_ROOT = tmp_path
    document = draft(town.clerk, town.agency)
    first = services.add_attachment(
        town.clerk, document, name="公示表.pdf", content=b"%PDF-1.4 x"
    )
    second = services.add_attachment(
        town.clerk, document, name="名单.pdf", content=b"%PDF-1.4 yy"
    )
    services.record_review(town.reviewer, document, conclusion="approved")
    document = services.publish_document(town.reviewer, document)
    client.get(document.get_absolute_url())  # fills the per-process caches
    # The document, its agency, its category, its attachments.
    with django_assert_max_num_queries(4):
        page = html.fromstring(client.get(document.get_absolute_url()).content)
    links = page.xpath("//section[@aria-labelledby='attachments-title']//a")
    assert [a.text for a in links] == ["公示表.pdf", "名单.pdf"]
    assert [a.get("href") for a in links] == [
        first.get_absolute_url(),
        second.get_absolute_url(),
    ]
    crumbs = page.xpath("//nav[@class='breadcrumbs']/a/text()")
    assert crumbs[-1] == document.category.name


def test_the_reports_column_lists_the_agencys_reports(client, town):
    from gongkai.annual_reports.models import ImportedReport
    from gongkai.report.model import empty_report

    data = empty_report("2021", 2023, fill=0).to_json()
    for name, agency in (
        ("海东市平安区古城回族乡", town.agency),
        ("海东市平安区小峡镇", None),
    ):
        ImportedReport.objects.create(
            agency=agency,
            agency_name=name,
            year=2023,
            format="2021",
            data=data,
            source_kind="json",
        )
    page = text(client.get(column_url(town, "agency_reports")))
    assert "海东市平安区古城回族乡2023年政府信息公开工作年度报告" in page
    assert "小峡镇" not in page


def test_the_standard_catalogue_column_appears_with_entries(client, town):
    assert "基层政务公开标准目录" not in text(client.get(column_url(town)))
    services.save_standard_entry(
        town.clerk,
        town.agency,
        sequence=1,
        level1="社会救助",
        level2="最低生活保障",
        content="审批结果",
        subject=town.agency.name,
        channels=["website"],
    )
    assert "基层政务公开标准目录" in text(client.get(column_url(town)))


def test_the_home_page_indexes_every_agency_column(client, notice, town):
    cache.clear()
    doc = html.fromstring(client.get("/").content)
    links = doc.xpath("//ul[@class='agency-index']/li/a")
    names = [a.text_content() for a in links]
    assert names[0] == "青海省人民政府"
    index = names.index("海东市平安区古城回族乡人民政府")
    assert links[index].get("href") == column_url(town)


def test_an_unknown_agency_or_category_is_404(client, town):
    assert client.get("/agencies/999999/").status_code == 404
    # A county item of 第二十一条 is not in a township's catalogue.
    assert (
        client.get(column_url(town, "agency_category", "art21c-01")).status_code == 404
    )
