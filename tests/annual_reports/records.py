"""Records behind a report, created directly for the annual-report tests:
cases (申请), reconsiderations and lawsuits, catalogue documents and the
yearly 第二十条 figures.  Only the fields the report reads are varied."""

from datetime import date, datetime
from decimal import Decimal
from itertools import count
from zoneinfo import ZoneInfo

from gongkai.applications.models import Application
from gongkai.catalogue.models import Article20Figures, Category, Document
from gongkai.remedies.models import Remedy

SHANGHAI = ZoneInfo("Asia/Shanghai")
_serial = count(1)


def case(
    agency,
    received: date,
    *,
    closed: date | None = None,
    outcome: str = "",
    applicant: str = "natural_person",
) -> Application:
    """Return a case received on ``received``; closed with ``outcome`` on
    ``closed`` when given, else still running."""
    n = next(_serial)
    return Application.objects.create(
        agency=agency,
        number=f"TEST-{n:06d}",
        query_code=f"Q{n:09d}",
        status="closed" if closed else "in_progress",
        channel="in_person",
        applicant_type=applicant,
        applicant_name="张三",
        id_kind="other",
        id_number=f"ID{n}",
        phone="13800000000",
        info_description="某项政府信息",
        provision_form="electronic",
        delivery="email",
        submitted_at=datetime(
            received.year, received.month, received.day, 9, tzinfo=SHANGHAI
        ),
        receipt_date=received,
        outcome=outcome if closed else "",
        closed_on=closed,
    )


def remedy(
    application: Application,
    route: str,
    filed: date,
    *,
    result: str = "pending",
    decided: date | None = None,
) -> Remedy:
    n = next(_serial)
    return Remedy.objects.create(
        application=application,
        route=route,
        body="海东市平安区人民政府",
        case_number=f"平政复〔{filed.year}〕{n}号",
        filed_on=filed,
        result=result,
        decided_on=decided,
    )


def document(
    agency,
    kind: str,
    created: date,
    *,
    published: date | None = None,
    repealed: date | None = None,
    status: str = "published",
) -> Document:
    n = next(_serial)
    return Document.objects.create(
        agency=agency,
        category=Category.objects.order_by("pk").first(),
        kind=kind,
        title=f"测试文件{n}",
        document_number=f"平政〔{created.year}〕{n}号",
        created_on=created,
        formed_on=created,
        status=status,
        published_on=published if published is not None else created,
        repealed_on=repealed,
    )


def figures(agency, year: int, *, licensing=0, penalty=0, enforcement=0, fees="0"):
    return Article20Figures.objects.create(
        agency=agency,
        year=year,
        licensing=licensing,
        penalty=penalty,
        enforcement=enforcement,
        fees_yuan=Decimal(fees),
    )


def township_history(agency) -> dict:
    """Build a small history across 2022–2024 and return the records by name.

    2023 table 三 of ``agency``: 一 = 3 (two natural persons, one company),
    二 = 1, 予以公开 = 1 (company), 部分公开 = 1, 不予处理 2 = 1, 四 = 1.
    """
    made = {
        "old_open": case(agency, date(2022, 12, 20), closed=date(2023, 1, 10), outcome="partially_disclosed"),
        "old_closed": case(agency, date(2022, 3, 1), closed=date(2022, 3, 20), outcome="disclosed"),
        "company": case(agency, date(2023, 2, 1), closed=date(2023, 2, 20), outcome="disclosed", applicant="commercial"),
        "repeat": case(agency, date(2023, 5, 8), closed=date(2023, 5, 9), outcome="not_processed_2"),
        "running": case(agency, date(2023, 12, 28)),
        "next_year": case(agency, date(2024, 1, 3)),
    }  # fmt: skip
    made["reconsideration"] = remedy(
        made["old_open"],
        "reconsideration",
        date(2023, 2, 1),
        result="upheld",
        decided=date(2023, 4, 1),
    )
    made["lawsuit"] = remedy(made["repeat"], "litigation_direct", date(2023, 11, 1))
    made["normative"] = document(agency, "normative", date(2023, 3, 1))
    made["repealed"] = document(
        agency, "normative", date(2021, 3, 1), repealed=date(2023, 9, 1)
    )
    made["in_force"] = document(agency, "normative", date(2020, 3, 1))
    made["notice"] = document(agency, "other", date(2023, 6, 1))
    made["figures"] = figures(agency, 2023, licensing=3, penalty=1, fees="1234.5")
    return made
