from django.core.management.base import BaseCommand
from django.db import transaction

from gongkai.catalogue import search


class Command(BaseCommand):
    help = "重建主动公开目录的全文检索索引（可重复运行）"

    def add_arguments(self, parser):
        parser.add_argument(
            "--optimize-only",
            action="store_true",
            help="不重建，只把索引合并为一段（SQLite FTS5 optimize），大型目录可每周运行",
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            if options["optimize_only"]:
                search.optimize()
                self.stdout.write("已合并检索索引")
                return
            count = search.rebuild()
        self.stdout.write(f"已索引 {count} 条公开信息")
