"""The report workspace: tables with drill-down links, the editor, the
actions, and what other agencies' staff get (404)."""

import re

import pytest

from gongkai.annual_reports import services
from gongkai.annual_reports.models import Report, Status

from .records import figures

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(gucheng, lisi, history):
    return services.start_report(lisi, gucheng, 2023)


def narrative(**changes):
    return {
        "agency_name": "海东市平安区古城回族乡",
        "responsible_leader": "马国栋",
        "overview": "（一）主动公开。",
        "problems": "（一）主要问题。\n（二）改进情况。",
        "other": "",
    } | changes


def test_the_index_offers_to_start_and_lists_the_reports(client, lisi, gucheng):
    figures(gucheng, 2023)
    client.force_login(lisi)
    assert "生成报告" in client.get("/staff/reports/").content.decode()

    response = client.post(
        "/staff/reports/new/", {"agency": gucheng.pk, "year": 2023, "scope": "agency"}
    )

    report = Report.objects.get(agency=gucheng, year=2023)
    assert (
        response.status_code == 302
        and response["Location"] == f"/staff/reports/{report.pk}/"
    )
    assert gucheng.name in client.get("/staff/reports/").content.decode()


def test_starting_a_report_for_another_agency_is_refused(client, lisi, xiaoxia):
    client.force_login(lisi)
    client.post(
        "/staff/reports/new/", {"agency": xiaoxia.pk, "year": 2023, "scope": "agency"}
    )
    assert not Report.objects.exists()


def test_every_number_of_the_tables_links_to_its_records(client, lisi, report):
    client.force_login(lisi)

    page = client.get(f"/staff/reports/{report.pk}/").content.decode()

    links = re.findall(r'class="gk-drill" href="([^"]+)"', page)
    assert len(links) == 10 + 7 * 25 + 15  # section 二, table 三, table 四
    assert f"/staff/reports/{report.pk}/cells/applications.new%5B6%5D/" in links
    assert client.get(links[0]).status_code == 200


def test_saving_the_text_checks_it_and_keeps_it(client, lisi, report):
    client.force_login(lisi)

    response = client.post(f"/staff/reports/{report.pk}/narrative/", narrative())

    assert response.status_code == 302
    saved = Report.objects.get(pk=report.pk)
    assert saved.problems == "（一）主要问题。\n（二）改进情况。"
    page = client.get(f"/staff/reports/{report.pk}/").content.decode()
    assert "✗ 政府信息管理" in page and "✓ 主动公开" in page


def test_a_fact_is_inserted_where_it_belongs(client, lisi, report):
    client.force_login(lisi)

    client.post(
        f"/staff/reports/{report.pk}/narrative/",
        narrative(overview="（一）主动公开。未保存的修改。", insert="applications"),
    )

    saved = Report.objects.get(pk=report.pk)
    assert saved.overview.splitlines() == [
        "（一）主动公开。未保存的修改。",
        "全年新收政府信息公开申请3件，上年结转1件，办理完毕3件，结转下年度继续办理1件。",
    ]


def test_the_sub_topic_headings_are_inserted_on_request(client, lisi, report):
    client.force_login(lisi)

    client.post(
        f"/staff/reports/{report.pk}/narrative/", narrative(other="", template="other")
    )

    assert (
        Report.objects.get(pk=report.pk).other
        == "（一）收取信息处理费的情况\n（请填写）"
    )


def test_a_missing_title_name_is_shown_on_the_field(client, lisi, report):
    client.force_login(lisi)

    page = client.post(
        f"/staff/reports/{report.pk}/narrative/", narrative(agency_name="")
    )

    assert page.status_code == 400
    assert 'id="id_agency_name_error"' in page.content.decode()


def test_submit_and_publish_through_the_pages(client, lisi, wangwu, report):
    client.force_login(lisi)
    client.post(f"/staff/reports/{report.pk}/narrative/", narrative())
    client.post(f"/staff/reports/{report.pk}/submit/")
    assert Report.objects.get(pk=report.pk).status == Status.IN_REVIEW
    assert client.post(f"/staff/reports/{report.pk}/publish/").status_code == 403

    client.force_login(wangwu)
    client.post(f"/staff/reports/{report.pk}/publish/")

    published = Report.objects.get(pk=report.pk)
    assert published.status == Status.PUBLISHED
    page = client.get(f"/staff/reports/{report.pk}/").content.decode()
    assert "第 1 版" in page and "更正已发布的报告" in page


def test_publishing_with_errors_asks_for_a_reason(client, lisi, wangwu, xiaoxia, sunba):
    report = services.start_report(sunba, xiaoxia, 2023)  # no figures: an error
    services.save_narrative(sunba, report, **narrative(agency_name="小峡镇"))
    services.submit_report(sunba, report)
    reviewer = sunba
    from gongkai.accounts.models import Role, RoleAssignment

    RoleAssignment.objects.create(user=reviewer, agency=xiaoxia, role=Role.HEAD)
    client.force_login(reviewer)

    page = client.get(f"/staff/reports/{report.pk}/").content.decode()
    assert "带错误发布的理由" in page
    client.post(f"/staff/reports/{report.pk}/publish/", follow=True)
    assert Report.objects.get(pk=report.pk).status == Status.IN_REVIEW
    client.post(
        f"/staff/reports/{report.pk}/publish/", {"override_reason": "数据待补录"}
    )
    assert Report.objects.get(pk=report.pk).status == Status.PUBLISHED


def test_the_draft_downloads_mark_the_findings(client, lisi, report):
    client.force_login(lisi)

    response = client.get(f"/staff/reports/{report.pk}/preview/?to=html")

    assert response.status_code == 200
    assert "附：数据核查提示" in response.content.decode()
    assert client.get(f"/staff/reports/{report.pk}/preview/?to=exe").status_code == 404


def test_other_agencies_staff_get_not_found_everywhere(client, sunba, report):
    client.force_login(sunba)
    for suffix in ("", "preview/?to=pdf", "members/"):
        assert client.get(f"/staff/reports/{report.pk}/{suffix}").status_code == 404
    for action in ("narrative", "compile", "submit", "publish", "return", "correct"):
        assert (
            client.post(
                f"/staff/reports/{report.pk}/{action}/", narrative()
            ).status_code
            == 404
        )


def test_the_inspector_reads_but_cannot_edit(client, qianqi, report):
    client.force_login(qianqi)

    page = client.get(f"/staff/reports/{report.pk}/").content.decode()

    assert "报告预览" in page and 'id="narrative-form"' not in page
    assert (
        client.post(f"/staff/reports/{report.pk}/narrative/", narrative()).status_code
        == 404
    )
