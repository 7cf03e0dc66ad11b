"""The agency's column content other than documents: the 指南 (R48) and
the 基层政务公开标准目录 (R49)."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from gongkai.audit.services import record
from gongkai.organisations.models import Agency

from ..guide import PARTS
from ..models import Category, Channel, Guide, StandardEntry
from ..selectors import forget_standard_catalogue
from .common import refuse, require_publisher, require_writer

ENTRY_FIELDS = (
    "sequence",
    "level1",
    "level2",
    "content",
    "basis",
    "time_limit",
    "subject",
    "channels",
    "audience",
    "mode",
    "tier",
    "category",
)


def update_guide(actor, agency: Agency, **texts: str) -> Guide:
    """Save the agency's 指南 and return it; the working body's contacts as
    they are now are remembered, so a later change raises a reminder
    (《条例》第十二条、第五十三条)."""
    require_publisher(actor, agency)
    unknown = set(texts) - set(PARTS)
    if unknown:
        raise ValueError(f"not a guide part: {sorted(unknown)}")
    if not texts.get("on_request", "x").strip():
        raise refuse(_("指南必须说明依申请公开的办理方式。"), "on_request")
    with transaction.atomic(durable=True):
        guide, _created = Guide.objects.get_or_create(agency=agency)
        for part, text in texts.items():
            setattr(guide, part, text.strip())
        guide.contacts_snapshot = agency.ogi_body()
        guide.updated_by = actor
        guide.save()
        record(
            actor,
            "catalogue.update_guide",
            target=agency,
            data={"parts": sorted(texts)},
        )
    return guide


def _check_entry(agency: Agency, fields: dict) -> None:
    unknown = set(fields) - set(ENTRY_FIELDS)
    if unknown:
        raise ValueError(f"not an entry field: {sorted(unknown)}")
    bad = [c for c in fields.get("channels", []) if c not in Channel.values]
    if bad:
        raise refuse(_("公开渠道无效。"), "channels")
    category = fields.get("category")
    if (
        category
        and not Category.objects.for_agency(agency).filter(pk=category.pk).exists()
    ):
        raise refuse(_("该分类不属于本机关的目录。"), "category")


def save_standard_entry(
    actor, agency: Agency, entry: StandardEntry | None = None, **fields
) -> StandardEntry:
    """Create (``entry`` None) or change one row of the agency's
    基层政务公开标准目录 and return it."""
    require_writer(actor, agency)
    _check_entry(agency, fields)
    if entry is not None and entry.agency_id != agency.pk:
        raise ValueError("entry of another agency")
    entry = entry or StandardEntry(agency=agency)
    for name, value in fields.items():
        setattr(entry, name, value)
    entry.full_clean()
    with transaction.atomic(durable=True):
        entry.save()
        forget_standard_catalogue(agency)
        record(
            actor,
            "catalogue.save_standard_entry",
            target=agency,
            data={
                "entry": entry.pk,
                "sequence": entry.sequence,
                "level2": entry.level2,
            },
        )
    return entry


def delete_standard_entry(actor, entry: StandardEntry) -> None:
    require_writer(actor, entry.agency)
    with transaction.atomic(durable=True):
        record(
            actor,
            "catalogue.delete_standard_entry",
            target=entry.agency,
            data={"entry": entry.pk, "level2": entry.level2},
        )
        entry.delete()
        forget_standard_catalogue(entry.agency)
