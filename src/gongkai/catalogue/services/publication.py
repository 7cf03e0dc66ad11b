"""From draft to the public platform, and what happens afterwards.

- ``record_review``: the 保密审查 (《条例》第十七条, R45), by someone with the
  发布审核 role who did not draft the document.
- ``publish_document``: 主动公开 after an approving review of the current
  version; the index number is generated here (R42).
- ``file_document``: a 依申请公开 / 不予公开 item is registered, not
  published, and comes up for re-evaluation (第十八条, R46).
- ``reevaluate_document``, ``withdraw_document``, ``change_validity``.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.accounts.models import Role
from gongkai.audit.services import record

from .. import deadlines
from ..models import (
    PUBLIC_ATTRIBUTES,
    Attribute,
    ConfidentialityReview,
    Document,
    DocumentKind,
    ReviewConclusion,
    Status,
    listing_key_for,
)
from ..models.choices import HAS_VALIDITY, NEEDS_INTERPRETATION
from ..search import index_documents, remove_documents
from .common import (
    locked,
    refuse,
    require_any_role,
    require_publisher,
    require_status,
    today_or,
)
from .numbering import next_index_number

REEVALUATION_MONTHS = 12


def record_review(
    actor,
    document: Document,
    *,
    conclusion: str,
    notes: str = "",
    referral_to: str = "",
    reviewed_on: date | None = None,
) -> ConfidentialityReview:
    """Record a 保密审查 of the document's current version and return it.

    Only the 发布审核 role of the agency reviews, and not the person who
    drafted the document (the review is a second pair of eyes).  A
    ``REFERRED`` conclusion must name where it was referred to; it blocks
    publication until a later review concludes.
    """
    require_any_role(actor, document.agency, Role.PUBLICATION_REVIEWER)
    _check_review(actor, document, conclusion, notes, referral_to)
    with transaction.atomic(durable=True):
        document = locked(document)
        require_status(document, Status.DRAFT, message=_("只能审查草稿。"))
        review = ConfidentialityReview.objects.create(
            document=document,
            reviewer=actor,
            reviewed_on=today_or(reviewed_on),
            conclusion=conclusion,
            notes=notes.strip(),
            referral_to=referral_to.strip(),
            content_version=document.content_version,
        )
        record(
            actor,
            "catalogue.record_review",
            target=document,
            data={"conclusion": conclusion, "version": document.content_version},
        )
    return review


def _check_review(actor, document, conclusion, notes, referral_to) -> None:
    if document.created_by_id == actor.pk:
        raise refuse(_("起草人不能审查自己起草的信息。"), code="own_draft")
    if conclusion == ReviewConclusion.REFERRED and not referral_to.strip():
        raise refuse(_("报请确定时必须写明报请的部门。"), "referral_to")
    if conclusion in (ReviewConclusion.REFUSED, ReviewConclusion.REFERRED):
        if not notes.strip():
            raise refuse(_("请写明审查意见。"), "notes")


def publication_problems(document: Document) -> list[str]:
    """Return why ``document`` cannot be published now (empty when it can)."""
    problems = []
    if document.status != Status.DRAFT:
        problems.append(_("只能发布草稿。"))
    if document.attribute not in PUBLIC_ATTRIBUTES:
        problems.append(_("公开属性不是主动公开的信息不能发布，请登记。"))
    elif document.is_referred():
        problems.append(_("保密审查已报请有关部门确定，收到结论前不能发布。"))
    elif document.publication_review() is None:
        problems.append(_("发布前必须有针对当前版本、结论为可以公开的保密审查记录。"))
    if document.kind == DocumentKind.INTERPRETATION:
        problems.extend(_interpretation_problems(document))
    return [str(p) for p in problems]


def _interpretation_problems(document: Document) -> list:
    problems = []
    if not document.interpreting_unit:
        problems.append(_("政策解读必须写明解读单位。"))
    targets = list(document.interprets.all())
    if not targets:
        problems.append(_("政策解读必须关联被解读的文件。"))
    elif any(not t.is_public for t in targets):
        problems.append(_("被解读的文件须先发布。"))
    return problems


def publish_document(
    actor, document: Document, *, today: date | None = None
) -> Document:
    """Publish a proactive document on the platform and return it.

    Raises ``ValidationError`` listing every unmet condition (see
    ``publication_problems``).  Generates the index number, stores the
    publication date and the 解读 due date, and indexes the text for search.
    """
    require_publisher(actor, document.agency)
    with transaction.atomic(durable=True):
        document = locked(document)
        problems = publication_problems(document)
        if problems:
            raise refuse(problems, code="not_publishable")
        publish_now(document, actor, today_or(today))
        record(
            actor,
            "catalogue.publish_document",
            target=document,
            data={
                "index_number": document.index_number,
                "published_on": document.published_on.isoformat(),
                "late": _late(document),
            },
        )
    return document


def _late(document: Document) -> bool:
    due = document.publication_due_on
    return bool(due and document.published_on > due)


def publish_now(document: Document, actor, day: date) -> None:
    """Set everything publication sets and index the document.  For use
    inside a transaction after the checks (also by the demo loader)."""
    document.status = Status.PUBLISHED
    document.published_on = day
    document.published_at = timezone.now()
    document.published_by = actor
    document.publisher_name = document.agency.name
    if not document.index_number:
        document.index_number = next_index_number(document.agency, day)
    document.listing_key = listing_key_for(day, document.pk)
    if document.kind in NEEDS_INTERPRETATION:
        document.interpretation_due_on = deadlines.interpretation_due(day)
    document.save()
    index_documents([document])


def file_document(actor, document: Document, *, today: date | None = None) -> Document:
    """Register a 依申请公开 or 不予公开 item without publishing it; it is
    due for re-evaluation after ``CATALOGUE_REEVALUATION_MONTHS`` (第十八条)."""
    require_publisher(actor, document.agency)
    with transaction.atomic(durable=True):
        document = locked(document)
        require_status(document, Status.DRAFT, message=_("只能登记草稿。"))
        if document.attribute in PUBLIC_ATTRIBUTES:
            raise refuse(_("主动公开的信息应发布，不能只登记。"), code="public")
        document.status = Status.FILED
        document.review_due_on = add_months(today_or(today), reevaluation_months())
        document.save()
        record(
            actor,
            "catalogue.file_document",
            target=document,
            data={
                "attribute": document.attribute,
                "review_due_on": str(document.review_due_on),
            },
        )
    return document


def reevaluation_months() -> int:
    from django.conf import settings

    return getattr(settings, "CATALOGUE_REEVALUATION_MONTHS", REEVALUATION_MONTHS)


def add_months(day: date, months: int) -> date:
    """Return the same day ``months`` later (the month's last day when the
    month is shorter)."""
    import calendar

    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def reevaluate_document(
    actor,
    document: Document,
    *,
    disclose: bool,
    reason: str,
    next_review_on: date | None = None,
    today: date | None = None,
) -> Document:
    """Record the periodic re-evaluation of a withheld item (第十八条).

    ``disclose=True``: circumstances changed, the item becomes 主动公开 and
    returns to draft for a 保密审查 and publication; the 20 working days of
    第二十六条 run from today (the day it changed).  Otherwise the next
    re-evaluation date is set.
    """
    require_publisher(actor, document.agency)
    if not reason.strip():
        raise refuse(_("请写明评估理由。"), "reason")
    day = today_or(today)
    with transaction.atomic(durable=True):
        document = locked(document)
        require_status(
            document, Status.FILED, message=_("只能评估已登记的不公开信息。")
        )
        old_attribute = document.attribute
        if disclose:
            _reopen_for_disclosure(document, day)
        else:
            _keep_withheld(document, next_review_on, day)
        document.save()
        record(
            actor,
            "catalogue.reevaluate_document",
            target=document,
            data={
                "disclose": disclose,
                "reason": reason.strip(),
                "from": old_attribute,
            },
        )
    return document


def _keep_withheld(document: Document, next_review_on, day: date) -> None:
    document.review_due_on = next_review_on or add_months(day, reevaluation_months())
    if document.review_due_on <= day:
        raise refuse(_("下次评估日期应在今天之后。"), "next_review_on")


def _reopen_for_disclosure(document: Document, day: date) -> None:
    document.attribute = Attribute.PROACTIVE
    document.status = Status.DRAFT
    document.review_due_on = None
    document.formed_on = max(day, document.created_on)
    document.content_version += 1
    document.publication_due_on = deadlines.publication_due(document.formed_on)


def withdraw_document(actor, document: Document, *, reason: str) -> Document:
    """Take a published document off the platform (e.g. published in error,
    《条例》第六条); its index number stays taken and is never reused."""
    require_publisher(actor, document.agency)
    if not reason.strip():
        raise refuse(_("请写明撤回理由。"), "reason")
    with transaction.atomic(durable=True):
        document = locked(document)
        require_status(document, Status.PUBLISHED, message=_("只能撤回已公开的信息。"))
        remove_documents([document.listing_key])
        document.status = Status.WITHDRAWN
        document.listing_key = None
        document.withdrawn_reason = reason.strip()
        document.save()
        record(
            actor,
            "catalogue.withdraw_document",
            target=document,
            data={"reason": reason.strip()},
        )
    return document


def _check_validity_dates(document, repealed_on, valid_until) -> None:
    if document.kind not in HAS_VALIDITY:
        raise refuse(_("只有规章和行政规范性文件记录有效性。"), code="no_validity")
    start = document.effective_from or document.created_on
    if repealed_on and repealed_on < start:
        raise refuse(_("废止日期不能早于生成或实施日期。"), "repealed_on")
    if valid_until and valid_until < start:
        raise refuse(_("有效期截止日期不能早于生成或实施日期。"), "valid_until")


def change_validity(
    actor,
    document: Document,
    *,
    repealed_on: date | None,
    valid_until: date | None,
    note: str = "",
) -> Document:
    """Record that a 规章 or 行政规范性文件 is repealed (废止) or valid only
    until a date (失效); these dates drive the yearly counts of section 二."""
    require_publisher(actor, document.agency)
    _check_validity_dates(document, repealed_on, valid_until)
    with transaction.atomic(durable=True):
        document = locked(document)
        require_status(
            document,
            Status.PUBLISHED,
            Status.FILED,
            message=_("只能变更已公开或已登记信息的有效性。"),
        )
        old = [str(document.repealed_on), str(document.valid_until)]
        document.repealed_on, document.valid_until = repealed_on, valid_until
        document.validity_note = note.strip()
        document.save()
        record(
            actor,
            "catalogue.change_validity",
            target=document,
            data={
                "from": old,
                "to": [str(repealed_on), str(valid_until)],
                "note": note.strip(),
            },
        )
    return document
