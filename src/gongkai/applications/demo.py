"""Demo cases for ``make demo``: a few dozen applications in 古城回族乡 and
its sibling townships, in every state (awaiting confirmation, running, due
soon, overdue, awaiting correction, consulting, extended, fee pending,
waiting for calendar data, closed with many outcomes, abandoned, archived)
with reconsideration and litigation records; one reply in another form
than asked for (第四十条), one applicant who needs help (第四十三条), and two
correction-of-record requests (第四十一条), one corrected, one transferred
to the neighbouring township.

Dates are counted back from ``today`` so the demo looks alive whenever it
is loaded.  Built through the services (audit log, letters and deadlines
included), so it must run outside any transaction.  Idempotent: nothing
is added when the demo applicants already have cases.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone

from gongkai.accounts.demo import create_demo_staff
from gongkai.organisations.codes import make_credit_code
from gongkai.organisations.demo import DemoWorld, build_demo_world
from gongkai.workcalendar.selectors import get_calendar
from gongkai.workdays import CalendarMissing, add_workdays

from . import services
from .identity import make_resident_id
from .models import Application, RecordCorrection

# (name, ID body): 17 digits, the check character is added.
PEOPLE = [
    ("马明", "63210219850612001"),
    ("韩梅", "63210219920318002"),
    ("冶成福", "63212119780905003"),
    ("李娟", "63210219990101004"),
    ("祁永红", "63210219880723005"),
    ("张建国", "63210219650412006"),
]
COMPANY = ("海东市平安区古城农业发展有限公司", make_credit_code("91630203", "MA7Q3K1D"))
INSTITUTE = ("青海高原农业科学研究所", make_credit_code("12630000", "43100012"))
LAWYERS = ("青海湟水律师事务所", make_credit_code("31630000", "55667788"))
DEMO_IDS = [make_resident_id(body) for _name, body in PEOPLE] + [
    COMPANY[1],
    INSTITUTE[1],
    LAWYERS[1],
]

TOPICS = [
    "2025年古城村高标准农田建设项目的招标文件和验收报告",
    "本乡2024年度农村低保对象名单及补助标准",
    "古城村宅基地审批的申请条件和审批结果",
    "本乡2025年财政预算执行情况",
    "湟水河古城段河道整治工程的环境影响评价文件",
    "本乡2024年涉农资金使用明细",
    "村道硬化工程的施工合同和决算报告",
    "本乡征收集体土地的批准文件和补偿标准",
]


@dataclass
class Demo:
    world: DemoWorld
    today: date
    made: list[Application]
    skipped: list[str]


def build_demo_applications(
    world: DemoWorld | None = None, today: date | None = None
) -> list[Application]:
    """Create the demo cases where missing and return the demo cases.

    Run outside any transaction (each step is its own durable one).
    """
    world = world or build_demo_world()
    agencies = [world.township, *world.sibling_townships]
    existing = Application.objects.filter(agency__in=agencies, id_number__in=DEMO_IDS)
    if existing.exists() and _has_demo_record_corrections(world):
        return list(existing)
    create_demo_staff(world)
    demo = Demo(world, today or timezone.localdate(), [], [])
    users = {
        u.username: u
        for u in get_user_model().objects.filter(
            username__in=["lisi", "wangwu", "sunba", "admin"]
        )
    }
    if not existing.exists():
        for scenario in TOWNSHIP:
            _run(demo, scenario, world.township, users["lisi"], users["wangwu"])
        for scenario in SIBLING:
            _run(demo, scenario, world.sibling_townships[0], users["sunba"], None)
            _run(demo, scenario, world.sibling_townships[1], users["admin"], None)
        services.run_daily_jobs(demo.today)
    if not _has_demo_record_corrections(world):
        _run(demo, record_corrections, world.township, users["lisi"], None)
    return list(Application.objects.filter(agency__in=agencies, id_number__in=DEMO_IDS))


def _run(demo: Demo, scenario: Callable, agency, clerk, head) -> None:
    try:
        scenario(Ctx(demo, agency, clerk, head, len(demo.made)))
    except (ValidationError, CalendarMissing) as error:
        # The calendar may not reach a date this scenario needs: skip it.
        demo.skipped.append(f"{scenario.__name__}: {error}")


@dataclass
class Ctx:
    demo: Demo
    agency: object
    clerk: object
    head: object
    serial: int

    def day(self, days_ago: int) -> date:
        return self.demo.today - timedelta(days=days_ago)

    def register(
        self,
        days_ago: int,
        *,
        kind: str = "person",
        channel: str = "in_person",
        topic: int = 0,
        **changes,
    ):
        received = self.day(days_ago)
        case = services.register_application(
            self.clerk,
            self.agency,
            channel=channel,
            fields=self.fields(kind, topic) | changes,
            receipt_date=received,
        )
        self.demo.made.append(case)
        return case

    def fields(self, kind: str, topic: int) -> dict:
        base = {
            "phone": f"1380972{self.serial:04d}",
            "address": "青海省海东市平安区古城回族乡",
            "postcode": "810600",
            "info_description": TOPICS[(self.serial + topic) % len(TOPICS)],
            "provision_form": "electronic",
            "delivery": "email",
            "email": f"demo{self.serial}@example.com",
        }
        if kind == "person":
            name, body = PEOPLE[self.serial % len(PEOPLE)]
            return base | {
                "applicant_type": "natural_person",
                "applicant_name": name,
                "id_kind": "resident_id",
                "id_number": make_resident_id(body),
            }
        org_type, (name, code) = {
            "company": ("commercial", COMPANY),
            "research": ("research", INSTITUTE),
            "lawyers": ("legal_services", LAWYERS),
        }[kind]
        return base | {
            "applicant_type": org_type,
            "applicant_name": name,
            "id_kind": "credit_code",
            "id_number": code,
            "contact_person": "王经理",
        }

    def close(self, case, outcome: str, days_ago: int, **reasons):
        defaults = {
            "provided": "见附件电子文件，已通过电子邮件发送。",
            "legal_basis": _BASIS.get(outcome, ""),
        }
        return services.close_application(
            self.clerk,
            case,
            outcome=outcome,
            on=self.day(days_ago),
            **(defaults | reasons),
        )

    def deliver_all(self, case, days_ago: int):
        for letter in case.letters.filter(delivered_on=None):
            services.record_delivery(
                self.clerk,
                letter,
                method="电子邮件",
                delivered_on=max(letter.issued_on, self.day(days_ago)),
            )


_BASIS = {
    "partially_disclosed": "涉及第三方个人身份信息和银行账号的部分属于个人隐私，依据《条例》第十五条不予公开。",
    "withheld_4": "第三方书面表示不同意公开，理由是涉及其商业秘密；依据《条例》第十五条、第三十二条不予公开。",
    "withheld_5": "所申请信息属于本机关内部工作流程，依据《条例》第十六条第一款不予公开。",
    "withheld_6": "所申请信息为会议讨论记录，属于过程性信息，依据《条例》第十六条第二款不予公开。",
}


# -- scenarios in the township (经办人 李四, 负责人 王五) ---------------------------


def pending_online(ctx: Ctx):
    fields = ctx.fields("person", 1)
    case = services.submit_online_application(
        ctx.agency, fields, token=_token(ctx), ip=None
    )
    ctx.demo.made.append(case)


def running(ctx: Ctx):
    ctx.register(3, kind="company")


def running_reviewed(ctx: Ctx):
    case = ctx.register(6, kind="research", channel="post_signed")
    services.mark_reviewed(ctx.clerk, case, on=ctx.day(5))


def due_soon(ctx: Ctx):
    calendar = get_calendar()
    target = add_workdays(calendar, ctx.demo.today, 2)
    received = ctx.demo.today
    while add_workdays(calendar, received, 20) > target:
        received -= timedelta(days=1)
    ctx.register((ctx.demo.today - received).days, channel="email")


def overdue(ctx: Ctx):
    ctx.register(45 + ctx.serial % 5, kind="lawyers")


def oral(ctx: Ctx):
    # R28, 《条例》第四十三条: an applicant who cannot read the letters.
    ctx.register(
        2,
        channel="oral",
        needs_assistance=True,
        assistance_note="申请人视力障碍，口头申请；办理结果和文书请电话告知并当面读给申请人。",
    )


def alternative_form(ctx: Ctx):
    # R26, 《条例》第四十条: paper copies asked for, 480 pages: an electronic
    # copy instead, for the cost, with the reason in the letter.
    case = ctx.register(40, provision_form="paper", delivery="post")
    ctx.close(
        case,
        "disclosed",
        28,
        provided="所申请的验收报告全文共480页，已刻录光盘邮寄。",
        provided_form="media",
        form_change_reason="cost",
        form_change_note="全文共480页，复印纸质文本公开成本过高",
    )
    ctx.deliver_all(case, 27)


def awaiting_correction(ctx: Ctx):
    case = ctx.register(4, channel="post_ordinary")
    services.request_correction(
        ctx.clerk,
        case,
        items="请写明所需项目的名称或所在村组。",
        correct_by=ctx.day(-10),
        on=ctx.day(3),
    )


def correction_expired(ctx: Ctx):
    case = ctx.register(80)
    services.request_correction(
        ctx.clerk,
        case,
        items="请写明申请获取的具体文件名称。",
        correct_by=ctx.day(65),
        on=ctx.day(79),
    )


def corrected_and_running(ctx: Ctx):
    case = ctx.register(30, kind="company")
    services.request_correction(
        ctx.clerk,
        case,
        items="请补充营业执照复印件。",
        correct_by=ctx.day(5),
        on=ctx.day(29),
    )
    services.receive_correction(ctx.clerk, case, on=ctx.day(12))


def consulting(ctx: Ctx):
    case = ctx.register(10)
    services.start_consultation(
        ctx.clerk,
        case,
        kind="third_party",
        party_name="海东市某建设工程有限公司",
        subject="施工合同中的报价明细",
        sent_on=ctx.day(8),
    )


def extended(ctx: Ctx):
    case = ctx.register(24, kind="research")
    services.extend_deadline(
        ctx.head,
        case,
        days=15,
        reason="所需信息涉及多个年度的档案，需要调阅整理",
        on=ctx.day(20),
    )


def extended_into_next_year(ctx: Ctx):
    # Near the end of a year this runs into a year without calendar data.
    case = ctx.register(1)
    services.extend_deadline(
        ctx.head, case, days=20, reason="需要与县级部门核对数据", on=ctx.demo.today
    )


def fee_pending(ctx: Ctx):
    case = ctx.register(12, kind="lawyers")
    services.issue_fee_notice(
        ctx.clerk,
        case,
        basis="per_page",
        quantity=150,
        justification="本件申请需提供纸质复印件150页，明显超过合理范围。",
        on=ctx.day(10),
    )


def fee_unpaid(ctx: Ctx):
    case = ctx.register(100, kind="lawyers")
    services.issue_fee_notice(
        ctx.clerk,
        case,
        basis="per_page",
        quantity=60,
        justification="本件申请需提供纸质复印件60页。",
        on=ctx.day(98),
    )


def fee_paid_disclosed(ctx: Ctx):
    case = ctx.register(70, kind="lawyers")
    notice = services.issue_fee_notice(
        ctx.clerk,
        case,
        basis="per_application",
        quantity=1,
        position=12,
        justification="申请人本月已向本机关提出12件申请。",
        on=ctx.day(66),
    )
    services.record_fee_payment(
        ctx.clerk, notice, paid_on=ctx.day(60), receipt_number="青财非税2025-000123"
    )
    ctx.close(case, "disclosed", 50)
    ctx.deliver_all(case, 49)


def excessive_pending(ctx: Ctx):
    case = ctx.register(9)
    services.ask_for_reasons(
        ctx.clerk,
        case,
        grounds="申请人近一个月内向本机关提出40余件申请。",
        reasons_due=ctx.day(-5),
        on=ctx.day(7),
    )


def excessive_refused(ctx: Ctx):
    case = ctx.register(90)
    review = services.ask_for_reasons(
        ctx.clerk,
        case,
        grounds="申请人一周内提出30件内容相同的申请。",
        reasons_due=ctx.day(80),
        on=ctx.day(88),
    )
    services.decide_on_reasons(
        ctx.clerk,
        review,
        decision="unreasonable",
        reasons="申请人未说明正当理由。",
        on=ctx.day(78),
    )


def objection_withheld(ctx: Ctx):
    case = ctx.register(150, kind="company")
    consultation = services.start_consultation(
        ctx.clerk,
        case,
        kind="third_party",
        party_name="海东市某农资公司",
        subject="供货合同价格",
        sent_on=ctx.day(148),
    )
    services.record_consultation_answer(
        ctx.clerk,
        consultation,
        position="objection",
        answered_on=ctx.day(140),
        reasons="涉及商业秘密",
    )
    ctx.close(case, "withheld_4", 130)
    ctx.deliver_all(case, 129)


def closed(
    outcome: str, days_ago: int, kind: str = "person", archive: bool = False, **reasons
):
    def scenario(ctx: Ctx):
        case = ctx.register(days_ago, kind=kind)
        ctx.close(case, outcome, days_ago - 12, **reasons)
        ctx.deliver_all(case, days_ago - 13)
        if archive:
            services.archive_application(ctx.clerk, case, on=ctx.day(days_ago - 15))

    scenario.__name__ = f"closed_{outcome}"
    return scenario


def with_remedies(ctx: Ctx):
    from gongkai.remedies.services import record_remedy, record_result

    case = ctx.register(330)
    ctx.close(case, "withheld_6", 315)
    ctx.deliver_all(case, 314)
    upper = ctx.agency.parent.name
    first = record_remedy(
        ctx.clerk,
        case,
        route="reconsideration",
        body=upper,
        case_number=f"平政复〔{ctx.day(300).year}〕{ctx.serial}号",
        filed_on=ctx.day(300),
    )
    first = record_result(ctx.clerk, first, result="upheld", decided_on=ctx.day(250))
    lawsuit = record_remedy(
        ctx.clerk,
        case,
        route="litigation_after_reconsideration",
        body="海东市平安区人民法院",
        case_number=f"（{ctx.day(240).year}）青0203行初{ctx.serial}号",
        filed_on=ctx.day(240),
        follows=first,
    )
    if ctx.serial % 2:
        record_result(
            ctx.clerk, lawsuit, result="other", decided_on=ctx.day(100), note="原告撤诉"
        )


def direct_lawsuit(ctx: Ctx):
    from gongkai.remedies.services import record_remedy

    case = ctx.register(200, kind="lawyers")
    ctx.close(
        case,
        "unable_1",
        185,
        redirect_agency="海东市平安区自然资源局，电话0972-8682201",
    )
    record_remedy(
        ctx.clerk,
        case,
        route="litigation_direct",
        body="海东市平安区人民法院",
        case_number=f"（{ctx.day(150).year}）青0203行初{ctx.serial + 50}号",
        filed_on=ctx.day(150),
    )


# -- 更正申请 (R27, 《条例》第四十一条) --------------------------------------------


def _record_fields(name: str, id_body: str, **changes) -> dict:
    return {
        "requester_type": "natural_person",
        "requester_name": name,
        "id_kind": "resident_id",
        "id_number": make_resident_id(id_body),
        "phone": "13809720101",
        "address": "青海省海东市平安区古城回族乡",
    } | changes


def _has_demo_record_corrections(world) -> bool:
    return RecordCorrection.objects.filter(
        agency=world.township, id_number__in=DEMO_IDS
    ).exists()


def record_corrections(ctx: Ctx):
    """Two correction requests in the township: one verified and corrected,
    one about a record the neighbouring township keeps, transferred there
    (where it now waits)."""
    name, body = PEOPLE[0]
    corrected = services.register_record_correction(
        ctx.clerk,
        ctx.agency,
        channel="in_person",
        fields=_record_fields(
            name,
            body,
            record_description="本乡2024年度农村低保对象名单中本人家庭的记录",
            requested_change="家庭人口记为3人，实为4人（2024年3月新生子女）。",
            evidence="户口簿、出生医学证明（当面出示，复印件附后）",
        ),
        received_on=ctx.day(35),
    )
    services.decide_record_correction(
        ctx.clerk,
        corrected,
        result="corrected",
        findings="经调阅低保档案并与户籍信息核对，申请人家庭人口确为4人，原记录有误。",
        correction_made="低保对象名单中该户家庭人口由“3人”更正为“4人”，已在公示栏和网站同步更正。",
        on=ctx.day(20),
    )
    services.record_notice_delivery(
        ctx.clerk, corrected, method="当面领取", delivered_on=ctx.day(19)
    )
    name, body = PEOPLE[1]
    transferred = services.register_record_correction(
        ctx.clerk,
        ctx.agency,
        channel="post",
        fields=_record_fields(
            name,
            body,
            record_description="小峡镇2024年耕地地力保护补贴发放名册中本人承包地面积",
            requested_change="承包地面积记为2.1亩，实为3.1亩。",
            evidence="农村土地承包经营权证",
        ),
        received_on=ctx.day(15),
    )
    services.decide_record_correction(
        ctx.clerk,
        transferred,
        result="transferred",
        findings="该名册由小峡镇人民政府制作和保存，不属于本机关职能范围。",
        competent_agency=ctx.demo.world.sibling_townships[0],
        on=ctx.day(8),
    )


def _token(ctx: Ctx):
    import uuid

    return uuid.uuid5(uuid.NAMESPACE_URL, f"gongkai-demo-{ctx.agency.pk}-{ctx.serial}")


TOWNSHIP = [
    pending_online,
    pending_online,
    running,
    running_reviewed,
    oral,
    due_soon,
    overdue,
    overdue,
    overdue,
    awaiting_correction,
    correction_expired,
    corrected_and_running,
    consulting,
    extended,
    extended_into_next_year,
    fee_pending,
    fee_unpaid,
    fee_paid_disclosed,
    excessive_pending,
    excessive_refused,
    objection_withheld,
    closed("disclosed", 400, archive=True),
    closed("disclosed", 380, kind="company", archive=True),
    closed("partially_disclosed", 250),
    closed("withheld_5", 220),
    closed("unable_2", 210, kind="research"),
    closed("not_processed_1", 190),
    closed("not_processed_2", 160),
    closed("other_3", 120, legal_basis="申请人撤回申请。"),
    alternative_form,
    with_remedies,
    direct_lawsuit,
]
SIBLING = [
    pending_online,
    running,
    due_soon,
    overdue,
    awaiting_correction,
    closed("disclosed", 300),
    closed("partially_disclosed", 140, kind="company"),
    closed("unable_1", 60),
    with_remedies,
]
