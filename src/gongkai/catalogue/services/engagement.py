"""Responses to public concerns (回应关切) and the agency's publication
platforms (政府网站、政务新媒体): recorded, changed and removed here, each
change in one durable transaction with one audit entry."""

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.audit.services import record
from gongkai.organisations.models import Agency

from ..models import ConcernChannel, ConcernResponse, Document, Platform, PlatformKind
from .common import refuse, require_writer

FIRST_YEAR = 2008  # the first 条例 took effect on 2008-05-01

CONCERN_FIELDS = (
    "topic",
    "noticed_on",
    "noticed_time",
    "responded_on",
    "responded_time",
    "channel",
    "document",
    "note",
)
PLATFORM_FIELDS = ("kind", "name", "url", "last_updated_on", "is_active")
_MIN = datetime.min.time()
_MAX = datetime.max.time()


def _unknown(fields: dict, allowed: tuple[str, ...]) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")


def _audit_value(value):
    if isinstance(value, Document):
        return value.pk
    if value is None or isinstance(value, (bool, int, str)):
        return value
    return str(value)


def _changes(obj, fields: dict) -> dict:
    """Return ``{field: [old, new]}`` for the fields whose value changes."""
    changes = {}
    for name, new in fields.items():
        old = getattr(obj, name)
        if old != new:
            changes[name] = [_audit_value(old), _audit_value(new)]
    return changes


# 回应关切 ------------------------------------------------------------------


def _check_concern(agency: Agency, fields: dict, today: date) -> dict:
    fields = dict(fields)
    fields["topic"] = (fields.get("topic") or "").strip()
    fields["note"] = (fields.get("note") or "").strip()
    if not fields["topic"]:
        raise refuse(_("请填写关切事项。"), "topic")
    if fields.get("channel") not in ConcernChannel.values:
        raise refuse(_("回应渠道无效。"), "channel")
    responded_on = fields.get("responded_on")
    if responded_on is None:
        raise refuse(_("请填写回应日期。"), "responded_on")
    if responded_on > today:
        raise refuse(_("回应日期不能晚于今天。"), "responded_on")
    if responded_on.year < FIRST_YEAR:
        raise refuse(
            _("回应日期应在 %(first)d 年以后。") % {"first": FIRST_YEAR},
            "responded_on",
        )
    noticed_on = fields.get("noticed_on")
    if fields.get("noticed_time") is not None and noticed_on is None:
        raise refuse(_("填写了发现时间，请同时填写发现日期。"), "noticed_on")
    if noticed_on is not None:
        noticed = datetime.combine(noticed_on, fields.get("noticed_time") or _MIN)
        responded = datetime.combine(responded_on, fields.get("responded_time") or _MAX)
        if noticed > responded:
            raise refuse(_("关切发现时间不能晚于回应时间。"), "noticed_on")
    document = fields.get("document")
    if document is not None and (
        document.agency_id != agency.pk or not document.is_public
    ):
        raise refuse(_("关联的信息须是本机关已公开的信息。"), "document")
    return fields


def save_concern_response(
    actor,
    agency: Agency,
    response: ConcernResponse | None = None,
    *,
    today: date | None = None,
    **fields,
) -> ConcernResponse:
    """Record a response to a public concern (``response`` None) or change
    one, and return it.  For a change, ``fields`` are the values after it
    (every field of ``CONCERN_FIELDS``)."""
    require_writer(actor, agency)
    _unknown(fields, CONCERN_FIELDS)
    if response is not None and response.agency_id != agency.pk:
        raise ValueError("response of another agency")
    fields = _check_concern(agency, fields, today or timezone.localdate())
    created = response is None
    response = response or ConcernResponse(agency=agency, created_by=actor)
    changes = {} if created else _changes(response, fields)
    for name, value in fields.items():
        setattr(response, name, value)
    response.full_clean()
    with transaction.atomic(durable=True):
        response.save()
        data = {
            "response": response.pk,
            "topic": response.topic,
            "responded_on": response.responded_on.isoformat(),
            "channel": response.channel,
            "timeliness": response.timeliness,
        }
        if not created:
            data["changes"] = changes
        record(actor, "catalogue.save_concern_response", target=response, data=data)
    return response


def delete_concern_response(actor, response: ConcernResponse) -> None:
    require_writer(actor, response.agency)
    with transaction.atomic(durable=True):
        record(
            actor,
            "catalogue.delete_concern_response",
            target=response,
            data={
                "response": response.pk,
                "topic": response.topic,
                "responded_on": response.responded_on.isoformat(),
            },
        )
        response.delete()


# Platforms (R69) -----------------------------------------------------------


def _check_platform(
    agency: Agency, platform: Platform | None, fields: dict, today: date
) -> dict:
    fields = dict(fields)
    fields["name"] = (fields.get("name") or "").strip()
    fields["url"] = (fields.get("url") or "").strip()
    fields["is_active"] = bool(fields.get("is_active", True))
    if fields.get("kind") not in PlatformKind.values:
        raise refuse(_("平台类型无效。"), "kind")
    if not fields["name"]:
        raise refuse(_("请填写名称。"), "name")
    updated = fields.get("last_updated_on")
    if updated is None:
        raise refuse(_("请填写最近更新日期。"), "last_updated_on")
    if updated > today:
        raise refuse(_("最近更新日期不能晚于今天。"), "last_updated_on")
    same = Platform.objects.filter(
        agency=agency, kind=fields["kind"], name=fields["name"]
    )
    if platform is not None:
        same = same.exclude(pk=platform.pk)
    if same.exists():
        raise refuse(_("本机关已登记同类型、同名称的平台。"), "name")
    return fields


def save_platform(
    actor,
    agency: Agency,
    platform: Platform | None = None,
    *,
    today: date | None = None,
    **fields,
) -> Platform:
    """Record a website, OGI column or 政务新媒体 account of the agency
    (``platform`` None) or change one, and return it."""
    require_writer(actor, agency)
    _unknown(fields, PLATFORM_FIELDS)
    if platform is not None and platform.agency_id != agency.pk:
        raise ValueError("platform of another agency")
    fields = _check_platform(agency, platform, fields, today or timezone.localdate())
    created = platform is None
    platform = platform or Platform(agency=agency, created_by=actor)
    changes = {} if created else _changes(platform, fields)
    for name, value in fields.items():
        setattr(platform, name, value)
    platform.full_clean()
    with transaction.atomic(durable=True):
        platform.save()
        data = {
            "platform": platform.pk,
            "kind": platform.kind,
            "name": platform.name,
            "last_updated_on": platform.last_updated_on.isoformat(),
        }
        if not created:
            data["changes"] = changes
        record(actor, "catalogue.save_platform", target=platform, data=data)
    return platform


def record_platform_update(
    actor, platform: Platform, day: date | None = None, *, today: date | None = None
) -> Platform:
    """Record that ``platform`` was updated on ``day`` (default today) and
    return it: the 国办秘函〔2019〕19号 two-week check counts from it."""
    require_writer(actor, platform.agency)
    today = today or timezone.localdate()
    day = day or today
    if not platform.is_active:
        raise refuse(_("该平台已停用，不能登记更新。"))
    if day > today:
        raise refuse(_("更新日期不能晚于今天。"), "day")
    if day < platform.last_updated_on:
        raise refuse(
            _("更新日期不能早于已记录的最近更新日期（%(d)s）。")
            % {"d": platform.last_updated_on.isoformat()},
            "day",
        )
    with transaction.atomic(durable=True):
        locked = Platform.objects.select_for_update().get(pk=platform.pk)
        before = locked.last_updated_on
        locked.last_updated_on = max(before, day)
        locked.save(update_fields=["last_updated_on", "updated_at"])
        record(
            actor,
            "catalogue.record_platform_update",
            target=locked,
            data={
                "platform": locked.pk,
                "from": before.isoformat(),
                "to": locked.last_updated_on.isoformat(),
            },
        )
    return locked
