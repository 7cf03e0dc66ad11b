from django.core.management.base import BaseCommand
from django.db import transaction

from gongkai.catalogue import search


class Command(BaseCommand):
    help = "重建主动公开目录的全文检索索引（可重复运行）"

    def handle(self, *args, **options):
        with transaction.atomic():
            count = search.rebuild()
        self.stdout.write(f"已索引 {count} 条公开信息")
