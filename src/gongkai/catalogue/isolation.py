"""What the isolation crawl needs to know about the catalogue
(``gongkai.accounts.isolation``): how to build a record of an agency for
each URL parameter of the staff pages.  The public portal and
``/api/catalogue`` show only published items to everyone."""

from datetime import date

from django.core.files.base import ContentFile

from gongkai.accounts.isolation import registry

from .models import (
    Attachment,
    Category,
    ConcernResponse,
    Document,
    Platform,
    ProactiveSuggestion,
    StandardEntry,
)


def _document_of(agency) -> Document:
    return Document.objects.create(
        agency=agency,
        category=Category.objects.get(code="art20-07"),
        title=f"{agency.name}内部草稿甲乙丙",
        body="尚未公开的草稿正文。",
        created_on=date(2023, 3, 1),
        formed_on=date(2023, 3, 1),
    )


def _attachment_of(agency) -> Attachment:
    attachment = Attachment(
        document=_document_of(agency),
        name=f"{agency.name}草稿附件.txt",
        content_type="text/plain",
        size=6,
        sha256="0" * 64,
    )
    attachment.file.save("crawl.txt", ContentFile(b"draft\n"), save=False)
    attachment.save()
    return attachment


def _entry_of(agency) -> StandardEntry:
    return StandardEntry.objects.create(
        agency=agency,
        sequence=StandardEntry.objects.filter(agency=agency).count() + 1,
        level1="涉农补贴",
        level2=f"{agency.name}耕地地力保护补贴",
        content="补贴对象、标准、发放结果",
        subject=agency.name,
    )


def _suggestion_of(agency) -> ProactiveSuggestion:
    number = ProactiveSuggestion.objects.filter(agency=agency).count() + 1
    return ProactiveSuggestion.objects.create(
        agency=agency,
        signature=f"crawl-{agency.pk}-{number}",
        description=f"{agency.name}多人申请的征地补偿方案",
        requests=["crawl-1", "crawl-2"],
        applicant_count=2,
    )


def _concern_of(agency) -> ConcernResponse:
    return ConcernResponse.objects.create(
        agency=agency,
        topic=f"{agency.name}群众反映的供暖问题甲乙丙",
        noticed_on=date(2023, 11, 20),
        responded_on=date(2023, 11, 21),
        channel="new_media",
    )


def _platform_of(agency) -> Platform:
    number = Platform.objects.filter(agency=agency).count() + 1
    return Platform.objects.create(
        agency=agency,
        kind="wechat",
        name=f"{agency.name}公众号甲乙丙{number}",
        last_updated_on=date(2023, 11, 1),
    )


registry.register(
    Document,
    build=_document_of,
    marker=lambda document: document.title,
    params=("document_pk", "document_id"),
    namespaces=("catalogue",),
)
registry.register(
    Attachment,
    build=_attachment_of,
    marker=lambda attachment: attachment.name,
    params=("attachment_pk",),
)
registry.register(
    StandardEntry, build=_entry_of, marker=lambda e: e.level2, params=("entry_pk",)
)
registry.register(
    ProactiveSuggestion,
    build=_suggestion_of,
    marker=lambda s: s.description,
    params=("suggestion_pk",),
)
registry.register(
    ConcernResponse,
    build=_concern_of,
    marker=lambda response: response.topic,
    params=("concern_pk",),
)
registry.register(
    Platform,
    build=_platform_of,
    marker=lambda platform: platform.name,
    params=("platform_pk",),
)
registry.register_param("year", 2023)
registry.register_public("portal", api_prefixes=("/api/catalogue",))
