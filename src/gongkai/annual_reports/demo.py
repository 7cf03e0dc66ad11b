"""Demo annual reports for ``make demo``.

- 古城回族乡, the seed township: its 2022 report imported as published
  (before it used the platform), its 2023 report compiled from its demo
  records with the seed report's own text and published on 25 January
  2024, and its 2024 report published and then corrected (two versions).
- 平安区 sets the townships an earlier local deadline (20 February).
- 2023 around it: 小峡镇 published late and with a recorded override,
  三合镇 stuck in draft, the 教育局 and the district government on time,
  the 自然资源局 not started, and the district's aggregated report in draft.

Expects the demo world, staff, catalogue (the township's 89 items and its
2023 第二十条 figures, all zero) and applications (no township case before
2025) to be loaded first.  Built through the services, so run it outside
any transaction.  Idempotent: nothing is added once the township's 2023
report exists.
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from importlib import resources
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model

from gongkai.accounts.demo import create_demo_staff
from gongkai.accounts.models import Role, RoleAssignment
from gongkai.organisations.demo import DemoWorld, build_demo_world
from gongkai.report import AnnualReport, empty_report

from . import demo_texts as texts
from . import services
from .models import ImportedReport, Report, ReportVersion, Scope

SHANGHAI = ZoneInfo("Asia/Shanghai")
SEED_NAME = "海东市平安区古城回族乡"
TOWNSHIP_DEADLINE_BASIS = (
    "平安区政务公开办公室关于做好政府信息公开工作年度报告编制发布工作的通知"
)


@dataclass
class DemoReports:
    township_2023: Report
    created: bool


def _at(year: int, month: int, day: int, hour: int = 10) -> datetime:
    return datetime(year, month, day, hour, tzinfo=SHANGHAI)


def seed_report() -> AnnualReport:
    """Return the seed township's published 2023 report (figures and text)."""
    source = resources.files("gongkai.annual_reports").joinpath(
        "data", "seed-2023.json"
    )
    return AnnualReport.from_json_text(source.read_text("utf-8"))


def _person(username: str, full_name: str, agency, *roles) -> object:
    """Return a demo colleague who cannot log in (no usable password)."""
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"full_name": full_name}
    )
    if created:
        user.set_unusable_password()
        user.save()
    for role in roles:
        RoleAssignment.objects.get_or_create(user=user, agency=agency, role=role)
    return user


def _staff(world: DemoWorld) -> dict:
    users = get_user_model().objects
    if not users.filter(username="lisi").exists():
        create_demo_staff(world)
    both = (Role.HANDLER, Role.HEAD)
    return {
        "lisi": users.get(username="lisi"),
        "wangwu": users.get(username="wangwu"),
        "zhoujiu": users.get(username="zhoujiu"),
        "xiaoxia": _person("nianbao-xiaoxia", "小峡镇年报负责人", world.sibling_townships[0], *both),
        "sanhe": _person("nianbao-sanhe", "三合镇年报经办人", world.sibling_townships[1], Role.HANDLER),
        "education": _person("nianbao-jiaoyu", "教育局年报负责人", world.departments[0], *both),
        "district": _person("nianbao-pingan", "平安区年报负责人", world.district, *both),
    }  # fmt: skip


def build_demo_reports(world: DemoWorld | None = None) -> DemoReports:
    """Create the demo reports where missing and return the seed township's
    2023 report."""
    world = world or build_demo_world()
    existing = Report.objects.filter(
        agency=world.township, year=2023, scope=Scope.AGENCY
    ).first()
    if existing is not None:
        return DemoReports(existing, created=False)
    staff = _staff(world)
    _deadline(world, staff)
    _township_2022(world, staff)
    report = _township_2023(world, staff)
    _township_2024(world, staff)
    _neighbours_2023(world, staff)
    _region_2023(world, staff)
    return DemoReports(report, created=True)


def _deadline(world: DemoWorld, staff: dict) -> None:
    services.add_deadline_rule(
        staff["zhoujiu"],
        world.district,
        applies_to="townships",
        month=2,
        day=20,
        basis=TOWNSHIP_DEADLINE_BASIS,
    )


def _township_2022(world: DemoWorld, staff: dict) -> ImportedReport:
    data = empty_report("2021", year=2022, agency=SEED_NAME, fill=0).to_json()
    data["sections"] = dict(texts.GUCHENG_2022)
    return services.import_report(
        AnnualReport.from_json(data),
        source_name="古城回族乡2022年政府信息公开工作年度报告.json",
        source_kind="json",
        user=staff["lisi"],
        agency=world.township,
    )


def _write(actor, report: Report, sections: dict, name: str, leader: str) -> Report:
    return services.save_narrative(
        actor,
        report,
        overview=sections["overview"],
        problems=sections["problems"],
        other=sections["other"],
        agency_name=name,
        responsible_leader=leader,
    )


def _publish(
    writer, reviewer, report: Report, when: datetime, override=""
) -> ReportVersion:
    report = services.submit_report(writer, report)
    return services.publish_report(reviewer, report, override_reason=override, now=when)


def _township_2023(world: DemoWorld, staff: dict) -> Report:
    seed = seed_report()
    report = services.start_report(staff["lisi"], world.township, 2023)
    sections = seed.sections.model_dump()
    report = _write(staff["lisi"], report, sections, SEED_NAME, texts.GUCHENG_LEADER)
    _publish(staff["lisi"], staff["wangwu"], report, _at(2024, 1, 25))
    return Report.objects.get(pk=report.pk)


def _figures(actor, agency, year: int) -> None:
    from gongkai.catalogue.models import Article20Figures
    from gongkai.catalogue.services.yearly import record_article20_figures

    if Article20Figures.objects.filter(agency=agency, year=year).exists():
        return
    record_article20_figures(
        actor,
        agency,
        year,
        licensing=0,
        penalty=0,
        enforcement=0,
        fees_yuan=Decimal("0"),
        note="本乡无行政许可、行政处罚、行政强制和行政事业性收费事项",
    )


def _township_2024(world: DemoWorld, staff: dict) -> None:
    lisi, wangwu = staff["lisi"], staff["wangwu"]
    _figures(lisi, world.township, 2024)
    report = services.start_report(lisi, world.township, 2024)
    report = _write(lisi, report, texts.GUCHENG_2024, SEED_NAME, texts.GUCHENG_LEADER)
    _publish(lisi, wangwu, report, _at(2025, 2, 18))
    report = services.start_correction(lisi, report, texts.GUCHENG_2024_CORRECTION)
    corrected = dict(texts.GUCHENG_2024, other=texts.GUCHENG_2024_CORRECTED_OTHER)
    report = _write(lisi, report, corrected, SEED_NAME, texts.GUCHENG_LEADER)
    _publish(lisi, wangwu, report, _at(2025, 3, 3))


def _neighbours_2023(world: DemoWorld, staff: dict) -> None:
    xiaoxia, sanhe = world.sibling_townships
    education = world.departments[0]
    plans = [
        (
            staff["xiaoxia"],
            xiaoxia,
            "xiaoxia",
            _at(2024, 4, 12),
            texts.XIAOXIA_OVERRIDE,
        ),
        (staff["education"], education, "education", _at(2024, 1, 30), ""),
        (staff["district"], world.district, "district", _at(2024, 3, 28), ""),
    ]
    for actor, agency, key, when, override in plans:
        report = services.start_report(actor, agency, 2023)
        report = _write(actor, report, texts.OTHERS_2023[key], agency.name, "")
        _publish(actor, actor, report, when, override)
    draft = services.start_report(staff["sanhe"], sanhe, 2023)
    _write(staff["sanhe"], draft, texts.SANHE_2023_DRAFT, sanhe.name, "")


def _region_2023(world: DemoWorld, staff: dict) -> None:
    actor = staff["district"]
    region = services.start_report(actor, world.district, 2023, scope=Scope.REGION)
    services.set_region_members(actor, region, world.district_agencies, [])
