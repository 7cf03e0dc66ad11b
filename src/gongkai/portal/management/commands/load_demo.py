"""Load the demo world: safe to run again, it updates what is there."""

from importlib import resources

from django.core.management.base import BaseCommand
from django.db import transaction

from gongkai.accounts.demo import create_demo_staff
from gongkai.annual_reports.models import ImportedReport
from gongkai.organisations.demo import build_demo_world
from gongkai.report import AnnualReport

SEED_REPORT = "seed-2023.json"


class Command(BaseCommand):
    help = "加载演示数据（可重复运行）：平安区及所辖乡镇、演示账号、古城回族乡 2023 年度报告等"

    def handle(self, *args, **options):
        world = build_demo_world()
        logins = create_demo_staff(world)
        with transaction.atomic():
            record = load_seed_report(world.township)
        self.stdout.write(
            f"演示年度报告：{record.agency_name} {record.year}（/reports/{record.pk}/）"
        )
        self.stdout.write("演示账号（仅供演示，切勿用于正式环境）：")
        for role, agency, username, password in logins:
            where = getattr(agency, "name", agency) or "—"
            self.stdout.write(f"  {role:<8} {where:<16} {username:<10} {password}")


def load_seed_report(agency) -> ImportedReport:
    """Store the seed township's 2023 report (its published figures and text)."""
    source = resources.files("gongkai.annual_reports").joinpath("data", SEED_REPORT)
    report = AnnualReport.from_json_text(source.read_text("utf-8"))
    record, _ = ImportedReport.objects.update_or_create(
        agency_name=report.agency,
        year=report.year,
        source_name=SEED_REPORT,
        defaults={
            "format": report.format,
            "data": report.to_json(),
            "source_kind": "json",
            "agency": agency,
        },
    )
    return record
