"""Records of the applications app for the isolation crawl (see
``gongkai.accounts.isolation``): one case, consultation, letter and
attachment per agency, built directly (setup, not a user action)."""

import secrets

from django.contrib.auth import get_user_model
from django.utils import timezone

from gongkai.accounts.isolation import registry

from .models import Application, Attachment, Consultation, Letter, Status


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
# Not record keys: a letter kind, a download format, a report year.
registry.register_param("kind", "correction")
registry.register_param("fmt", "pdf")
registry.register_param("year", 2025)
# Applying, following a case with its query code, the fee calculator: public.
registry.register_public("apply", api_prefixes=("/api/applications/fees",))
