"""Drafting catalogue documents: create, edit, attach files.

公开属性 is set at drafting (公开属性源头认定, R44); a draft can change
until it is published.  Every change of the text or the files raises the
content version, so a 保密审查 made earlier no longer covers it (R45).
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from gongkai.audit.services import record
from gongkai.organisations.models import Agency, Kind, Level

from .. import deadlines, uploads
from ..models import (
    Attachment,
    Attribute,
    Category,
    Document,
    DocumentKind,
    Status,
)
from ..numbers import normalise_document_number
from .common import locked, refuse, require_status, require_writer

# Fields a clerk fills in; everything else is set by the services.
DRAFT_FIELDS = (
    "category",
    "standard_entry",
    "kind",
    "title",
    "summary",
    "body",
    "document_number",
    "topic",
    "genre",
    "keywords",
    "source",
    "created_on",
    "formed_on",
    "effective_from",
    "valid_until",
    "attribute",
    "attribute_reason",
    "interpreting_unit",
    "interpreter",
)
# Levels whose governments (and national departments) may make 规章
# (《立法法》第九十一条、第九十三条).
REGULATION_LEVELS = {Level.NATIONAL_DEPARTMENT, Level.PROVINCE, Level.CITY}


def _problems(document: Document) -> dict[str, list]:
    problems: dict[str, list] = {}

    def add(field, message):
        problems.setdefault(field, []).append(message)

    # 《条例》第十三条: disclosure is the rule; withholding needs a reason.
    if document.attribute != Attribute.PROACTIVE:
        if not document.attribute_reason.strip():
            add("attribute_reason", _("公开属性不是“主动公开”时，必须说明理由。"))
    if document.formed_on and document.created_on:
        if document.formed_on < document.created_on:
            add("formed_on", _("形成或者变更日期不能早于生成日期。"))
    if document.valid_until and document.effective_from:
        if document.valid_until < document.effective_from:
            add("valid_until", _("有效期截止日期不能早于实施日期。"))
    if document.kind == DocumentKind.REGULATION and not _may_make_regulations(
        document.agency
    ):
        add("kind", _("只有国务院部门和省、设区的市人民政府可以制定规章。"))
    return problems


def _may_make_regulations(agency: Agency) -> bool:
    if agency.level == Level.NATIONAL_DEPARTMENT:
        return True
    return agency.kind == Kind.GOVERNMENT and agency.level in REGULATION_LEVELS


def _check_links(document: Document, problems: dict) -> None:
    allowed = Category.objects.for_agency(document.agency)
    if document.category_id and not allowed.filter(pk=document.category_id).exists():
        problems.setdefault("category", []).append(_("该分类不属于本机关的目录。"))
    entry = document.standard_entry
    if entry is not None and entry.agency_id != document.agency_id:
        problems.setdefault("standard_entry", []).append(
            _("该标准目录事项不属于本机关。")
        )


def validate(document: Document) -> None:
    """Raise ``ValidationError`` (by field) for a document that breaks a rule."""
    problems = _problems(document)
    _check_links(document, problems)
    try:
        document.full_clean(
            exclude=["agency", "created_by", "formed_on", "interprets", "listing_key"]
        )
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            problems.setdefault(field, []).extend(messages)
    if problems:
        raise ValidationError(problems)


def _apply(document: Document, fields: dict) -> dict[str, list]:
    unknown = set(fields) - set(DRAFT_FIELDS)
    if unknown:
        raise ValueError(f"not a draft field: {sorted(unknown)}")
    diff = {}
    for name, value in fields.items():
        if name == "document_number":
            value = normalise_document_number(value)
        if isinstance(value, str):
            value = value.strip() if name != "body" else value
        old, new = _current(document, name), _plain(value)
        if old != new:
            diff[name] = [old, new]
            setattr(document, name, value)
    if document.formed_on is None:
        document.formed_on = document.created_on
    return diff


def _current(document: Document, name: str):
    field = Document._meta.get_field(name)
    if field.is_relation:
        return getattr(document, field.attname)
    return _plain(getattr(document, name))


def _plain(value):
    """Return ``value`` as the audit log stores it (a key for a record)."""
    if hasattr(value, "pk"):
        return value.pk
    return value if isinstance(value, (int, str, type(None))) else str(value)


def _set_interprets(document: Document, interprets: Iterable[Document] | None):
    if interprets is None:
        return None
    targets = list(interprets)
    if targets and document.kind != DocumentKind.INTERPRETATION:
        raise refuse(_("只有政策解读可以关联被解读的文件。"), "interprets")
    if any(t.pk == document.pk for t in targets):
        raise refuse(_("解读不能关联它自己。"), "interprets")
    document.interprets.set(targets)
    return sorted(t.pk for t in targets)


def _refresh_due_date(document: Document) -> None:
    # 《条例》第二十六条: 20 working days from the day it was formed or changed.
    document.publication_due_on = deadlines.publication_due(document.formed_on)


def draft_document(
    actor, agency: Agency, *, interprets: Iterable[Document] | None = None, **fields
) -> Document:
    """Create a draft in ``agency``'s catalogue and return it.

    ``fields`` are among ``DRAFT_FIELDS``; ``formed_on`` defaults to
    ``created_on``.  Raises ``PermissionDenied`` for someone who does not
    work for the agency and ``ValidationError`` for a rule broken (a
    withheld document without reason, a category of another agency…).
    """
    require_writer(actor, agency)
    with transaction.atomic(durable=True):
        return create_draft(actor, agency, fields, interprets)


def create_draft(actor, agency: Agency, fields: dict, interprets=None) -> Document:
    """Validate and store a draft with its audit entry.  For use inside a
    service's transaction, after the permission check."""
    document = Document(agency=agency, created_by=actor, status=Status.DRAFT)
    _apply(document, fields)
    validate(document)
    _refresh_due_date(document)
    document.save()
    links = _set_interprets(document, interprets)
    record(
        actor,
        "catalogue.draft_document",
        target=document,
        data={
            "title": document.title,
            "attribute": document.attribute,
            "interprets": links,
        },
    )
    return document


def update_document(
    actor, document: Document, *, interprets: Iterable[Document] | None = None, **fields
) -> Document:
    """Change a draft and return it; the content version goes up when
    anything changed, so an earlier 保密审查 no longer counts."""
    require_writer(actor, document.agency)
    with transaction.atomic(durable=True):
        document = locked(document)
        require_status(document, Status.DRAFT, message=_("只能修改草稿。"))
        diff = _apply(document, fields)
        validate(document)
        links = _set_interprets(document, interprets)
        if diff or links is not None:
            document.content_version += 1
        _refresh_due_date(document)
        document.save()
        record(
            actor,
            "catalogue.update_document",
            target=document,
            data={
                "changes": diff,
                "interprets": links,
                "version": document.content_version,
            },
        )
    return document


def add_attachment(
    actor, document: Document, *, name: str, content: bytes
) -> Attachment:
    """Attach a file to a draft and return the attachment.

    The file is checked first (``uploads.check``: type by content, size,
    name); a refused file changes nothing.
    """
    require_writer(actor, document.agency)
    checked = uploads.check(name, content)
    with transaction.atomic(durable=True):
        document = locked(document)
        require_status(document, Status.DRAFT, message=_("只能给草稿添加附件。"))
        attachment = uploads.store(document, checked)
        Document.objects.filter(pk=document.pk).update(
            content_version=document.content_version + 1
        )
        record(
            actor,
            "catalogue.add_attachment",
            target=document,
            data={
                "name": attachment.name,
                "size": attachment.size,
                "sha256": attachment.sha256,
            },
        )
    return attachment


def remove_attachment(actor, attachment: Attachment) -> None:
    """Remove a file from a draft (the stored file is deleted after commit)."""
    document = attachment.document
    require_writer(actor, document.agency)
    with transaction.atomic(durable=True):
        document = locked(document)
        require_status(document, Status.DRAFT, message=_("只能删除草稿的附件。"))
        stored = attachment.file.name
        attachment.delete()
        Document.objects.filter(pk=document.pk).update(
            content_version=document.content_version + 1
        )
        record(
            actor,
            "catalogue.remove_attachment",
            target=document,
            data={"name": attachment.name},
        )
        transaction.on_commit(lambda: attachment.file.storage.delete(stored))
