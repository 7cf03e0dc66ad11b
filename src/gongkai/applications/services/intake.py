"""Intake: online submission, staff registration, receipt confirmation
(《条例》第二十九条、第三十一条), review and attachments."""

import secrets
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.audit.services import record
from gongkai.organisations.codes import is_valid_credit_code
from gongkai.organisations.models import Agency

from ..identity import normalise_id_number, resident_id_problem
from ..models import (
    IMMEDIATE_CHANNELS,
    ORGANISATION_TYPES,
    ApplicantType,
    Application,
    Attachment,
    Channel,
    Delivery,
    IdKind,
    LetterKind,
    RecordCorrection,
    Status,
)
from .common import (
    check_day,
    locked,
    move,
    refresh_deadlines,
    require_status,
    require_writer,
)
from .letters import issue

INTAKE_FIELDS = (
    "applicant_type",
    "applicant_name",
    "id_kind",
    "id_number",
    "contact_person",
    "phone",
    "email",
    "address",
    "postcode",
    "needs_assistance",
    "assistance_note",
    "info_title",
    "document_number",
    "info_description",
    "provision_form",
    "delivery",
)
QUERY_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
QUERY_CODE_LENGTH = 10


class TooManyApplications(Exception):
    """Refused by the rate limit; ``str()`` is the message to show."""


@dataclass(frozen=True)
class Upload:
    """A checked file to attach (see ``forms.AttachmentsField``)."""

    name: str
    content: bytes
    content_type: str


def submit_online_application(
    agency: Agency,
    fields: dict,
    *,
    token: uuid.UUID,
    ip: str | None,
    uploads: tuple[Upload, ...] = (),
) -> Application:
    """Store an application from the public form and return it.

    The same ``token`` (one per form display) always returns the same case,
    so a double click or a resent form makes one case.  More than
    ``GONGKAI_APPLY_RATE_LIMIT`` applications from one address within an
    hour raise :class:`TooManyApplications`.  The receipt date stays empty
    until the office confirms it (第三十一条第（三）项: 双方确认之日).
    """
    existing = Application.objects.filter(submission_token=token).first()
    if existing is not None:
        return existing
    data = clean_fields(fields)
    try:
        with transaction.atomic(durable=True):
            _check_rate(ip)
            application = _create(
                agency, data, channel=Channel.ONLINE, token=token, ip=ip
            )
            _attach_all(application, uploads, "applicant", None)
            record(
                None,
                "applications.submit_application",
                target=application,
                data={"channel": Channel.ONLINE, "attachments": len(uploads)},
            )
    except IntegrityError:
        # The same token committed first in a parallel request.
        existing = Application.objects.filter(submission_token=token).first()
        if existing is None:
            raise
        return existing
    return application


def register_application(
    actor,
    agency: Agency,
    *,
    channel: str,
    fields: dict,
    receipt_date: date | None = None,
    receipt_note: str = "",
    uploads: tuple[Upload, ...] = (),
) -> Application:
    """Register an application that reached the office on paper, by fax,
    e-mail or word of mouth, and return it.

    In person, orally (代为填写, marked as such) and signed-for post have a
    known receipt date that must be given; for ordinary mail, fax and e-mail
    it may follow with :func:`confirm_receipt` (第三十一条).
    """
    require_writer(actor, agency)
    if channel not in Channel.values or channel == Channel.ONLINE:
        raise ValidationError({"channel": _("在线申请由申请人在网上提交，无需登记。")})
    data = clean_fields(fields)
    _check_receipt(channel, receipt_date)
    with transaction.atomic(durable=True):
        application = _create(
            agency,
            data,
            channel=channel,
            actor=actor,
            year=(receipt_date or timezone.localdate()).year,
        )
        _attach_all(application, uploads, "staff", actor)
        record(
            actor,
            "applications.register_application",
            target=application,
            data={"channel": channel, "filled_by_staff": application.filled_by_staff},
        )
        if receipt_date is not None:
            _confirm(actor, application, receipt_date, receipt_note)
    return application


def confirm_receipt(
    actor, application: Application, *, on: date, note: str = ""
) -> Application:
    """Fix the receipt date of an application that awaited confirmation.

    Once fixed the date never changes: a second confirmation is refused.
    """
    require_writer(actor, application.agency)
    with transaction.atomic(durable=True):
        application = locked(application)
        _confirm(actor, application, on, note)
    return application


def mark_reviewed(actor, application: Application, *, on: date) -> Application:
    """Record that the application was reviewed (审核) and needs no correction."""
    require_writer(actor, application.agency)
    with transaction.atomic(durable=True):
        application = locked(application)
        require_status(application, Status.IN_PROGRESS)
        if application.reviewed_on is not None:
            raise ValidationError(_("该申请已审核。"))
        check_day(on, "on", not_before=application.receipt_date)
        Application.objects.filter(pk=application.pk).update(reviewed_on=on)
        application.reviewed_on = on
        record(
            actor,
            "applications.mark_reviewed",
            target=application,
            data={"on": on.isoformat()},
        )
    return application


def add_attachments(
    actor, application: Application, uploads: tuple[Upload, ...]
) -> list[Attachment]:
    """Attach staff files (scans of a paper application, a signed receipt)."""
    require_writer(actor, application.agency)
    with transaction.atomic(durable=True):
        found = _attach_all(application, uploads, "staff", actor)
    return found


def clean_fields(fields: dict) -> dict:
    """Return the intake fields normalised, or raise ``ValidationError``
    with every problem by field (R6, R9, 第二十九条)."""
    unknown = set(fields) - set(INTAKE_FIELDS)
    if unknown:
        raise ValueError(f"not intake fields: {sorted(unknown)}")
    data = {name: fields.get(name, "") for name in INTAKE_FIELDS}
    data["needs_assistance"] = bool(data["needs_assistance"])
    for name, value in data.items():
        if isinstance(value, str):
            data[name] = value.strip()
    # 《条例》第四十三条: describing the help needed is asking for it.
    if data["assistance_note"]:
        data["needs_assistance"] = True
    if data["id_kind"] in (IdKind.RESIDENT_ID, IdKind.CREDIT_CODE):
        data["id_number"] = normalise_id_number(data["id_number"])
    errors = _identity_errors(data) | _contact_errors(data)
    candidate = Application(**data)
    try:
        candidate.full_clean(
            exclude=["agency", "number", "query_code", "channel", "submitted_at"],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, messages)
    if errors:
        raise ValidationError(errors)
    return data


def applicant_month_position(application: Application) -> int:
    """Return the place of this application among the same applicant's
    applications to the agency in its calendar month (109号第四条 按件计收)."""
    day = application.receipt_date or application.submitted_at.date()
    first = day.replace(day=1)
    same = Application.objects.filter(
        agency=application.agency,
        id_number=application.id_number,
        receipt_date__gte=first,
        receipt_date__lte=day,
    ).exclude(receipt_date=day, pk__gt=application.pk)
    return max(1, same.count())


# -- helpers ------------------------------------------------------------


def _identity_errors(data: dict) -> dict[str, list[str]]:
    kind, number = data["id_kind"], data["id_number"]
    is_person = data["applicant_type"] == ApplicantType.NATURAL_PERSON
    if kind == IdKind.RESIDENT_ID:
        problem = resident_id_problem(number, timezone.localdate())
        return {"id_number": [problem]} if problem else {}
    if kind == IdKind.CREDIT_CODE:
        if is_person:
            return {"id_kind": [_("自然人请提供居民身份证等个人身份证明。")]}
        if not is_valid_credit_code(number):
            return {
                "id_number": [
                    _("统一社会信用代码应为18位，且校验码正确（GB 32100-2015）。")
                ]
            }
    if kind and not number:
        return {"id_number": [_("请填写证件号码。")]}
    return {}


def _contact_errors(data: dict) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if data["delivery"] == Delivery.EMAIL and not data["email"]:
        errors["email"] = [_("选择以电子邮件获取信息时，请填写电子邮箱。")]
    if data["delivery"] == Delivery.POST and not data["address"]:
        errors["address"] = [_("选择邮寄时，请填写通信地址。")]
    if data["applicant_type"] in ORGANISATION_TYPES and not data["contact_person"]:
        errors["contact_person"] = [_("法人或其他组织请填写联系人。")]
    return errors


def _check_receipt(channel: str, receipt_date: date | None) -> None:
    if receipt_date is None:
        if channel in IMMEDIATE_CHANNELS:
            raise ValidationError(
                {"receipt_date": _("当面、口头或邮寄签收的申请，请填写收到申请之日。")}
            )
        return
    check_day(receipt_date, "receipt_date")


def _check_rate(ip: str | None) -> None:
    limit = getattr(settings, "GONGKAI_APPLY_RATE_LIMIT", 5)
    if not ip or limit <= 0:
        return
    since = timezone.now() - timedelta(hours=1)
    # Applications and correction requests (第四十一条) count together.
    recent = (
        Application.objects.filter(client_ip=ip, submitted_at__gte=since).count()
        + RecordCorrection.objects.filter(client_ip=ip, submitted_at__gte=since).count()
    )
    if recent >= limit:
        raise TooManyApplications(
            _(
                "同一网络地址一小时内提交的申请过多，请稍后再试，或通过信函、当面等方式提出申请。"
            )
        )


def _create(
    agency, data, *, channel, actor=None, token=None, ip=None, year=None
) -> Application:
    # Lock the agency row so that two new cases cannot draw the same number.
    Agency.objects.select_for_update().filter(pk=agency.pk).first()
    now = timezone.now()
    return Application.objects.create(
        agency=agency,
        number=_next_number(agency, year or timezone.localdate(now).year),
        query_code=_new_query_code(),
        status=Status.PENDING_RECEIPT,
        channel=channel,
        filled_by_staff=channel == Channel.ORAL,
        submitted_at=now,
        registered_by=actor,
        submission_token=token,
        client_ip=ip,
        **data,
    )


def _confirm(actor, application: Application, on: date, note: str) -> None:
    # An online application cannot have arrived before it was sent; paper,
    # fax and e-mail may be registered after they arrived.
    earliest = None
    if application.channel == Channel.ONLINE:
        earliest = timezone.localdate(application.submitted_at)
    check_day(on, "on", not_before=earliest)
    move(application, "confirm_receipt")
    updated = Application.objects.filter(
        pk=application.pk, receipt_date__isnull=True
    ).update(
        receipt_date=on,
        receipt_note=note.strip()[:200],
        receipt_confirmed_by=actor,
        status=application.status,
    )
    if updated != 1:
        raise ValidationError(_("收到申请之日已经确认，不能更改。"))
    application.receipt_date = on
    refresh_deadlines(application)
    issue(actor, application, LetterKind.RECEIPT, on)
    record(
        actor,
        "applications.confirm_receipt",
        target=application,
        data={
            "receipt_date": on.isoformat(),
            "rule": application.receipt_rule,
            "note": note,
        },
    )


def _attach_all(application, uploads, source, actor) -> list[Attachment]:
    found = []
    for upload in uploads:
        found.append(_attach(application, upload, source, actor))
    if found:
        record(
            actor,
            "applications.add_attachment",
            target=application,
            data={"files": [a.original_name for a in found], "source": source},
        )
    return found


def _attach(application, upload: Upload, source: str, actor) -> Attachment:
    from django.core.files.base import ContentFile

    attachment = Attachment(
        application=application,
        token=secrets.token_hex(16),
        original_name=upload.name[:200],
        size=len(upload.content),
        content_type=upload.content_type,
        source=source,
        uploaded_at=timezone.now(),
        uploaded_by=actor,
    )
    attachment.file.save(attachment.token, ContentFile(upload.content), save=False)
    attachment.save()
    return attachment


def _next_number(agency: Agency, year: int) -> str:
    prefix = f"{year}-{agency.pk:04d}-"
    last = (
        Application.objects.filter(number__startswith=prefix)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    sequence = int(last.removeprefix(prefix)) + 1 if last else 1
    return f"{prefix}{sequence:05d}"


def _new_query_code() -> str:
    return "".join(
        secrets.choice(QUERY_CODE_ALPHABET) for _position in range(QUERY_CODE_LENGTH)
    )


def normalise_query_code(text: str) -> str:
    return "".join(c for c in text.upper() if c in QUERY_CODE_ALPHABET)
