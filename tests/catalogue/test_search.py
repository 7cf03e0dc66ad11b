"""Search over titles and full text in Chinese, one character and up, with
filters, newest first, keyset pages, highlighted matches; the index follows
publication and withdrawal."""

import unicodedata
from datetime import date
from io import StringIO

from django.core.management import call_command
from django.db import connection

import pytest

from gongkai.catalogue import search as search_index
from gongkai.catalogue import services
from gongkai.catalogue.listing import search
from gongkai.catalogue.models import Category, key_range_of_year
from gongkai.catalogue.search import Filters, Window
from tests.catalogue.conftest import draft, publish

TODAY = date(2025, 6, 30)


@pytest.fixture
def library(lisi, zhaoliu, gucheng):
    """Four published documents and a draft of 古城回族乡."""
    specs = [
        (
            "古城回族乡2023年部门预算公开",
            "一般公共预算收入和支出情况。",
            date(2023, 3, 6),
        ),
        ("关于做好行政复议有关工作的通知", "依法受理行政复议申请。", date(2023, 5, 8)),
        (
            "古城回族乡宅基地审批结果公示",
            "农村宅基地申请审批结果，复核无异议。",
            date(2024, 4, 1),
        ),
        (
            "征收补偿安置方案公告",
            "集体土地征收补偿标准。文号平政〔2024〕3号。",
            date(2024, 9, 2),
        ),
    ]
    documents = [
        publish(
            lisi, zhaoliu, gucheng, title=t, summary="", body=b, today=d, created_on=d
        )
        for t, b, d in specs
    ]
    draft(lisi, gucheng, title="尚未发布的复议草稿", body="复议")
    return documents


def titles(query, **filters):
    result = search(query, Filters(today=TODAY, **filters), Window(size=20))
    return [hit.document.title for hit in result.items]


def test_a_two_character_word_is_found(library):
    assert titles("复议") == ["关于做好行政复议有关工作的通知"]


def test_a_one_character_query_is_found_newest_first(library):
    assert titles("征") == ["征收补偿安置方案公告"]
    assert titles("公") == [
        "征收补偿安置方案公告",
        "古城回族乡宅基地审批结果公示",
        "古城回族乡2023年部门预算公开",
    ]


def test_long_words_use_the_trigram_index_and_match_the_body(library):
    assert titles("征收补偿") == ["征收补偿安置方案公告"]
    assert titles("一般公共预算") == ["古城回族乡2023年部门预算公开"]


def test_several_terms_must_all_match(library):
    assert titles("宅基地 复核") == ["古城回族乡宅基地审批结果公示"]
    assert titles("宅基地 预算") == []
    assert titles("审批 公示") == ["古城回族乡宅基地审批结果公示"]


def test_drafts_are_never_found(library):
    assert "尚未发布的复议草稿" not in titles("复议")


def test_filters_narrow_by_year_category_agency_and_validity(library, gucheng, world):
    assert titles("公", year=2023) == ["古城回族乡2023年部门预算公开"]
    budget = Category.objects.get(code="art20-07")
    assert len(titles("公", category_id=budget.pk)) == 3
    assert titles("公", category_id=Category.objects.get(code="art20-02").pk) == []
    assert titles("公", agency_id=world.district.pk) == []
    assert len(titles("公", validity="effective")) == 3
    assert titles("公", validity="repealed") == []


def test_matches_are_highlighted_and_escaped(library, lisi, zhaoliu, gucheng):
    publish(lisi, zhaoliu, gucheng, title="<b>复议</b>须知", body="x", today=TODAY)
    result = search("复议", Filters(today=TODAY), Window())
    titles_html = [str(hit.title) for hit in result.items]
    assert "&lt;b&gt;<mark>复议</mark>&lt;/b&gt;须知" in titles_html
    assert "关于做好行政<mark>复议</mark>有关工作的通知" in titles_html


def test_pages_follow_the_cursor_both_ways(lisi, zhaoliu, gucheng):
    for i in range(7):
        publish(
            lisi, zhaoliu, gucheng, title=f"公示第{i}号", today=date(2024, 1, 2 + i)
        )

    first = search("公示", Filters(today=TODAY), Window(size=3))
    second = search("公示", Filters(today=TODAY), Window(after=first.next_key, size=3))
    third = search("公示", Filters(today=TODAY), Window(after=second.next_key, size=3))
    back = search(
        "公示", Filters(today=TODAY), Window(before=third.previous_key, size=3)
    )

    names = lambda page: [h.document.title for h in page.items]  # noqa: E731
    assert names(first) == ["公示第6号", "公示第5号", "公示第4号"]
    assert names(second) == ["公示第3号", "公示第2号", "公示第1号"]
    assert names(third) == ["公示第0号"] and third.next_key is None
    assert names(back) == names(second)
    assert first.total == 7 and not first.capped


def test_later_pages_count_what_the_first_page_counted(lisi, zhaoliu, gucheng):
    for i in range(5):
        publish(lisi, zhaoliu, gucheng, title=f"公示{i}", today=date(2024, 1, 2 + i))
    first = search("公示", Filters(today=TODAY), Window(size=2))
    later = search("公示", Filters(today=TODAY), Window(after=first.next_key, size=2))
    assert (first.total, later.total) == (5, 5)
    assert [h.document.title for h in later.items] == ["公示2", "公示1"]


def test_a_year_and_a_page_make_one_range_of_keys():
    """FTS5 walks one range of row ids: the year and the page cursor are
    merged into one lower and one upper bound."""
    low, high = key_range_of_year(2023)
    assert Filters(year=2023).sql("k") == (["k >= %s", "k <= %s"], [low, high], "DESC")
    after = Filters(year=2023).sql("k", Window(after=high + 10**9))
    assert after == (["k >= %s", "k <= %s"], [low, high], "DESC")
    inside = Filters(year=2023).sql("k", Window(after=low + 5))
    assert inside == (["k >= %s", "k <= %s"], [low, low + 4], "DESC")
    before = Filters(year=2023).sql("k", Window(before=low - 10))
    assert before == (["k >= %s", "k <= %s"], [low, high], "ASC")
    assert Filters().sql("k", Window(before=7)) == (["k >= %s"], [8], "ASC")
    assert Filters().sql("k", Window(after=7)) == (["k <= %s"], [6], "DESC")


def test_a_year_filter_on_a_page_after_a_later_year(library):
    """A cursor from 2024 with the year 2023 shows 2023 from its newest."""
    newest = library[-1].listing_key  # 2024
    result = search(
        "公", Filters(today=TODAY, year=2023), Window(after=newest, size=20)
    )
    assert [h.document.title for h in result.items] == ["古城回族乡2023年部门预算公开"]
    oldest = library[0].listing_key  # 2023-03-06, the first of 2023
    result = search("公", Filters(today=TODAY, year=2024), Window(after=oldest))
    assert result.items == []


def test_the_index_number_and_document_number_match_exactly(
    library, lisi, zhaoliu, gucheng
):
    number = library[0].index_number
    result = search(number, Filters(today=TODAY), Window())
    assert [h.document for h in result.exact] == [library[0]]

    # The 文号 written in a body is an ordinary match ...
    result = search("平政[2024]3号", Filters(today=TODAY), Window())
    assert result.exact == []
    assert [h.document.title for h in result.items] == ["征收补偿安置方案公告"]
    # ... the 文号 of a document is an exact match, shown once, on top.
    decree = publish(
        lisi,
        zhaoliu,
        gucheng,
        title="关于征收补偿的决定",
        summary="",
        body="平政〔2024〕7号",
        document_number="平政[2024]7号",
        today=TODAY,
    )
    result = search("平政〔2024〕7号", Filters(today=TODAY), Window())
    assert [h.document for h in result.exact] == [decree]
    assert decree not in [h.document for h in result.items]


def test_withdrawal_removes_a_document_from_the_index(library, zhaoliu):
    services.withdraw_document(zhaoliu, library[1], reason="误发。")
    assert titles("复议") == []
    assert titles("行政复议") == []


def test_the_rebuild_command_gives_the_same_answers(library):
    before = {q: titles(q) for q in ("复议", "公", "征收补偿", "宅基地 复核")}
    search_index.get_backend().clear()
    assert titles("复议") == []

    call_command("rebuild_search_index", verbosity=0)

    assert {q: titles(q) for q in before} == before


def test_optimizing_the_index_keeps_its_answers(library, lisi, zhaoliu, gucheng):
    # Several writes: several FTS5 segments on SQLite.
    for i in range(3):
        publish(
            lisi, zhaoliu, gucheng, title=f"复议公示{i}", today=date(2024, 6, 1 + i)
        )
    queries = ("复议", "公", "征收补偿", "宅基地 复核", "复议公示")
    before = {q: titles(q, agency_id=gucheng.pk) for q in queries}
    out = StringIO()

    call_command("rebuild_search_index", "--optimize-only", stdout=out)

    assert {q: titles(q, agency_id=gucheng.pk) for q in queries} == before
    assert len(before["复议"]) == 4 and "已合并" in out.getvalue()


def test_counting_stops_at_the_cap(lisi, zhaoliu, gucheng, monkeypatch):
    import gongkai.catalogue.listing as listing

    monkeypatch.setattr(listing, "SEARCH_COUNT_CAP", 3)
    for i in range(5):
        publish(lisi, zhaoliu, gucheng, title=f"通知{i}", today=date(2024, 2, 1 + i))
    result = search("通知", Filters(today=TODAY), Window(size=2))
    assert (result.total, result.capped) == (3, True)


def test_the_sqlite_plan_walks_the_index_newest_first(library):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite query plan only")
    backend = search_index.get_backend()
    sql, params = backend._query(
        search_index.parse_query("征收补偿"), Filters(today=TODAY), Window()
    )
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert "SCAN f VIRTUAL TABLE" in plan and "TEMP B-TREE" not in plan


@pytest.mark.parametrize("query", ["救助", "临时救助"])
def test_agency_and_category_facets_match_exactly(db, query):
    """Agency 1 is not agency 11 (nor category 2 category 21), for short
    and long terms alike."""
    from types import SimpleNamespace

    def doc(key, agency, category):
        return SimpleNamespace(
            listing_key=key,
            agency_id=agency,
            category_id=category,
            title="临时救助公示",
            summary="",
            document_number="",
            index_number="",
            keywords="",
            body="",
        )

    backend = search_index.get_backend()
    big = 4096**2  # three base-4096 digits in the SQLite trigram table
    backend.index(
        [
            doc(10**9 + 1, 1, 2),
            doc(10**9 + 2, 11, 21),
            doc(10**9 + 3, 1, 21),
            doc(10**9 + 4, 4096, 2),
            doc(10**9 + 5, big, big + 1),
            doc(10**9 + 6, big + 1, big),
        ]
    )
    terms = search_index.parse_query(query)

    def keys(**filters):
        return backend.match(terms, Filters(today=TODAY, **filters), Window())

    assert keys(agency_id=1) == [10**9 + 3, 10**9 + 1]
    assert keys(agency_id=11) == [10**9 + 2]
    assert keys(category_id=2) == [10**9 + 4, 10**9 + 1]
    assert keys(agency_id=1, category_id=21) == [10**9 + 3]
    assert keys(agency_id=4096) == [10**9 + 4]
    assert keys(agency_id=16) == []
    assert keys(agency_id=big) == [10**9 + 5]
    assert keys(category_id=big) == [10**9 + 6]
    assert keys(agency_id=big + 1, category_id=big) == [10**9 + 6]
    assert keys(agency_id=big, category_id=big) == []
    assert backend.count(terms, Filters(today=TODAY, agency_id=1), 100) == 2


def test_a_trigram_facet_is_one_trigram_of_private_use_characters():
    from gongkai.catalogue.search.sqlite import _facet_of, trigram_facet

    for kind, value in [("a", 0), ("a", 12), ("c", 4095), ("c", 4096**2 - 1)]:
        token = trigram_facet(kind, value)
        assert len(token) == 3 and _facet_of(token) == (kind, value)
        assert all(unicodedata.category(char) == "Co" for char in token)
    assert len(trigram_facet("a", 4096**2)) == 4
    assert _facet_of(trigram_facet("c", 4096**3 - 1)) == ("c", 4096**3 - 1)
    assert trigram_facet("a", 7) != trigram_facet("c", 7)
    with pytest.raises(ValueError):
        trigram_facet("a", 4096**3)


def test_the_facets_of_an_older_index_are_renewed(library, gucheng, zhaoliu):
    """Migration 0006: trigram rows written with the former facet markers
    are written again with one-trigram facets; the bigram table, whose
    rows are deleted by replaying the trigram rows, stays consistent."""
    if connection.vendor != "sqlite":
        pytest.skip(
            "migration 0006 rewrites the SQLite trigram table; PostgreSQL has "
            "no such table (its trigram index is on the documents)"
        )
    from gongkai.catalogue.search.sqlite import (
        BIGRAM_TABLE,
        TRIGRAM_TABLE,
        SqliteBackend,
    )

    documents = {d.listing_key: d for d in library}
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT rowid, title, body FROM {TRIGRAM_TABLE}")
        rows = cursor.fetchall()
        cursor.execute(f"DELETE FROM {TRIGRAM_TABLE}")
        cursor.executemany(
            f"INSERT INTO {TRIGRAM_TABLE}(rowid, title, body, facets) "
            "VALUES (%s, %s, %s, %s)",
            [
                (
                    key,
                    title,
                    body,
                    f"\ue000a{d.agency_id}\ue000 \ue000c{d.category_id}\ue000",
                )
                for key, title, body in rows
                for d in (documents[key],)
            ],
        )
    assert titles("征收补偿", agency_id=gucheng.pk) == []

    assert SqliteBackend().renew_facets() == 4

    assert titles("征收补偿", agency_id=gucheng.pk) == ["征收补偿安置方案公告"]
    assert len(titles("公", agency_id=gucheng.pk)) == 3
    withdrawn = library[3]
    services.withdraw_document(zhaoliu, withdrawn, reason="误发。")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid FROM {BIGRAM_TABLE} WHERE {BIGRAM_TABLE} MATCH %s",
            [f'"\ue000a{gucheng.pk}"'],
        )
        assert withdrawn.listing_key not in [row[0] for row in cursor.fetchall()]
        cursor.execute(
            f"SELECT count(*) FROM {BIGRAM_TABLE} WHERE {BIGRAM_TABLE} MATCH %s",
            ['"征收"'],
        )
        assert cursor.fetchone()[0] == 0


def test_browsing_loads_no_document_text(library, django_assert_max_num_queries):
    """A list without search terms does not fetch each 正文 (N+1)."""
    with django_assert_max_num_queries(4):
        result = search("", Filters(today=TODAY), Window(size=10))
        assert len(result.items) == 4
