"""The supervisor's dashboard: every agency of the subtree, its report's
status (late ones flagged), findings, totals and the change on last year;
charts and export."""

import csv
import io
import json
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import openpyxl
import pytest
import time_machine

from gongkai.accounts.permissions import agencies_for_user
from gongkai.annual_reports import services
from gongkai.annual_reports.dashboard import status_rows, summary
from gongkai.annual_reports.models import Report
from gongkai.report import empty_report

from .records import case, figures
from .test_workflow import write

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


def publish(writer, reviewer, report, when):
    services.submit_report(writer, report)
    return services.publish_report(
        reviewer,
        Report.objects.get(pk=report.pk),
        now=datetime(*when, 10, tzinfo=SHANGHAI),
    )


@pytest.fixture
def district(world, lisi, wangwu, sunba, zhoujiu):
    """2023 in 平安区: 古城回族乡 published on time, 小峡镇 in draft, a local
    deadline of 20 February for townships, the rest not started."""
    services.add_deadline_rule(
        zhoujiu, world.district, applies_to="townships", month=2, day=20, basis="区通知"
    )
    figures(world.township, 2023)
    case(
        world.township, date(2023, 3, 1), closed=date(2023, 3, 10), outcome="disclosed"
    )
    case(world.township, date(2023, 5, 1))
    report = write(lisi, services.start_report(lisi, world.township, 2023))
    publish(lisi, wangwu, report, (2024, 2, 1))
    services.start_report(sunba, world.sibling_townships[0], 2023)
    return world


def test_statuses_and_deadlines_across_the_subtree(district, qianqi):
    with time_machine.travel(date(2024, 2, 10), tick=False):
        rows = status_rows(
            agencies_for_user(qianqi), district.district, 2023, date(2024, 2, 10)
        )

    by_name = {r.agency.short_name: r for r in rows}
    assert [r.agency for r in rows] == sorted(
        district.district_agencies, key=lambda a: a.path
    )
    assert by_name["古城回族乡"].status == "published"
    assert by_name["古城回族乡"].published_on == date(2024, 2, 1)
    assert by_name["小峡镇"].status == "draft"
    assert by_name["小峡镇"].deadline.day == date(2024, 2, 20)
    assert by_name["三合镇"].status == "not_started"
    assert by_name["平安区教育局"].status == "late"  # departments: 31 January
    assert by_name["平安区"].deadline.day == date(2024, 3, 31)


def test_after_the_deadline_the_unpublished_are_late(district, qianqi):
    rows = status_rows(
        agencies_for_user(qianqi), district.district, 2023, date(2024, 4, 1)
    )

    counts = summary(rows)
    assert counts == {
        "not_started": 0,
        "draft": 0,
        "in_review": 0,
        "published": 1,
        "published_late": 0,
        "late": 5,
    }


def test_a_report_published_after_its_deadline_is_flagged(district, sunba, qianqi):
    from gongkai.accounts.models import Role, RoleAssignment

    xiaoxia = district.sibling_townships[0]
    RoleAssignment.objects.create(user=sunba, agency=xiaoxia, role=Role.HEAD)
    figures(xiaoxia, 2023)
    services.compile_draft(sunba, Report.objects.get(agency=xiaoxia, year=2023))
    report = write(
        sunba, Report.objects.get(agency=xiaoxia, year=2023), agency_name="小峡镇"
    )
    publish(sunba, sunba, report, (2024, 4, 12))

    rows = status_rows(
        agencies_for_user(qianqi), district.district, 2023, date(2024, 5, 1)
    )

    assert {r.agency.short_name: r.status for r in rows}["小峡镇"] == "published_late"


def test_the_page_shows_totals_changes_and_cross_year_findings(
    client, district, qianqi
):
    # Last year's report, imported, carried forward 2 cases: this year says 0.
    last = empty_report("2021", year=2022, agency="古城回族乡", fill=0).to_json()
    last["applications"]["carried_forward"] = [2, 0, 0, 0, 0, 0, 2]
    last["applications"]["new"] = [2, 0, 0, 0, 0, 0, 2]
    from gongkai.annual_reports.models import ImportedReport

    ImportedReport.objects.create(
        agency=district.township, agency_name="古城回族乡", year=2022, format="2021",
        data=last, source_name="2022.json", source_kind="json",
    )  # fmt: skip
    client.force_login(qianqi)

    page = client.get(
        f"/staff/reports/dashboard/?root={district.district.pk}&year=2023"
    )

    text = page.content.decode()
    row = re.search(
        r'<tr data-agency="%d">.*?</tr>' % district.township.pk, text, re.S
    )[0]
    assert "已发布" in row and "X-CARRY" in row
    cells = re.findall(r"<td>([^<]*)</td>", row)
    assert cells[-4:] == [
        "2",
        "0",
        "1",
        "0 / 0",
    ]  # new, change on 2022, concluded, appeals
    for agency in district.district_agencies:
        assert agency.name in text
    chart = json.loads(
        re.search(r'data-chart="([^"]+)"', text)[1].replace("&quot;", '"')
    )
    assert chart["agencies"] == ["古城回族乡", "小峡镇"]  # the rows with a report
    assert chart["series"][1]["data"] == [2, 0]
    assert chart["series"][0]["data"] == [2, None]  # 小峡镇 has no 2022 report
    assert {s["key"]: s["value"] for s in chart["status"]}["published"] == 1


def test_a_clerk_sees_only_the_own_agency(client, district, lisi):
    client.force_login(lisi)

    text = client.get("/staff/reports/dashboard/?year=2023").content.decode()

    assert district.township.name in text
    for other in (*district.sibling_townships, district.district):
        assert other.name not in text


def test_a_root_outside_reach_is_not_found(client, district, lisi):
    client.force_login(lisi)
    url = f"/staff/reports/dashboard/?root={district.district.pk}&year=2023"
    assert client.get(url).status_code == 404


def test_the_export_has_every_row_as_csv_and_excel(client, district, qianqi):
    client.force_login(qianqi)
    base = f"/staff/reports/dashboard/export/?root={district.district.pk}&year=2023"

    response = client.get(base + "&format=csv")
    raw = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    assert raw.startswith("\ufeff".encode())  # Excel and WPS read UTF-8 with a BOM
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:4] == ["机关", "层级", "状态", "公开期限"]
    assert len(rows) == 1 + 6
    township = next(r for r in rows if r[0] == district.township.name)
    assert township[2] == "已发布" and township[8] == "2"

    book = openpyxl.load_workbook(io.BytesIO(client.get(base + "&format=xlsx").content))
    sheet = book.active
    assert sheet.max_row == 1 + 6 and sheet["A1"].value == "机关"
    assert client.get(base + "&format=exe").status_code == 404


def test_the_platforms_own_findings_show_beside_the_rule_catalogue(
    district, sunba, qianqi
):
    from gongkai.accounts.models import Role, RoleAssignment
    from gongkai.annual_reports.dashboard import load_contents

    xiaoxia = district.sibling_townships[0]  # no 第二十条 figures entered
    RoleAssignment.objects.create(user=sunba, agency=xiaoxia, role=Role.HEAD)
    draft = Report.objects.get(agency=xiaoxia, year=2023)
    rows = status_rows(
        agencies_for_user(qianqi), district.district, 2023, date(2024, 5, 1)
    )
    load_contents(rows, 2023)
    rules = {f.rule for f in next(r for r in rows if r.agency == xiaoxia).findings}
    assert {"FIGURES-MISSING", "COMPLETENESS"} <= rules  # the draft as it stands

    report = write(sunba, draft, agency_name="小峡镇")
    services.submit_report(sunba, report)
    services.publish_report(
        sunba, Report.objects.get(pk=report.pk), override_reason="待补录"
    )
    load_contents(rows, 2023)
    row = next(r for r in rows if r.agency == xiaoxia)
    assert [f.rule for f in row.findings if f.severity == "error"] == [
        "FIGURES-MISSING"
    ]
