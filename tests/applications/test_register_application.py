"""Intake: online submission and staff registration (《条例》第二十九条、第三十一条)."""

import uuid
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError

import pytest

from gongkai.applications import services
from gongkai.applications.models import Application, LetterKind, Status
from gongkai.audit.models import AuditEntry

from .conftest import at, company, person

MONDAY = date(2025, 1, 20)


def submit(agency, token=None, ip="203.0.113.5", **changes):
    return services.submit_online_application(
        agency, person(**changes), token=token or uuid.uuid4(), ip=ip
    )


def test_an_online_application_waits_for_both_parties_to_confirm(gucheng):
    with at(MONDAY):
        case = submit(gucheng)
    assert case.status == Status.PENDING_RECEIPT
    assert case.receipt_date is None and case.due_date is None
    assert case.channel == "online"
    assert len(case.query_code) == 10


def test_confirming_fixes_the_receipt_date_and_starts_the_clock(gucheng, lisi):
    with at(MONDAY):
        case = submit(gucheng)
        services.confirm_receipt(lisi, case, on=MONDAY, note="已电话确认")
    case.refresh_from_db()
    assert case.status == Status.IN_PROGRESS
    assert (case.receipt_date, case.due_date) == (MONDAY, date(2025, 2, 21))
    assert case.letters.get().kind == LetterKind.RECEIPT


def test_the_receipt_date_cannot_be_changed_once_confirmed(gucheng, lisi):
    with at(MONDAY):
        case = submit(gucheng)
        services.confirm_receipt(lisi, case, on=MONDAY)
        with pytest.raises(ValidationError):
            services.confirm_receipt(lisi, case, on=date(2025, 1, 17))
    case.refresh_from_db()
    assert case.receipt_date == MONDAY


def test_an_online_application_cannot_be_confirmed_before_it_was_sent(gucheng, lisi):
    with at(MONDAY):
        case = submit(gucheng)
        with pytest.raises(ValidationError, match="不能早于"):
            services.confirm_receipt(lisi, case, on=date(2025, 1, 17))


def test_a_confirmation_date_in_the_future_is_refused(gucheng, lisi):
    with at(MONDAY):
        case = submit(gucheng)
        with pytest.raises(ValidationError, match="不能晚于今天"):
            services.confirm_receipt(lisi, case, on=date(2025, 1, 21))


def test_a_double_click_makes_one_case(gucheng):
    token = uuid.uuid4()
    with at(MONDAY):
        first = submit(gucheng, token=token)
        second = submit(gucheng, token=token)
    assert first.pk == second.pk
    assert Application.objects.count() == 1


def test_the_rate_limit_refuses_the_sixth_application_within_an_hour(gucheng, settings):
    settings.GONGKAI_APPLY_RATE_LIMIT = 5
    with at(MONDAY):
        for _n in range(5):
            submit(gucheng)
        with pytest.raises(
            services.TooManyApplications, match="一小时内提交的申请过多"
        ):
            submit(gucheng)
        submit(gucheng, ip="198.51.100.7")  # another address is not affected
    assert Application.objects.count() == 6


def test_numbers_run_per_agency_and_year(gucheng, xiaoxia, lisi, sunba):
    with at(MONDAY):
        a = services.register_application(
            lisi, gucheng, channel="in_person", fields=person(), receipt_date=MONDAY
        )
        b = services.register_application(
            lisi, gucheng, channel="in_person", fields=person(), receipt_date=MONDAY
        )
        c = services.register_application(
            sunba, xiaoxia, channel="in_person", fields=person(), receipt_date=MONDAY
        )
    assert a.number == f"2025-{gucheng.pk:04d}-00001"
    assert b.number == f"2025-{gucheng.pk:04d}-00002"
    assert c.number == f"2025-{xiaoxia.pk:04d}-00001"


@pytest.mark.parametrize("channel", ["in_person", "oral", "post_signed"])
def test_paper_channels_need_their_receipt_date(gucheng, lisi, channel):
    with at(MONDAY), pytest.raises(ValidationError, match="请填写收到申请之日"):
        services.register_application(lisi, gucheng, channel=channel, fields=person())


@pytest.mark.parametrize("channel", ["post_ordinary", "fax", "email"])
def test_mail_fax_and_email_may_be_confirmed_later(gucheng, lisi, channel):
    with at(MONDAY):
        case = services.register_application(
            lisi, gucheng, channel=channel, fields=person()
        )
    assert case.status == Status.PENDING_RECEIPT
    assert "确认" in case.receipt_rule


def test_an_oral_application_is_marked_as_filled_in_by_staff(gucheng, lisi):
    with at(MONDAY):
        case = services.register_application(
            lisi, gucheng, channel="oral", fields=person(), receipt_date=MONDAY
        )
    assert case.filled_by_staff is True
    assert case.registered_by == lisi
    assert "口头" in case.receipt_rule


def test_a_registration_is_audited(gucheng, lisi):
    with at(MONDAY):
        case = services.register_application(
            lisi, gucheng, channel="post_signed", fields=person(), receipt_date=MONDAY
        )
    verbs = list(
        AuditEntry.objects.filter(target_id=str(case.pk)).values_list("verb", flat=True)
    )
    assert "applications.register_application" in verbs
    assert "applications.confirm_receipt" in verbs


def test_the_online_channel_is_not_registered_by_staff(gucheng, lisi):
    with at(MONDAY), pytest.raises(ValidationError):
        services.register_application(
            lisi, gucheng, channel="online", fields=person(), receipt_date=MONDAY
        )


def test_a_clerk_cannot_register_for_the_neighbouring_township(xiaoxia, lisi):
    with at(MONDAY), pytest.raises(PermissionDenied):
        services.register_application(
            lisi, xiaoxia, channel="in_person", fields=person(), receipt_date=MONDAY
        )


def test_an_inspector_reads_but_does_not_register(gucheng, qianqi):
    with at(MONDAY), pytest.raises(PermissionDenied):
        services.register_application(
            qianqi, gucheng, channel="in_person", fields=person(), receipt_date=MONDAY
        )


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"id_number": "110105194912310021"}, "id_number", "校验码"),
        ({"applicant_type": "alien"}, "applicant_type", ""),
        ({"id_kind": "credit_code"}, "id_kind", "自然人"),
        ({"delivery": "post", "address": ""}, "address", "通信地址"),
        ({"delivery": "email", "email": ""}, "email", "电子邮箱"),
        ({"info_description": "  "}, "info_description", ""),
        ({"phone": ""}, "phone", ""),
    ],
)
def test_bad_intake_is_refused_field_by_field_and_nothing_is_stored(
    gucheng, lisi, changes, field, words
):
    with at(MONDAY), pytest.raises(ValidationError) as refused:
        services.register_application(
            lisi,
            gucheng,
            channel="in_person",
            fields=person(**changes),
            receipt_date=MONDAY,
        )
    assert field in refused.value.message_dict
    assert words in " ".join(refused.value.message_dict[field])
    assert Application.objects.count() == 0


def test_an_organisation_needs_a_valid_credit_code_and_a_contact(gucheng, lisi):
    with at(MONDAY):
        case = services.register_application(
            lisi, gucheng, channel="in_person", fields=company(), receipt_date=MONDAY
        )
        assert case.is_organisation
        with pytest.raises(ValidationError) as refused:
            services.register_application(
                lisi,
                gucheng,
                channel="in_person",
                fields=company(id_number="91630203312345670", contact_person=""),
                receipt_date=MONDAY,
            )
    assert set(refused.value.message_dict) == {"id_number", "contact_person"}


def test_attachments_are_stored_under_a_generated_name(gucheng, tmp_path):
    upload = services.Upload("身份证.pdf", b"%PDF-1.4 test", "application/pdf")
    with at(MONDAY):
        case = services.submit_online_application(
            gucheng, person(), token=uuid.uuid4(), ip=None, uploads=(upload,)
        )
    attachment = case.attachments.get()
    assert attachment.original_name == "身份证.pdf"
    assert "身份证" not in attachment.file.name
    assert attachment.file.read() == b"%PDF-1.4 test"


def test_the_month_position_counts_the_applicants_earlier_applications(gucheng, lisi):
    cases = []
    for day in (date(2025, 1, 6), date(2025, 1, 7), date(2025, 1, 7), date(2025, 2, 3)):
        with at(day):
            cases.append(
                services.register_application(
                    lisi,
                    gucheng,
                    channel="in_person",
                    fields=person(),
                    receipt_date=day,
                )
            )
    assert [services.applicant_month_position(c) for c in cases] == [1, 2, 3, 1]
