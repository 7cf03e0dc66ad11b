from django.core.management.base import BaseCommand

from gongkai.workcalendar.services import seed_from_package
from gongkai.workdays.package import PACKAGE, package_arrangements, package_version


class Command(BaseCommand):
    help = (
        "从 chinesecalendar 软件包补录数据库中尚未覆盖的年份的法定节假日安排"
        "（已有年份不变，可重复运行）。"
    )

    def handle(self, *args, **options):
        added = seed_from_package(package_arrangements())
        origin = f"{PACKAGE} {package_version()}"
        if added:
            years = "、".join(str(y) for y in added)
            self.stdout.write(f"已从 {origin} 录入 {len(added)} 个年份：{years}")
        else:
            self.stdout.write(f"{origin} 中的年份均已录入，无需更新")
