"""Load the demo world: safe to run again, it leaves what is there.

Order matters: agencies and staff first, then the township's catalogue and
cases, then the annual reports compiled from them.  Each demo builder runs
its steps through the services, in durable transactions of their own, so
nothing here wraps them in a transaction.
"""

from django.core.management.base import BaseCommand
from django.urls import reverse

from gongkai.accounts.demo import create_demo_staff
from gongkai.annual_reports.demo import build_demo_reports
from gongkai.applications.demo import build_demo_applications
from gongkai.catalogue.demo import build_demo_catalogue
from gongkai.organisations.demo import build_demo_world


class Command(BaseCommand):
    help = (
        "加载演示数据（可重复运行）：平安区及所辖乡镇、演示账号、主动公开目录、"
        "依申请公开案件、古城回族乡 2022–2024 年度报告"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default="",
            help="打印网址时使用的前缀，如 http://127.0.0.1:8000",
        )

    def handle(self, *args, **options):
        base = options["base_url"].rstrip("/")
        world = build_demo_world()
        logins = create_demo_staff(world)
        documents = build_demo_catalogue(world)
        cases = build_demo_applications(world)
        reports = build_demo_reports(world)
        self.stdout.write(
            f"演示数据：{documents} 份新目录文件，{len(cases)} 件依申请公开案件，"
            f"古城回族乡 {reports.township_2023.year} 年度报告"
        )
        column = reverse("portal:agency_column", args=[world.township.pk])
        login = reverse("login")
        self.stdout.write(f"古城回族乡政府信息公开专栏：{base}{column}")
        self.stdout.write(
            f"演示账号（仅供演示，切勿用于正式环境），登录：{base}{login}"
        )
        for role, agency, username, password in logins:
            where = getattr(agency, "name", agency) or "—"
            self.stdout.write(f"  {role:<8} {where:<16} {username:<10} {password}")
