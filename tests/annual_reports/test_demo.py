"""The demo's annual reports, and the acceptance about the seed township:
its 2023 report compiled from the demo records is the seed report, and the
published PDF reads back as the seed's expected figures.

Building the demo takes about half a minute (it goes through every app's
services, letters and PDFs included), so one test checks all of it."""

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model

import pytest
import time_machine

from gongkai.accounts.demo import create_demo_staff
from gongkai.accounts.permissions import agencies_for_user
from gongkai.annual_reports import compile
from gongkai.annual_reports.compiling import compile_detailed
from gongkai.annual_reports.dashboard import load_contents, status_rows
from gongkai.annual_reports.demo import build_demo_reports, seed_report
from gongkai.annual_reports.models import Report, ReportVersion
from gongkai.annual_reports.selectors import published_reports_for
from gongkai.applications.demo import build_demo_applications
from gongkai.catalogue.demo import build_demo_catalogue
from gongkai.cli import main
from tests.report_fixtures import expected_canonical

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 27)
SEED = "seed-000_b84d2fa2a12aa177"


@pytest.fixture
def demo(world):
    with time_machine.travel(
        datetime(2026, 11, 27, 10, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False
    ):
        create_demo_staff(world)
        build_demo_catalogue(world)
        build_demo_applications(world, TODAY)
        built = build_demo_reports(world)
    return built


def test_the_seed_township_demo_meets_the_acceptance(world, demo, tmp_path, capsys):
    _compiles_to_the_seed_report(world)
    _published_2023_carries_the_seed_text(demo)
    _published_pdf_reads_back_as_the_seed_cell_for_cell(demo, tmp_path, capsys)
    _2022_and_2024_exist_for_the_cross_year_checks(world)
    _district_dashboard_shows_the_township_with_its_siblings(world)
    _building_again_adds_nothing(world, demo)


def _compiles_to_the_seed_report(world):
    seed = seed_report()

    compiled = compile_detailed(world.township, 2023)

    assert compiled.report.proactive == seed.proactive
    assert compiled.report.applications == seed.applications
    assert compiled.report.appeals == seed.appeals
    facts = {f.key: f.value for f in compiled.facts}
    assert facts["items_published"] == "89 条"


def _published_2023_carries_the_seed_text(demo):
    version = ReportVersion.objects.get(report=demo.township_2023)

    assert version.data["sections"] == seed_report().sections.model_dump()
    assert version.data["agency"] == "海东市平安区古城回族乡"
    assert version.errors == 0 and not version.is_late


def _published_pdf_reads_back_as_the_seed_cell_for_cell(demo, tmp_path, capsys):
    version = ReportVersion.objects.get(report=demo.township_2023)
    pdf = tmp_path / "gucheng-2023.pdf"
    pdf.write_bytes(bytes(version.files.get(format="pdf").content))
    capsys.readouterr()

    assert main(["report", "parse", str(pdf), "--json"]) == 0

    read = json.loads(capsys.readouterr().out)
    expected = expected_canonical(SEED)
    for key in ("format", "year", "agency", "proactive", "applications", "appeals"):
        assert read[key] == expected[key], key
    assert [f for f in read["findings"] if f["severity"] != "info"] == []


def _2022_and_2024_exist_for_the_cross_year_checks(world):
    entries = published_reports_for(world.township)

    assert [(e.year, e.kind) for e in entries] == [
        (2024, "compiled"),
        (2023, "compiled"),
        (2022, "imported"),
    ]
    assert entries[0].version == 2  # 2024 was corrected once
    report_2024 = Report.objects.get(agency=world.township, year=2024)
    assert report_2024.versions.get(number=2).reason


def _district_dashboard_shows_the_township_with_its_siblings(world):
    inspector = get_user_model().objects.get(username="qianqi")
    rows = status_rows(agencies_for_user(inspector), world.district, 2023, TODAY)
    load_contents(rows, 2023)

    status = {r.agency.short_name: r.status for r in rows}
    assert status == {
        "平安区": "published",
        "古城回族乡": "published",
        "小峡镇": "published_late",
        "三合镇": "late",
        "平安区教育局": "published",
        "平安区自然资源局": "late",
    }
    township = next(r for r in rows if r.agency == world.township)
    assert township.previous is not None  # compared with the imported 2022 report
    assert not [f for f in township.findings if f.rule == "X-CARRY"]
    assert township.deadline.day == date(2024, 2, 20)  # the district's rule


def _building_again_adds_nothing(world, demo):
    counts = (Report.objects.count(), ReportVersion.objects.count())

    again = build_demo_reports(world)

    assert again.created is False and again.township_2023 == demo.township_2023
    assert (Report.objects.count(), ReportVersion.objects.count()) == counts
    assert compile(world.township, 2023).applications == seed_report().applications
