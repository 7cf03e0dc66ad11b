"""The daily job of the applications app; schedule it once a day, e.g.

    15 0 * * *  cd /srv/gongkai && .venv/bin/python manage.py mark_overdue_applications

It closes cases abandoned by a missed correction or fee deadline, marks
and announces newly overdue cases, and reminds about soon-due ones.  Safe
to run twice, even at the same time: each case is claimed once.
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from gongkai.applications.services import run_daily_jobs


class Command(BaseCommand):
    help = "每日任务：逾期不补正或未缴费的视为放弃申请，标记逾期并通知，提醒即将到期（可重复运行）"

    def add_arguments(self, parser):
        parser.add_argument(
            "--today", help="按此日期运行（YYYY-MM-DD），默认今天；用于补跑"
        )

    def handle(self, *args, **options):
        today = self._today(options["today"])
        report = run_daily_jobs(today)
        self.stdout.write(f"{today.isoformat()} 依申请公开每日任务：")
        for line in report.lines():
            self.stdout.write(f"  {line}")

    def _today(self, text: str | None) -> date:
        if not text:
            return timezone.localdate()
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise CommandError(f"日期格式应为 YYYY-MM-DD：{text}") from None
