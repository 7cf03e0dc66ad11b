"""Facts of section 一 from the catalogue: 政策解读 published, responses to
public concerns (回应关切) and the platforms of 政府信息公开平台建设 (R63,
R69); and the seed township's demo offering “60次” as its report says."""

from datetime import date, time

import pytest

from gongkai.annual_reports import facts as facts_module
from gongkai.annual_reports.compiling import compile_detailed
from gongkai.catalogue import services
from gongkai.catalogue.models import Category
from tests.catalogue.conftest import publish

pytestmark = pytest.mark.django_db
TODAY = date(2024, 3, 1)


def facts_of(agency, year):
    return {f.key: f for f in compile_detailed(agency, year).facts}


def respond(actor, agency, day, topic):
    return services.save_concern_response(
        actor,
        agency,
        today=TODAY,
        topic=topic,
        noticed_on=day,
        noticed_time=time(8, 0),
        responded_on=day,
        responded_time=time(16, 0),
        channel="website",
        document=None,
        note="",
    )


def add_platform(actor, agency, kind, name, **fields):
    values = {"url": "", "last_updated_on": date(2024, 2, 28), "is_active": True}
    return services.save_platform(
        actor, agency, today=TODAY, kind=kind, name=name, **(values | fields)
    )


def test_the_interpretations_fact_counts_the_year(gucheng, lisi, zhaoliu):
    for n, day in enumerate((date(2023, 4, 3), date(2023, 9, 4), date(2024, 1, 8))):
        policy = publish(
            lisi,
            zhaoliu,
            gucheng,
            today=day,
            kind="normative",
            title=f"古城回族乡公益性岗位管理办法（第{n}号）",
            document_number=f"古政〔{day.year}〕{n + 1}号",
            category=Category.objects.get(code="art20-01"),
            created_on=day,
        )
        publish(
            lisi,
            zhaoliu,
            gucheng,
            today=day,
            kind="interpretation",
            title=f"《古城回族乡公益性岗位管理办法（第{n}号）》政策解读",
            interpreting_unit="古城回族乡党政综合办公室",
            category=Category.objects.get(code="interpretation"),
            interprets=[policy],
            created_on=day,
        )

    fact = facts_of(gucheng, 2023)["interpretations"]

    assert fact.value == "2 篇"
    assert fact.sentence == "全年发布政策解读2篇。"
    assert (
        facts_of(gucheng, 2022)["interpretations"].sentence == "全年发布政策解读0篇。"
    )


def test_the_concerns_fact_counts_the_responses_of_the_year(gucheng, lisi):
    respond(lisi, gucheng, date(2023, 2, 1), "春耕化肥供应与价格")
    respond(lisi, gucheng, date(2023, 7, 7), "暴雨导致乡村道路塌方抢修进度")
    respond(lisi, gucheng, date(2023, 12, 31), "寒潮期间供暖和停电抢修")
    respond(lisi, gucheng, date(2024, 1, 2), "元旦后班车恢复")

    fact = facts_of(gucheng, 2023)["concerns"]

    assert fact.value == "3 次"
    assert fact.sentence == "全年回应群众关注热点信息3次。"
    assert (
        facts_of(gucheng, 2024)["concerns"].sentence == "全年回应群众关注热点信息1次。"
    )


def test_no_concern_record_in_the_year_is_a_gap_not_zero(gucheng, lisi):
    respond(lisi, gucheng, date(2023, 2, 1), "春耕化肥供应与价格")

    fact = facts_of(gucheng, 2022)["concerns"]

    assert fact.value is None and fact.sentence == ""


def test_without_the_selector_the_fact_is_unavailable(gucheng, lisi, monkeypatch):
    respond(lisi, gucheng, date(2023, 2, 1), "春耕化肥供应与价格")
    monkeypatch.setattr(facts_module.sources, "_optional", lambda module, name: None)

    facts = facts_of(gucheng, 2023)

    assert facts["concerns"].value is None
    assert facts["platforms"].value is None
    assert facts["interpretations"].value is None


def test_the_platforms_fact_lists_the_active_platforms(gucheng, lisi):
    add_platform(lisi, gucheng, "wechat", "古城回族乡发布")
    add_platform(lisi, gucheng, "website", "古城回族乡人民政府")
    add_platform(
        lisi, gucheng, "weibo", "古城回族乡旧微博", is_active=False
    )  # closed: not listed

    fact = facts_of(gucheng, 2023)["platforms"]

    assert fact.value == "古城回族乡人民政府网站、微信公众号“古城回族乡发布”"
    assert fact.sentence == (
        "依托古城回族乡人民政府网站、微信公众号“古城回族乡发布”等平台发布政府信息。"
    )
    assert fact.section == "overview"


def test_one_platform_reads_without_deng(gucheng, lisi):
    add_platform(lisi, gucheng, "ogi_column", "平安区人民政府网站古城回族乡")

    fact = facts_of(gucheng, 2023)["platforms"]

    assert (
        fact.sentence
        == "依托平安区人民政府网站古城回族乡政府信息公开专栏发布政府信息。"
    )


def test_no_platform_recorded_is_a_gap(gucheng, xiaoxia, lisi):
    add_platform(lisi, gucheng, "wechat", "古城回族乡发布")

    fact = facts_of(xiaoxia, 2023)["platforms"]

    assert fact.value is None and fact.sentence == ""


def test_the_seed_township_demo_offers_60_responses_and_its_platforms(world):
    from gongkai.catalogue.demo import build_demo_catalogue
    from gongkai.catalogue.selectors import concern_response_count, flags_for
    from gongkai.organisations.models import Agency

    build_demo_catalogue(world)

    facts = facts_of(world.township, 2023)
    assert facts["concerns"].value == "60 次"
    assert facts["concerns"].sentence == "全年回应群众关注热点信息60次。"
    assert facts["items_published"].value == "89 条"
    assert facts["platforms"].sentence == (
        "依托平安区人民政府网站古城回族乡政府信息公开专栏、"
        "微信公众号“古城回族乡发布”等平台发布政府信息。"
    )
    assert concern_response_count(world.township, 2024) == 0

    from django.utils import timezone

    stale = flags_for(Agency.objects.all(), timezone.localdate()).stale_platforms
    assert [(p.agency, p.name) for p in stale] == [
        (world.sibling_townships[0], "小峡镇发布")
    ]


def test_the_demo_has_two_late_responses_and_runs_twice(world):
    from gongkai.catalogue.demo import build_demo_catalogue
    from gongkai.catalogue.models import ConcernResponse, Platform

    build_demo_catalogue(world)
    counts = (ConcernResponse.objects.count(), Platform.objects.count())
    build_demo_catalogue(world)

    responses = ConcernResponse.objects.filter(agency=world.township)
    assert (ConcernResponse.objects.count(), Platform.objects.count()) == counts
    assert sorted(r.topic for r in responses if r.is_late) == [
        "农村危房改造鉴定结果",
        "灌溉渠道渗漏影响春灌",
    ]
    months = {r.responded_on.month for r in responses}
    assert months == set(range(1, 13))
    assert len({r.channel for r in responses}) == 5
