"""A region's aggregated report: the sum of its chosen members' reports,
checked by ROLLUP; imported reports of agencies not on the platform count."""

from datetime import date

from django.core.exceptions import ValidationError

import pytest

from gongkai.annual_reports import services
from gongkai.annual_reports.models import ImportedReport, Report, Scope
from gongkai.annual_reports.review import review_report
from gongkai.report import empty_report

from .records import case, figures
from .test_dashboard import publish
from .test_workflow import write

pytestmark = pytest.mark.django_db


@pytest.fixture
def county_clerk(world):
    from gongkai.accounts.models import Role
    from tests.organisations.world import make_person

    return make_person(
        "pingan", "平安区经办人", world.district, Role.HANDLER, Role.HEAD
    )


def imported(name: str, new_total: int) -> ImportedReport:
    data = empty_report("2021", year=2023, agency=name, fill=0).to_json()
    data["applications"]["new"] = [new_total, 0, 0, 0, 0, 0, new_total]
    data["applications"]["carried_forward"] = [new_total, 0, 0, 0, 0, 0, new_total]
    return ImportedReport.objects.create(
        agency_name=name, year=2023, format="2021", data=data,
        source_name=f"{name}.pdf", source_kind="pdf",
    )  # fmt: skip


@pytest.fixture
def region(world, county_clerk, lisi, wangwu):
    figures(world.township, 2023)
    case(world.township, date(2023, 3, 1))
    case(world.sibling_townships[0], date(2023, 4, 1), applicant="research")
    publish(
        lisi,
        wangwu,
        write(lisi, services.start_report(lisi, world.township, 2023)),
        (2024, 2, 1),
    )
    report = services.start_report(
        county_clerk, world.district, 2023, scope=Scope.REGION
    )
    members = [world.township, world.sibling_townships[0]]
    return services.set_region_members(
        county_clerk, report, members, [imported("外县某乡", 4)]
    )


def test_the_region_sums_published_live_and_imported_members(region):
    new = region.tables["applications"]["new"]

    assert new == [1 + 4, 0, 1, 0, 0, 0, 6]
    assert [e.rule for e in review_report(region).findings if e.rule == "ROLLUP"] == []


def test_a_member_changing_after_the_roll_up_is_a_rollup_error(world, region):
    case(world.sibling_townships[0], date(2023, 9, 1))  # 小峡镇 counts live

    findings = [f for f in review_report(region).findings if f.rule == "ROLLUP"]

    assert findings and findings[0].severity == "error"
    assert "applications.new[0]：汇总报告为 5，所属 3 份报告之和为 6" in [
        f.message for f in findings
    ]


def test_members_must_be_in_the_region_and_of_the_same_year(
    world, county_clerk, region
):
    with pytest.raises(ValidationError, match="不在本级范围内"):
        services.set_region_members(county_clerk, region, [world.city], [])
    other_year = imported("外县某镇", 1)
    ImportedReport.objects.filter(pk=other_year.pk).update(year=2022)
    other_year.refresh_from_db()
    with pytest.raises(ValidationError, match="年度或格式"):
        services.set_region_members(county_clerk, region, [], [other_year])


def test_an_agency_report_has_no_members(gucheng, lisi):
    figures(gucheng, 2023)
    report = services.start_report(lisi, gucheng, 2023)
    with pytest.raises(ValidationError, match="只有汇总报告"):
        services.set_region_members(lisi, report, [gucheng], [])


def test_drilling_into_a_region_cell_shows_each_members_figure(
    client, county_clerk, region
):
    client.force_login(county_clerk)

    page = client.get(f"/staff/reports/{region.pk}/cells/applications.new[6]/")

    text = page.content.decode()
    assert "外县某乡" in text and "导入的已发布报告" in text
    assert "未发布，按平台数据实时生成" in text  # 小峡镇
    assert "已发布" in text  # 古城回族乡


def test_the_members_page_offers_the_subtree_and_imports(
    client, world, county_clerk, region
):
    client.force_login(county_clerk)

    page = client.get(f"/staff/reports/{region.pk}/members/").content.decode()
    assert world.departments[0].name in page and "外县某乡" in page
    assert world.city.name not in page

    response = client.post(
        f"/staff/reports/{region.pk}/members/", {"agencies": [world.township.pk]}
    )
    assert response.status_code == 302
    assert Report.objects.get(pk=region.pk).tables["applications"]["new"][6] == 1
    empty = client.post(f"/staff/reports/{region.pk}/members/", {})
    assert "请至少选择一个机关或一份导入的报告" in empty.content.decode()
