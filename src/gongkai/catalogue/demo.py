"""The demo catalogue: 古城回族乡 publishes 89 items in 2023 (as its annual
report says) and the other demo agencies publish realistic documents, with
解读, a repealed normative document, 第二十条 figures, a 指南 and a
基层政务公开标准目录.  古城回族乡 also responded to 60 public concerns in
2023 (its report again) and publishes through a column of the district's
website and a WeChat account; 小峡镇's WeChat account has gone without an
update for weeks, so the R69 flag has something to show.

``build_demo_catalogue()`` is idempotent: an agency that already has
documents is left alone; concern responses and platforms are added where
missing.  A setup step, not a user action: no audit
entries; documents are stored as if published on their dates.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from gongkai.organisations.demo import DemoWorld, build_demo_world
from gongkai.workdays import CalendarMissing, add_workdays

from . import deadlines
from .demo_concerns import GUCHENG_CONCERNS_2023
from .demo_texts import GUCHENG_2023, OTHERS, QUARTERS, STANDARD_ENTRIES, body_for
from .guide import generated_texts
from .models import (
    Article20Figures,
    Category,
    ConcernResponse,
    Document,
    DocumentKind,
    Guide,
    Platform,
    PlatformKind,
    StandardEntry,
    Status,
)
from .services.publication import publish_now

HALVES = ("上半年", "全年")


@dataclass
class Item:
    category: str
    genre: str
    title: str
    kind: str = DocumentKind.OTHER
    number: str = ""


def _titles(template: str, count: int) -> list[str]:
    if count == 1:
        return [template]
    return [
        template.format(n=i + 1, q=QUARTERS[i % 4], m=i + 3, h=HALVES[i % 2])
        for i in range(count)
    ]


def gucheng_items() -> list[Item]:
    """The seed township's 89 items of 2023, in publication order."""
    return [
        Item(code, genre, title)
        for code, genre, template, count in GUCHENG_2023
        for title in _titles(template, count)
    ]


def _spread(count: int, year: int, calendar) -> list[date]:
    """Return ``count`` working days spread over ``year``."""
    step = 360 / max(count, 1)
    days = []
    for i in range(count):
        start = date(year, 1, 3) + timedelta(days=int(i * step))
        days.append(add_workdays(calendar, start - timedelta(days=1), 1))
    return days


def _publish(agency, item: Item, published_on: date, reviewer=None) -> Document:
    created_on = published_on - timedelta(days=5)
    document = Document.objects.create(
        agency=agency,
        category=Category.objects.get(code=item.category),
        kind=item.kind,
        genre=item.genre,
        title=item.title,
        summary=item.title.removesuffix("的通知") + "。",
        body=body_for(item.title, item.genre),
        document_number=item.number,
        created_on=created_on,
        formed_on=created_on,
        effective_from=created_on + timedelta(days=30)
        if item.kind != DocumentKind.OTHER
        else None,
        publication_due_on=deadlines.publication_due(created_on),
    )
    publish_now(document, reviewer, published_on)
    at = timezone.make_aware(datetime.combine(published_on, time(9, 30)))
    Document.objects.filter(pk=document.pk).update(published_at=at)
    return document


def _seed_township(world: DemoWorld, calendar) -> list[Document]:
    items = gucheng_items()
    days = _spread(len(items), 2023, calendar)
    return [
        _publish(world.township, item, day)
        for item, day in zip(items, days, strict=True)
    ]


def _agency(world: DemoWorld, key: str):
    named = {
        "district": world.district,
        "city": world.city,
        "province": world.province,
        "education": world.departments[0],
        "resources": world.departments[1],
        "xiaoxia": world.sibling_townships[0],
        "sanhe": world.sibling_townships[1],
    }
    return named[key]


def _others(world: DemoWorld, calendar) -> list[Document]:
    documents = []
    for i, (key, year, code, kind, genre, title, number) in enumerate(OTHERS):
        day = _spread(12, year, calendar)[i % 12]
        documents.append(
            _publish(_agency(world, key), Item(code, genre, title, kind, number), day)
        )
    return documents


def _interpret(document: Document, calendar) -> Document:
    """Publish a 解读 of ``document`` two working days after it."""
    day = add_workdays(calendar, document.published_on, 2)
    interpretation = _publish(
        document.agency,
        Item(
            "interpretation",
            "interpretation",
            f"《{_core(document.title)}》政策解读",
            DocumentKind.INTERPRETATION,
        ),
        day,
    )
    Document.objects.filter(pk=interpretation.pk).update(
        interpreting_unit=document.agency.name.removeprefix("海东市"),
        interpreter="政策法规股",
    )
    interpretation.interprets.add(document)
    return interpretation


def _core(title: str) -> str:
    for prefix in ("关于印发", "关于"):
        if prefix in title:
            title = title.split(prefix, 1)[1]
    return title.removesuffix("的通知")


def _interpretations(documents: list[Document], calendar) -> None:
    policies = [
        d
        for d in documents
        if d.kind in (DocumentKind.NORMATIVE, DocumentKind.REGULATION)
    ]
    # The last one is left without 解读, so the R50 warning has something to show.
    for document in policies[:-1]:
        _interpret(document, calendar)


def _repeal_old_policy(documents: list[Document]) -> None:
    old = next(d for d in documents if d.document_number == "平政〔2022〕18号")
    Document.objects.filter(pk=old.pk).update(
        repealed_on=date(2024, 3, 1), validity_note="被平政〔2024〕3号文件废止"
    )


def _figures(world: DemoWorld) -> None:
    rows = [
        (world.township, 2023, 0, 0, 0, Decimal("0")),
        (world.district, 2023, 1265, 84, 6, Decimal("1853200.00")),
        (world.departments[0], 2023, 12, 0, 0, Decimal("0")),
        (world.departments[1], 2023, 231, 17, 2, Decimal("964580.50")),
    ]
    for agency, year, licensing, penalty, enforcement, fees in rows:
        Article20Figures.objects.get_or_create(
            agency=agency,
            year=year,
            defaults={
                "licensing": licensing,
                "penalty": penalty,
                "enforcement": enforcement,
                "fees_yuan": fees,
            },
        )


def _guide_and_standard(world: DemoWorld) -> None:
    township = world.township
    if not Guide.objects.filter(agency=township).exists():
        Guide.objects.create(
            agency=township,
            contacts_snapshot=township.ogi_body(),
            **generated_texts(township),
        )
    for sequence, (
        level1,
        level2,
        content,
        basis,
        code,
        channels,
        audience,
    ) in enumerate(STANDARD_ENTRIES, start=1):
        StandardEntry.objects.get_or_create(
            agency=township,
            sequence=sequence,
            defaults={
                "level1": level1,
                "level2": level2,
                "content": content,
                "basis": basis,
                "subject": township.name,
                "channels": channels,
                "audience": audience,
                "category": Category.objects.get(code=code),
            },
        )


def _overdue_draft(world: DemoWorld) -> None:
    """A proactive draft left too long, so the 第二十六条 flag shows."""
    formed = date(2025, 9, 1)
    Document.objects.create(
        agency=world.township,
        category=Category.objects.get(code="art21t-08"),
        genre="publicity",
        title="古城回族乡2025年第三季度城乡最低生活保障审批情况公示",
        body=body_for(
            "古城回族乡2025年第三季度城乡最低生活保障审批情况公示", "publicity"
        ),
        created_on=formed,
        formed_on=formed,
        status=Status.DRAFT,
        publication_due_on=deadlines.publication_due(formed),
    )


def gucheng_concerns(year: int = 2023) -> list[ConcernResponse]:
    """The seed township's 60 responses to public concerns of ``year``
    (unsaved)."""
    responses = []
    for at, hours, channel, topic in GUCHENG_CONCERNS_2023:
        responded = datetime.strptime(f"{year}-{at}", "%Y-%m-%d %H:%M")
        noticed = responded - timedelta(hours=hours) if hours is not None else None
        responses.append(
            ConcernResponse(
                topic=topic,
                noticed_on=noticed.date() if noticed else None,
                noticed_time=noticed.time() if noticed else None,
                responded_on=responded.date(),
                responded_time=responded.time(),
                channel=channel,
            )
        )
    return responses


def _concerns(world: DemoWorld) -> None:
    township = world.township
    if township.concern_responses.exists():
        return
    responses = gucheng_concerns()
    for response in responses:
        response.agency = township
    ConcernResponse.objects.bulk_create(responses)


def _platforms(world: DemoWorld, today: date) -> None:
    """Platforms dated from ``today``: the seed township's are up to date,
    小峡镇's WeChat account was last updated 40 days ago (R69)."""
    xiaoxia = world.sibling_townships[0]
    rows = [
        (
            world.township,
            PlatformKind.OGI_COLUMN,
            "平安区人民政府网站古城回族乡政府信息公开专栏",
            "http://www.pinganqu.gov.cn/",
            today - timedelta(days=2),
        ),
        (
            world.township,
            PlatformKind.WECHAT,
            "古城回族乡发布",
            "",
            today - timedelta(days=1),
        ),
        (
            xiaoxia,
            PlatformKind.OGI_COLUMN,
            "平安区人民政府网站小峡镇政府信息公开专栏",
            "http://www.pinganqu.gov.cn/",
            today - timedelta(days=5),
        ),
        (xiaoxia, PlatformKind.WECHAT, "小峡镇发布", "", today - timedelta(days=40)),
    ]
    for agency, kind, name, url, updated in rows:
        Platform.objects.get_or_create(
            agency=agency,
            kind=kind,
            name=name,
            defaults={"url": url, "last_updated_on": updated},
        )


def build_demo_engagement(world: DemoWorld, today: date | None = None) -> None:
    """Add the demo's concern responses and platforms where missing."""
    with transaction.atomic():
        _concerns(world)
        _platforms(world, today or timezone.localdate())


def build_demo_catalogue(world: DemoWorld | None = None) -> int:
    """Create the demo catalogue where missing; return how many documents
    were created (0 when it was already there)."""
    from gongkai.workcalendar.selectors import clear_calendar_cache, get_calendar

    world = world or build_demo_world()
    build_demo_engagement(world)
    if Document.objects.filter(agency=world.township).exists():
        return 0
    # Built from the table as it is now, not from a process cache that a
    # test database flush may have left behind.
    clear_calendar_cache()
    calendar = get_calendar()
    before = Document.objects.count()
    try:
        with transaction.atomic():
            _seed_township(world, calendar)
            others = _others(world, calendar)
            _interpretations(others, calendar)
            _repeal_old_policy(others)
            _figures(world)
            _guide_and_standard(world)
            _overdue_draft(world)
    except CalendarMissing as missing:
        raise RuntimeError(
            f"the demo catalogue needs the calendar: {missing}"
        ) from None
    return Document.objects.count() - before
