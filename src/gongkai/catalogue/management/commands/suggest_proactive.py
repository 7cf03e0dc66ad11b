from django.core.management.base import BaseCommand

from gongkai.catalogue.services import refresh_suggestions
from gongkai.catalogue.sources import requests_of
from gongkai.organisations.models import Agency


class Command(BaseCommand):
    help = "根据多人申请的相同信息生成主动公开建议（《条例》第四十四条；可重复运行）"

    def add_arguments(self, parser):
        parser.add_argument("--min-applicants", type=int, default=2)

    def handle(self, *args, min_applicants, **options):
        total = 0
        for agency in Agency.objects.order_by("path"):
            total += len(
                refresh_suggestions(
                    agency, requests_of(agency), min_applicants=min_applicants
                )
            )
        self.stdout.write(f"待处理的主动公开建议：{total} 条")
