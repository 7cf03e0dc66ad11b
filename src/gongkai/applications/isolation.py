"""Records of the applications app for the isolation crawl (see
``gongkai.accounts.isolation``): one case, consultation, letter and
attachment per agency, built directly (setup, not a user action)."""

import secrets

from django.contrib.auth import get_user_model
from django.utils import timezone

from gongkai.accounts.isolation import registry

from .models import (
    Application,
    Attachment,
    Consultation,
    Letter,
    RecordCorrection,
    RecordCorrectionFile,
    Status,
)


def build_application(agency) -> Application:
    serial = secrets.token_hex(4).upper()
    number = f"ISO-{agency.pk:04d}-{serial}"
    return Application.objects.create(
        agency=agency,
        number=number,
        query_code=secrets.token_hex(5).upper(),
        status=Status.IN_PROGRESS,
        channel="in_person",
        applicant_type="natural_person",
        applicant_name=f"隔离{number}",
        id_kind="other",
        id_number=f"证件{serial}",
        phone="13800000000",
        info_description=f"测试申请{number}",
        provision_form="electronic",
        delivery="email",
        submitted_at=timezone.now(),
        receipt_date=timezone.localdate(),
        due_date=timezone.localdate(),
    )


def _clerk(agency):
    user, _created = get_user_model().objects.get_or_create(
        username=f"iso-applications-{agency.pk}",
        defaults={"full_name": "隔离测试经办人"},
    )
    return user


def build_consultation(agency) -> Consultation:
    application = build_application(agency)
    return Consultation.objects.create(
        application=application,
        kind="third_party",
        party_name=f"征询方{application.number}",
        subject="测试",
        sent_on=application.receipt_date,
        party_received_on=application.receipt_date,
        created_by=_clerk(agency),
    )


def build_letter(agency) -> Letter:
    application = build_application(agency)
    return Letter.objects.create(
        application=application,
        kind="receipt",
        number=f"{application.number}-L",
        title="申请登记回执",
        recipient=application.applicant_name,
        body=f"文书正文{application.number}",
        issued_on=application.receipt_date,
    )


def build_attachment(agency) -> Attachment:
    application = build_application(agency)
    token = secrets.token_hex(16)
    return Attachment.objects.create(
        application=application,
        token=token,
        file=f"applications/isolation/{token}",
        original_name=f"附件{application.number}.pdf",
        size=1,
        content_type="application/pdf",
        source="staff",
        uploaded_at=timezone.now(),
    )


def build_record_correction(agency) -> RecordCorrection:
    serial = secrets.token_hex(4).upper()
    number = f"GZISO-{agency.pk:04d}-{serial}"
    return RecordCorrection.objects.create(
        agency=agency,
        number=number,
        query_code=secrets.token_hex(5).upper(),
        channel="in_person",
        requester_type="natural_person",
        requester_name=f"更正隔离{number}",
        id_kind="other",
        id_number=f"证件{serial}",
        phone="13800000000",
        record_description=f"测试记录{number}",
        requested_change="测试",
        evidence="测试",
        submitted_at=timezone.now(),
        received_on=timezone.localdate(),
        notice_title="更正申请处理告知书",
        notice_number=f"{number}-01",
        notice_body=f"告知书正文{number}",
    )


def build_record_file(agency) -> RecordCorrectionFile:
    found = build_record_correction(agency)
    token = secrets.token_hex(16)
    return RecordCorrectionFile.objects.create(
        record=found,
        token=token,
        file=f"record_corrections/isolation/{token}",
        original_name=f"证据{found.number}.pdf",
        size=1,
        content_type="application/pdf",
        uploaded_at=timezone.now(),
    )


registry.register(
    Application,
    build=build_application,
    marker=lambda application: application.applicant_name,
    params=("application_pk", "application_id"),
    namespaces=("applications",),
    api_prefixes=("/api/applications",),
)
registry.register(
    Consultation,
    build=build_consultation,
    marker=lambda c: c.party_name,
    params=("consultation_pk",),
)
registry.register(
    Letter, build=build_letter, marker=lambda letter: letter.body, params=("letter_pk",)
)
registry.register(
    Attachment,
    build=build_attachment,
    marker=lambda a: a.original_name,
    params=("attachment_pk",),
)
# 更正申请 (《条例》第四十一条): pages, downloads and the JSON API.
registry.register(
    RecordCorrection,
    build=build_record_correction,
    marker=lambda found: found.requester_name,
    params=("record_correction_pk", "record_correction_id"),
)
registry.register(
    RecordCorrectionFile,
    build=build_record_file,
    marker=lambda f: f.original_name,
    params=("record_file_pk",),
)
# Not record keys: a letter kind, a download format, a report year.
registry.register_param("kind", "correction")
registry.register_param("fmt", "pdf")
registry.register_param("year", 2025)
# Applying, following a case with its query code, the fee calculator: public.
registry.register_public("apply", api_prefixes=("/api/applications/fees",))
