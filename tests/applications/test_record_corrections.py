"""R27, 《条例》第四十一条: correction-of-record requests (更正申请), a request
type of their own: registered online or at the desk, verified, then
corrected and the requester informed, transferred to the competent agency
and the requester informed, the requester told where to apply, or refused
with reasons.  Never counted in table 三."""

import uuid
from datetime import date

from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

import pytest

from gongkai.applications import services
from gongkai.applications.models import RecordCorrection, RecordStatus
from gongkai.applications.selectors import table_three
from gongkai.audit.models import AuditEntry

from .conftest import ZHANGSAN_ID, at

RECEIVED = date(2025, 10, 9)
DECIDED = date(2025, 10, 20)


def fields(**changes) -> dict:
    """张三 says the 2024 低保 list of 古城村 records his household as
    three people; it has four."""
    return {
        "requester_type": "natural_person",
        "requester_name": "张三",
        "id_kind": "resident_id",
        "id_number": ZHANGSAN_ID,
        "phone": "13800000000",
        "email": "zhangsan@example.com",
        "address": "青海省海东市平安区古城村1号",
        "record_description": "本乡2024年度农村低保对象名单中本人家庭的记录",
        "requested_change": "家庭人口记为3人，实为4人（2024年3月新生子女）",
        "evidence": "户口簿复印件、出生医学证明",
    } | changes


def pdf(name="户口簿.pdf"):
    return services.Upload(name, b"%PDF-1.4 evidence", "application/pdf")


@pytest.fixture
def request_(lisi, gucheng):
    with at(RECEIVED):
        return services.register_record_correction(
            lisi,
            gucheng,
            channel="in_person",
            fields=fields(),
            received_on=RECEIVED,
            uploads=(pdf(),),
        )


def decide(clerk, found, result, **details):
    details.setdefault("findings", "经调阅低保档案和户籍信息，情况属实。")
    with at(DECIDED):
        return services.decide_record_correction(
            clerk, found, result=result, on=DECIDED, **details
        )


# -- intake ------------------------------------------------------------------


def test_a_desk_registration_gets_a_number_and_a_query_code(request_, gucheng):
    assert request_.number == f"GZ2025-{gucheng.pk:04d}-00001"
    assert len(request_.query_code) == 10
    assert (request_.status, request_.received_on) == (RecordStatus.PENDING, RECEIVED)
    assert request_.files.get().original_name == "户口簿.pdf"
    assert AuditEntry.objects.filter(
        verb="applications.register_record_correction",
        target_id=str(request_.pk),
        agency=gucheng,
    ).exists()


def test_evidence_and_identity_are_required_and_nothing_is_stored(lisi, gucheng):
    with at(RECEIVED), pytest.raises(ValidationError) as refused:
        services.register_record_correction(
            lisi,
            gucheng,
            channel="post",
            fields=fields(evidence="", id_number="1", record_description=""),
            received_on=RECEIVED,
        )
    assert {"evidence", "id_number", "record_description"} <= set(
        refused.value.message_dict
    )
    assert not RecordCorrection.objects.exists()


def test_a_future_receipt_date_and_the_online_channel_are_refused(lisi, gucheng):
    with at(RECEIVED):
        with pytest.raises(ValidationError, match="不能晚于今天"):
            services.register_record_correction(
                lisi,
                gucheng,
                channel="post",
                fields=fields(),
                received_on=date(2025, 10, 10),
            )
        with pytest.raises(ValidationError) as refused:
            services.register_record_correction(
                lisi, gucheng, channel="online", fields=fields(), received_on=RECEIVED
            )
    assert "channel" in refused.value.message_dict
    assert not RecordCorrection.objects.exists()


def test_another_agencys_clerk_cannot_register_or_decide(request_, sunba, gucheng):
    with at(RECEIVED), pytest.raises(PermissionDenied):
        services.register_record_correction(
            sunba, gucheng, channel="post", fields=fields(), received_on=RECEIVED
        )
    with pytest.raises(PermissionDenied):
        decide(sunba, request_, "corrected", correction_made="x")


def test_an_online_request_is_stored_once_per_form(gucheng):
    token = uuid.uuid4()
    with at(RECEIVED):
        first = services.submit_online_record_correction(
            gucheng, fields(), token=token, ip="10.0.0.1"
        )
        again = services.submit_online_record_correction(
            gucheng, fields(), token=token, ip="10.0.0.1"
        )
    assert first.pk == again.pk and RecordCorrection.objects.count() == 1
    assert (first.channel, first.received_on) == ("online", RECEIVED)


def test_the_rate_limit_counts_applications_and_correction_requests(gucheng, settings):
    from .conftest import person

    settings.GONGKAI_APPLY_RATE_LIMIT = 2
    with at(RECEIVED):
        services.submit_online_application(
            gucheng, person(), token=uuid.uuid4(), ip="10.0.0.2"
        )
        services.submit_online_record_correction(
            gucheng, fields(), token=uuid.uuid4(), ip="10.0.0.2"
        )
        with pytest.raises(services.TooManyApplications):
            services.submit_online_record_correction(
                gucheng, fields(), token=uuid.uuid4(), ip="10.0.0.2"
            )
    assert RecordCorrection.objects.count() == 1


# -- decisions -------------------------------------------------------------------


def test_a_verified_record_is_corrected_and_the_requester_informed(request_, lisi):
    decide(lisi, request_, "corrected", correction_made="家庭人口由3人更正为4人")
    request_.refresh_from_db()
    assert (request_.status, request_.result) == ("closed", "corrected")
    assert request_.decided_by == lisi
    body = request_.notice_body
    assert request_.notice_title == "更正申请处理告知书"
    assert request_.notice_number == f"{request_.number}-01"
    assert "第四十一条" in body
    assert "本机关已予以更正。更正内容：家庭人口由3人更正为4人" in body
    assert "本乡2024年度农村低保对象名单中本人家庭的记录。" in body
    assert "第五十一条" in body and "行政复议" in body
    assert body.startswith("张三：")
    verbs = list(
        AuditEntry.objects.filter(target_id=str(request_.pk))
        .filter(target_type="applications.recordcorrection")
        .values_list("verb", flat=True)
        .order_by("pk")
    )
    assert verbs[-2:] == [
        "applications.decide_record_correction",
        "applications.issue_record_notice",
    ]


def test_correcting_needs_the_findings_and_what_was_corrected(request_, lisi):
    with pytest.raises(ValidationError) as refused:
        decide(lisi, request_, "corrected", findings="", correction_made="x")
    assert "findings" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        decide(lisi, request_, "corrected")
    assert "correction_made" in refused.value.message_dict
    request_.refresh_from_db()
    assert request_.status == "pending" and request_.notice_body == ""


def test_a_request_is_decided_once(request_, lisi):
    decide(lisi, request_, "corrected", correction_made="4人")
    with pytest.raises(ValidationError, match="已经处理"):
        decide(lisi, request_, "rejected", rejection_ground="accurate")


def test_a_decision_before_receipt_is_refused(request_, lisi):
    with at(DECIDED), pytest.raises(ValidationError, match="不能早于"):
        services.decide_record_correction(
            lisi,
            request_,
            result="rejected",
            rejection_ground="accurate",
            findings="记录准确",
            on=date(2025, 10, 8),
        )


def test_a_transfer_registers_it_with_the_competent_agency_on_the_platform(
    request_, lisi, sunba, xiaoxia, django_capture_on_commit_callbacks
):
    sunba.email = "sunba@xiaoxia.example"
    sunba.save()
    with django_capture_on_commit_callbacks(execute=True):
        decide(
            lisi,
            request_,
            "transferred",
            findings="该名单由小峡镇制作，本机关无权更正。",
            competent_agency=xiaoxia,
        )
    request_.refresh_from_db()
    transfer = RecordCorrection.objects.get(agency=xiaoxia)
    assert (transfer.channel, transfer.transferred_from) == ("transfer", request_)
    assert (transfer.status, transfer.received_on) == ("pending", DECIDED)
    assert (
        transfer.requester_name == "张三" and transfer.evidence == fields()["evidence"]
    )
    assert transfer.files.get().file.read() == b"%PDF-1.4 evidence"
    assert request_.competent_agency_name == xiaoxia.name
    body = request_.notice_body
    assert f"转送{xiaoxia.name}" in body
    assert transfer.number in body and transfer.query_code in body
    # The competent agency's staff hear of it; its audit log records it.
    assert mail.outbox and mail.outbox[0].to == ["sunba@xiaoxia.example"]
    assert transfer.number in mail.outbox[0].body
    assert AuditEntry.objects.filter(
        verb="applications.receive_transferred_record_correction",
        agency=xiaoxia,
        target_id=str(transfer.pk),
    ).exists()


def test_a_transfer_off_the_platform_names_the_agency(request_, lisi):
    decide(
        lisi,
        request_,
        "transferred",
        competent_agency_name="海东市平安区民政局",
        competent_agency_contact="0972-8682200",
    )
    request_.refresh_from_db()
    assert RecordCorrection.objects.count() == 1
    assert "转送海东市平安区民政局，0972-8682200处理" in request_.notice_body


def test_a_transfer_needs_a_competent_agency_other_than_itself(request_, lisi, gucheng):
    with pytest.raises(ValidationError) as refused:
        decide(lisi, request_, "transferred")
    assert "competent_agency_name" in refused.value.message_dict
    with pytest.raises(ValidationError, match="不能是本机关"):
        decide(lisi, request_, "referred", competent_agency=gucheng)


def test_a_referral_tells_where_to_apply(request_, lisi):
    decide(
        lisi,
        request_,
        "referred",
        findings="户籍信息由公安机关登记。",
        competent_agency_name="海东市公安局平安分局",
    )
    request_.refresh_from_db()
    assert "请您向有权更正的行政机关（海东市公安局平安分局）提出更正申请" in (
        request_.notice_body
    )
    assert RecordCorrection.objects.count() == 1


@pytest.mark.parametrize(
    ("ground", "words"),
    [
        ("not_own", "所涉政府信息记录与您自身无关"),
        ("insufficient", "您提供的证据不足以证明该记录不准确"),
        ("accurate", "该政府信息记录准确"),
    ],
)
def test_a_refusal_states_its_reason(request_, lisi, ground, words):
    decide(
        lisi,
        request_,
        "rejected",
        rejection_ground=ground,
        findings="经调阅档案，名单记录与户籍登记一致。",
        correction_made="ignored",
    )
    request_.refresh_from_db()
    assert f"经审核，{words}，本机关不予更正。" in request_.notice_body
    assert "名单记录与户籍登记一致" in request_.notice_body
    assert request_.correction_made == ""  # only what the result needs is kept


def test_a_refusal_without_a_reason_is_refused(request_, lisi):
    with pytest.raises(ValidationError) as refused:
        decide(lisi, request_, "rejected")
    assert "rejection_ground" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        decide(lisi, request_, "ignored")
    assert "result" in refused.value.message_dict


def test_the_agencys_own_wording_is_used(request_, lisi, gucheng):
    services.save_letter_template(
        lisi,
        gucheng,
        kind="record_notice",
        title="更正告知",
        body="{{ applicant_name }}：\n\n{{ record_result_text }}\n\n{{ agency_name }}",
    )
    decide(lisi, request_, "corrected", correction_made="4人")
    request_.refresh_from_db()
    assert request_.notice_title == "更正告知"
    assert "本机关已予以更正。更正内容：4人" in request_.notice_body


def test_the_notice_delivery_is_recorded_once(request_, lisi):
    with at(DECIDED), pytest.raises(ValidationError, match="尚未出具告知书"):
        services.record_notice_delivery(
            lisi, request_, method="当面", delivered_on=DECIDED
        )
    decide(lisi, request_, "corrected", correction_made="4人")
    with at(DECIDED):
        services.record_notice_delivery(
            lisi, request_, method="EMS", delivered_on=DECIDED, note="单号1"
        )
        with pytest.raises(ValidationError, match="已记录送达"):
            services.record_notice_delivery(
                lisi, request_, method="EMS", delivered_on=DECIDED
            )
    request_.refresh_from_db()
    assert (request_.notice_delivered_on, request_.notice_delivery_method) == (
        DECIDED,
        "EMS",
    )


def test_correction_requests_are_not_counted_in_table_three(request_, lisi, gucheng):
    before = table_three(gucheng, 2025)
    decide(lisi, request_, "corrected", correction_made="4人")
    assert table_three(gucheng, 2025) == before
    assert before["new"][-1] == 0


def test_the_internal_target_is_configurable_and_not_statutory(request_, settings):
    settings.GONGKAI_RECORD_CORRECTION_TARGET_WORKDAYS = 20
    # As a reply period would be (see test_api: received 10-09, due 11-05).
    assert request_.target_date() == date(2025, 11, 5)
    settings.GONGKAI_RECORD_CORRECTION_TARGET_WORKDAYS = 0
    assert request_.target_date() is None
