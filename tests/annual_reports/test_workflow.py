"""Draft → review → publish, corrections as new versions, and who may do what."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied, ValidationError

import pytest

from gongkai.annual_reports import services
from gongkai.annual_reports.models import Report, ReportVersion, Status
from gongkai.audit.models import AuditEntry

from .records import case, figures

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")
OVERVIEW = "（一）主动公开。全年主动公开政府信息。"
PROBLEMS = "（一）主要问题。解读不够。\n（二）改进情况。加强解读。"


def write(user, report, **changes):
    fields = {
        "overview": OVERVIEW,
        "problems": PROBLEMS,
        "other": "",
        "agency_name": "海东市平安区古城回族乡",
        "responsible_leader": "马国栋",
    } | changes
    return services.save_narrative(user, report, **fields)


@pytest.fixture
def ready(gucheng, lisi):
    """古城回族乡's 2023 report, written and with its figures entered."""
    figures(gucheng, 2023)
    report = services.start_report(lisi, gucheng, 2023)
    return write(lisi, report)


def test_starting_compiles_the_tables_once(gucheng, lisi):
    figures(gucheng, 2023)
    first = services.start_report(lisi, gucheng, 2023)
    again = services.start_report(lisi, gucheng, 2023)

    assert first.pk == again.pk and first.status == Status.DRAFT
    assert first.agency_name == gucheng.name
    assert first.tables["applications"]["new"] == [0] * 7
    assert set(first.facts) >= {"items_published", "applications", "fees"}
    assert AuditEntry.objects.filter(verb="annual_reports.start_report").count() == 1


def test_compiling_again_picks_up_new_records(gucheng, lisi, ready):
    case(gucheng, datetime(2023, 6, 1).date())

    report = services.compile_draft(lisi, ready)

    assert report.tables["applications"]["new"][6] == 1
    assert report.tables["applications"]["carried_forward"][6] == 1


def test_a_neighbour_cannot_start_or_write_our_report(gucheng, sunba, ready, qianqi):
    with pytest.raises(PermissionDenied):
        services.start_report(sunba, gucheng, 2024)
    with pytest.raises(PermissionDenied):
        write(sunba, ready)
    with pytest.raises(PermissionDenied):  # 督查 reads, never writes
        write(qianqi, ready)


def test_the_reviewer_publishes_a_locked_version_with_four_files(lisi, wangwu, ready):
    services.submit_report(lisi, ready)
    when = datetime(2024, 1, 25, 10, tzinfo=SHANGHAI)

    version = services.publish_report(wangwu, Report.objects.get(pk=ready.pk), now=when)

    assert version.number == 1 and version.published_at == when
    assert version.responsible_leader == "马国栋"
    assert sorted(f.format for f in version.files.all()) == [
        "docx",
        "html",
        "json",
        "pdf",
    ]
    pdf = version.files.get(format="pdf")
    assert bytes(pdf.content).startswith(b"%PDF") and pdf.size == len(
        bytes(pdf.content)
    )
    assert Report.objects.get(pk=ready.pk).status == Status.PUBLISHED
    assert version.data["sections"]["overview"] == OVERVIEW
    assert not version.is_late  # 古城回族乡: 31 March without a local rule


def test_the_writer_cannot_publish_and_writing_stops_under_review(lisi, wangwu, ready):
    services.submit_report(lisi, ready)
    with pytest.raises(PermissionDenied):
        services.publish_report(lisi, Report.objects.get(pk=ready.pk))
    with pytest.raises(ValidationError, match="待审核"):
        write(lisi, Report.objects.get(pk=ready.pk))

    services.return_report(wangwu, Report.objects.get(pk=ready.pk), "请补充第六部分")
    returned = Report.objects.get(pk=ready.pk)
    assert returned.status == Status.DRAFT and returned.review_note == "请补充第六部分"
    with pytest.raises(ValidationError):
        services.return_report(wangwu, returned, "")


def test_errors_block_publication_unless_a_reason_is_recorded(gucheng, lisi, zhaoliu):
    report = services.start_report(lisi, gucheng, 2023)  # no 第二十条 figures
    report = write(lisi, report)
    services.submit_report(lisi, report)
    report = Report.objects.get(pk=report.pk)

    with pytest.raises(ValidationError, match="1 项错误"):
        services.publish_report(zhaoliu, report)
    assert not ReportVersion.objects.exists()

    version = services.publish_report(
        zhaoliu, report, override_reason="数据由区级部门统计"
    )
    assert version.errors == 1 and version.override_reason == "数据由区级部门统计"
    assert [
        f["rule"] for f in version.data["findings"] if f["severity"] == "error"
    ] == ["FIGURES-MISSING"]


def test_a_correction_is_the_next_version_with_its_reason(lisi, wangwu, ready):
    services.submit_report(lisi, ready)
    first = services.publish_report(wangwu, Report.objects.get(pk=ready.pk))
    report = Report.objects.get(pk=ready.pk)

    with pytest.raises(ValidationError):
        services.start_correction(lisi, report, "  ")
    report = services.start_correction(lisi, report, "补充信息处理费情况")
    report = write(lisi, report, other="本年度未收取信息处理费。")
    services.submit_report(lisi, report)
    second = services.publish_report(wangwu, Report.objects.get(pk=report.pk))

    assert (second.number, second.reason) == (2, "补充信息处理费情况")
    first.refresh_from_db()
    assert first.data["sections"]["other"] is None  # the first version is untouched
    assert second.data["sections"]["other"] == "本年度未收取信息处理费。"
    assert Report.objects.get(pk=ready.pk).correction_reason == ""


def test_a_report_changed_since_the_reviewer_read_it_is_not_published(
    lisi, wangwu, zhaoliu, ready
):
    services.submit_report(lisi, ready)
    seen = Report.objects.get(pk=ready.pk)  # 赵六 opens the report …
    services.return_report(wangwu, Report.objects.get(pk=ready.pk), "改第一部分")
    write(
        lisi, Report.objects.get(pk=ready.pk), overview="（一）主动公开。改过的正文。"
    )
    services.submit_report(lisi, Report.objects.get(pk=ready.pk))

    with pytest.raises(ValidationError, match="被修改"):  # … and publishes what he read
        services.publish_report(zhaoliu, seen)
    assert not ReportVersion.objects.exists()


def test_every_step_is_in_the_audit_log(lisi, wangwu, ready):
    services.submit_report(lisi, ready)
    services.publish_report(wangwu, Report.objects.get(pk=ready.pk))

    verbs = list(
        AuditEntry.objects.filter(verb__startswith="annual_reports.")
        .order_by("pk")
        .values_list("verb", flat=True)
    )
    assert verbs == [
        "annual_reports.start_report",
        "annual_reports.save_narrative",
        "annual_reports.submit_report",
        "annual_reports.publish_report",
    ]
