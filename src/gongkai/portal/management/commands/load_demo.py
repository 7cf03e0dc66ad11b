"""Load the demo world: safe to run again, it updates what is there."""

from importlib import resources

from django.core.management.base import BaseCommand
from django.db import transaction

from gongkai.annual_reports.models import ImportedReport
from gongkai.report import AnnualReport

SEED_REPORT = "seed-2023.json"


class Command(BaseCommand):
    help = "加载演示数据（可重复运行）：古城回族乡 2023 年度报告等"

    def handle(self, *args, **options):
        with transaction.atomic():
            record = load_seed_report()
        self.stdout.write(
            f"演示年度报告：{record.agency_name} {record.year}（/reports/{record.pk}/）"
        )


def load_seed_report() -> ImportedReport:
    """Store the seed township's 2023 report (its published figures and text)."""
    text = (
        resources.files("gongkai.annual_reports")
        .joinpath("data", SEED_REPORT)
        .read_text("utf-8")
    )
    report = AnnualReport.from_json_text(text)
    record, _ = ImportedReport.objects.update_or_create(
        agency_name=report.agency,
        year=report.year,
        source_name=SEED_REPORT,
        defaults={
            "format": report.format,
            "data": report.to_json(),
            "source_kind": "json",
        },
    )
    return record
