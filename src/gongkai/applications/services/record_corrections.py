"""Correction-of-record requests (更正申请, 《条例》第四十一条): intake online
and at the desk, the decision with its notice to the requester, and the
notice's delivery.

第四十一条 gives the agency three ways to end a request it can act on:
correct the record and inform the requester (审核属实的，应当予以更正并告知);
transfer it to the agency empowered to correct and inform the requester
(转送有权更正的行政机关处理并告知); or tell the requester to apply there
(告知申请人向有权更正的行政机关提出).  A request outside the article (the
record is not about the requester, the evidence shows no inaccuracy) is
refused with reasons.  The article sets no time limit.
"""

import secrets
import uuid
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.audit.services import record
from gongkai.organisations.models import Agency

from ..identity import normalise_id_number
from ..letters import context as letter_context
from ..letters.render import render_text
from ..models import (
    ORGANISATION_TYPES,
    IdKind,
    LetterKind,
    RecordChannel,
    RecordCorrection,
    RecordCorrectionFile,
    RecordResult,
    RecordStatus,
    RejectionGround,
)
from ..notify import notify_staff
from .common import check_day, require_writer
from .intake import Upload, _check_rate, _identity_errors, _new_query_code
from .letters import wording

RECORD_FIELDS = (
    "requester_type",
    "requester_name",
    "id_kind",
    "id_number",
    "contact_person",
    "phone",
    "email",
    "address",
    "record_description",
    "requested_change",
    "evidence",
)
# Channels staff register; online requests come from the public form and
# transferred ones from another agency's decision.
DESK_CHANNELS = frozenset(RecordChannel.values) - {
    RecordChannel.ONLINE,
    RecordChannel.TRANSFER,
}
# What each result must state (第四十一条), beside the findings.
NEEDS_AGENCY = (RecordResult.TRANSFERRED, RecordResult.REFERRED)


def clean_record_fields(fields: dict) -> dict:
    """Return the request's fields normalised, or raise ``ValidationError``
    with every problem by field."""
    unknown = set(fields) - set(RECORD_FIELDS)
    if unknown:
        raise ValueError(f"not record-correction fields: {sorted(unknown)}")
    data = {name: str(fields.get(name) or "").strip() for name in RECORD_FIELDS}
    if data["id_kind"] in (IdKind.RESIDENT_ID, IdKind.CREDIT_CODE):
        data["id_number"] = normalise_id_number(data["id_number"])
    errors = _identity_errors(
        {
            "id_kind": data["id_kind"],
            "id_number": data["id_number"],
            "applicant_type": data["requester_type"],
        }
    )
    if data["requester_type"] in ORGANISATION_TYPES and not data["contact_person"]:
        errors["contact_person"] = [_("法人或其他组织请填写联系人。")]
    try:
        RecordCorrection(**data).full_clean(
            exclude=[
                "agency",
                "number",
                "query_code",
                "channel",
                "submitted_at",
                "received_on",
                "status",
            ],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, messages)
    if errors:
        raise ValidationError(errors)
    return data


def submit_online_record_correction(
    agency: Agency,
    fields: dict,
    *,
    token: uuid.UUID,
    ip: str | None,
    uploads: tuple[Upload, ...] = (),
) -> RecordCorrection:
    """Store a correction request from the public form and return it.

    As for applications: one ``token`` per form display makes one request
    however often it is sent, and ``GONGKAI_APPLY_RATE_LIMIT`` submissions
    (applications and correction requests together) per address and hour
    are accepted (``TooManyApplications`` beyond).  Received the day it is
    submitted.
    """
    existing = RecordCorrection.objects.filter(submission_token=token).first()
    if existing is not None:
        return existing
    data = clean_record_fields(fields)
    try:
        with transaction.atomic(durable=True):
            _check_rate(ip)
            found = _create(
                agency,
                data,
                channel=RecordChannel.ONLINE,
                received_on=timezone.localdate(),
                token=token,
                ip=ip,
            )
            _attach_all(found, uploads, None)
            record(
                None,
                "applications.submit_record_correction",
                target=found,
                data={"channel": found.channel, "files": len(uploads)},
            )
    except IntegrityError:
        # The same token committed first in a parallel request.
        existing = RecordCorrection.objects.filter(submission_token=token).first()
        if existing is None:
            raise
        return existing
    return found


def register_record_correction(
    actor,
    agency: Agency,
    *,
    channel: str,
    fields: dict,
    received_on: date,
    uploads: tuple[Upload, ...] = (),
) -> RecordCorrection:
    """Register a correction request that came in person, by post, fax,
    e-mail or orally (the clerk writes it down), and return it."""
    require_writer(actor, agency)
    if channel not in DESK_CHANNELS:
        raise ValidationError({"channel": _("请选择提出方式。")})
    data = clean_record_fields(fields)
    if received_on is None:
        raise ValidationError({"received_on": _("请填写收到日期。")})
    check_day(received_on, "received_on")
    with transaction.atomic(durable=True):
        found = _create(
            agency, data, channel=channel, received_on=received_on, actor=actor
        )
        _attach_all(found, uploads, actor)
        record(
            actor,
            "applications.register_record_correction",
            target=found,
            data={"channel": channel, "received_on": received_on.isoformat()},
        )
    return found


def decide_record_correction(
    actor,
    request: RecordCorrection,
    *,
    result: str,
    on: date,
    findings: str,
    correction_made: str = "",
    rejection_ground: str = "",
    competent_agency: Agency | None = None,
    competent_agency_name: str = "",
    competent_agency_contact: str = "",
) -> RecordCorrection:
    """Decide a correction request after verifying it (第四十一条) and issue
    the notice telling the requester; return the request.

    - ``corrected``: verified; ``correction_made`` says what was corrected.
    - ``transferred``: outside the agency's remit, sent to the competent
      agency: ``competent_agency`` (on this platform: the request is
      registered there, with the evidence) or its name.
    - ``referred``: outside the remit, the requester is told where to apply.
    - ``rejected``: with a ``rejection_ground`` and the findings.

    Refused (``ValidationError``, nothing stored) without findings, without
    what the result needs, with a date in the future or before receipt, or
    when the request was already decided.
    """
    require_writer(actor, request.agency)
    details = _check_decision(
        request,
        result=result,
        findings=findings,
        correction_made=correction_made,
        rejection_ground=rejection_ground,
        competent_agency=competent_agency,
        competent_agency_name=competent_agency_name,
        competent_agency_contact=competent_agency_contact,
    )
    check_day(on, "on", not_before=request.received_on)
    with transaction.atomic(durable=True):
        request = _locked(request)
        if request.status != RecordStatus.PENDING:
            raise ValidationError(_("该更正申请已经处理，不能再次处理。"))
        for field, value in details.items():
            setattr(request, field, value)
        request.result, request.decided_on, request.status = (
            result,
            on,
            RecordStatus.CLOSED,
        )
        request.decided_by = actor
        request.save()
        transfer = None
        if result == RecordResult.TRANSFERRED and competent_agency is not None:
            transfer = _transfer(actor, request, competent_agency, on)
        record(
            actor,
            "applications.decide_record_correction",
            target=request,
            data={
                "result": result,
                "on": on.isoformat(),
                "rejection_ground": request.rejection_ground,
                "competent_agency": request.competent_agency_name,
                "transferred_to": transfer.number if transfer else None,
            },
        )
        _issue_notice(actor, request, on)
    return request


def record_notice_delivery(
    actor,
    request: RecordCorrection,
    *,
    method: str,
    delivered_on: date,
    note: str = "",
) -> RecordCorrection:
    """Record that the notice reached the requester, how and when (once)."""
    require_writer(actor, request.agency)
    if not method.strip():
        raise ValidationError({"method": _("请填写送达方式。")})
    with transaction.atomic(durable=True):
        request = _locked(request)
        if not request.notice_body:
            raise ValidationError(_("尚未出具告知书。"))
        if request.notice_delivered_on is not None:
            raise ValidationError(_("该文书已记录送达。"))
        check_day(delivered_on, "delivered_on", not_before=request.decided_on)
        request.notice_delivered_on = delivered_on
        request.notice_delivery_method = method.strip()[:50]
        request.notice_delivery_note = note.strip()[:200]
        request.save(
            update_fields=[
                "notice_delivered_on",
                "notice_delivery_method",
                "notice_delivery_note",
            ]
        )
        record(
            actor,
            "applications.record_notice_delivery",
            target=request,
            data={
                "notice": request.notice_number,
                "method": request.notice_delivery_method,
                "on": delivered_on.isoformat(),
            },
        )
    return request


# -- rules and helpers ----------------------------------------------------


def _check_decision(request: RecordCorrection, *, result: str, **given) -> dict:
    """Return the decision's fields for ``result`` (others left empty), or
    raise ``ValidationError`` naming what is missing."""
    text = {k: v.strip() if isinstance(v, str) else v for k, v in given.items()}
    if result not in RecordResult.values:
        raise ValidationError({"result": _("请选择处理结果。")})
    if not text["findings"]:
        raise ValidationError(
            {"findings": _("请写明核实情况（第四十一条：审核属实的，予以更正）。")}
        )
    details = {
        "findings": text["findings"],
        "correction_made": "",
        "rejection_ground": "",
        "competent_agency": None,
        "competent_agency_name": "",
        "competent_agency_contact": "",
    }
    if result == RecordResult.CORRECTED:
        if not text["correction_made"]:
            raise ValidationError(
                {"correction_made": _("请写明更正的内容（更正前后的记录）。")}
            )
        details["correction_made"] = text["correction_made"]
    elif result in NEEDS_AGENCY:
        details |= _competent(request, result, text)
    else:
        if text["rejection_ground"] not in RejectionGround.values:
            raise ValidationError(
                {"rejection_ground": _("不予更正的，请选择理由并在核实情况中说明。")}
            )
        details["rejection_ground"] = text["rejection_ground"]
    return details


def _competent(request: RecordCorrection, result: str, text: dict) -> dict:
    agency = text["competent_agency"]
    if agency is not None and agency.pk == request.agency_id:
        raise ValidationError(
            {
                "competent_agency": _(
                    "有权更正的机关不能是本机关；属于本机关职能的，请核实后处理。"
                )
            }
        )
    name = agency.name if agency is not None else text["competent_agency_name"]
    if not name:
        raise ValidationError(
            {
                "competent_agency_name": _(
                    "请选择本平台上有权更正的机关，或填写其名称（第四十一条）。"
                )
            }
        )
    contact = text["competent_agency_contact"]
    if agency is not None and not contact:
        contact = agency.ogi_body_telephone or ""
    return {
        "competent_agency": agency,
        "competent_agency_name": name[:100],
        "competent_agency_contact": contact[:200],
    }


def _locked(request: RecordCorrection) -> RecordCorrection:
    return (
        RecordCorrection.objects.select_for_update()
        .select_related("agency")
        .get(pk=request.pk)
    )


def _transfer(actor, request: RecordCorrection, agency: Agency, on: date):
    """Register the request with the competent agency on this platform, with
    its evidence, and tell that agency's staff (转送, 第四十一条)."""
    data = {name: getattr(request, name) for name in RECORD_FIELDS}
    transfer = _create(
        agency,
        data,
        channel=RecordChannel.TRANSFER,
        received_on=on,
        transferred_from=request,
    )
    for evidence in request.files.all():
        with evidence.file.open("rb") as handle:
            content = handle.read()
        _attach(
            transfer,
            Upload(evidence.original_name, content, evidence.content_type),
            None,
        )
    record(
        actor,
        "applications.receive_transferred_record_correction",
        target=transfer,
        data={"from": request.agency.name, "number": request.number},
    )
    notify_staff(
        agency,
        _("收到转送的更正申请"),
        _(
            "%(agency)s 将 %(name)s 的政府信息记录更正申请转送本机关处理（编号 %(number)s）。"
        )
        % {
            "agency": request.agency.name,
            "name": request.requester_name,
            "number": transfer.number,
        },
    )
    return transfer


def _issue_notice(actor, request: RecordCorrection, on: date) -> None:
    title, body = wording(request.agency, LetterKind.RECORD_NOTICE)
    request.notice_title = title
    request.notice_number = f"{request.number}-01"
    request.notice_body = render_text(body, letter_context.record_context(request, on))
    request.save(update_fields=["notice_title", "notice_number", "notice_body"])
    record(
        actor,
        "applications.issue_record_notice",
        target=request,
        data={"notice": request.notice_number, "result": request.result},
    )


def _create(
    agency,
    data,
    *,
    channel,
    received_on,
    actor=None,
    token=None,
    ip=None,
    transferred_from=None,
) -> RecordCorrection:
    # Lock the agency row so that two new requests cannot draw one number.
    Agency.objects.select_for_update().filter(pk=agency.pk).first()
    return RecordCorrection.objects.create(
        agency=agency,
        number=_next_number(agency, received_on.year),
        query_code=_new_query_code(),
        channel=channel,
        submitted_at=timezone.now(),
        received_on=received_on,
        registered_by=actor,
        submission_token=token,
        client_ip=ip,
        transferred_from=transferred_from,
        **data,
    )


def _next_number(agency: Agency, year: int) -> str:
    prefix = f"GZ{year}-{agency.pk:04d}-"
    last = (
        RecordCorrection.objects.filter(number__startswith=prefix)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    sequence = int(last.removeprefix(prefix)) + 1 if last else 1
    return f"{prefix}{sequence:05d}"


def _attach_all(request, uploads, actor) -> None:
    found = [_attach(request, upload, actor) for upload in uploads]
    if found:
        record(
            actor,
            "applications.add_record_evidence",
            target=request,
            data={"files": [f.original_name for f in found]},
        )


def _attach(request, upload: Upload, actor) -> RecordCorrectionFile:
    evidence = RecordCorrectionFile(
        record=request,
        token=secrets.token_hex(16),
        original_name=upload.name[:200],
        size=len(upload.content),
        content_type=upload.content_type,
        uploaded_at=timezone.now(),
        uploaded_by=actor,
    )
    evidence.file.save(evidence.token, ContentFile(upload.content), save=False)
    evidence.save()
    return evidence
