"""JSON shapes of the applications API (pydantic via django-ninja)."""

from datetime import date, datetime

from ninja import Schema
from pydantic import Field


class ErrorOut(Schema):
    detail: str


class ValidationErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] = Field(default_factory=dict)


class LetterOut(Schema):
    id: int
    kind: str
    number: str
    title: str
    recipient: str
    issued_on: date
    delivered_on: date | None
    delivery_method: str
    for_applicant: bool


class ApplicationOut(Schema):
    id: int
    number: str
    agency_id: int
    agency: str
    status: str
    stage: str
    channel: str
    filled_by_staff: bool
    applicant_type: str
    applicant_name: str
    # 《条例》第四十三条: the applicant needs help (R28).
    needs_assistance: bool
    assistance_note: str
    info_description: str
    submitted_at: datetime
    receipt_date: date | None
    due_date: date | None
    calendar_missing_year: int | None
    overdue_since: date | None
    outcome: str
    outcome_label: str
    closed_on: date | None

    @staticmethod
    def resolve_agency(obj):
        return obj.agency.name

    @staticmethod
    def resolve_stage(obj):
        return obj.stage()


class DeadlineOut(Schema):
    due: date
    basis: str
    proof: str | None


class ReplyOut(Schema):
    outcome: str
    replied_on: date
    partial_withholding: bool
    provided: str
    legal_basis: str
    redirect_agency: str
    # 《条例》第四十条 (R26): the form used and, if not the one asked for, why.
    requested_form: str
    provided_form: str
    form_changed: bool
    form_change_reason: str
    form_change_reason_label: str
    form_change_note: str

    @staticmethod
    def resolve_requested_form(obj):
        return obj.application.provision_form

    @staticmethod
    def resolve_form_change_reason_label(obj):
        return obj.get_form_change_reason_display() if obj.form_change_reason else ""


class ApplicationDetailOut(ApplicationOut):
    id_kind: str
    id_number: str
    phone: str
    email: str
    address: str
    info_title: str
    document_number: str
    provision_form: str
    delivery: str
    deadline: DeadlineOut | None
    reply: ReplyOut | None
    letters: list[LetterOut]

    @staticmethod
    def resolve_reply(obj):
        return getattr(obj, "reply", None)


class IntakeIn(Schema):
    applicant_type: str
    applicant_name: str
    id_kind: str
    id_number: str
    contact_person: str = ""
    phone: str
    email: str = ""
    address: str = ""
    postcode: str = ""
    needs_assistance: bool = False
    assistance_note: str = ""
    info_title: str = ""
    document_number: str = ""
    info_description: str
    provision_form: str
    delivery: str


class RegisterIn(Schema):
    agency_id: int
    channel: str
    receipt_date: date | None = None
    receipt_note: str = ""
    applicant: IntakeIn


class DayIn(Schema):
    on: date
    note: str = ""


class CorrectionIn(Schema):
    items: str
    correct_by: date
    on: date


class ReceiveCorrectionIn(Schema):
    on: date
    late_reason: str = ""


class ExtensionIn(Schema):
    days: int
    reason: str
    on: date


class CloseIn(Schema):
    outcome: str
    on: date
    partial_withholding: bool = False
    provided: str = ""
    legal_basis: str = ""
    redirect_agency: str = ""
    provided_form: str = ""
    form_change_reason: str = ""
    form_change_note: str = ""


class TablesOut(Schema):
    agency: str
    year: int
    format: str
    applications: dict[str, list[int]]
    appeals: dict[str, list[int]]


class FeeOut(Schema):
    basis: str
    quantity: int
    amount: int
    lines: list[str]


# -- correction-of-record requests (更正申请, 《条例》第四十一条) --------------


class RecordCorrectionOut(Schema):
    id: int
    number: str
    agency_id: int
    agency: str
    status: str
    channel: str
    requester_type: str
    requester_name: str
    received_on: date
    # Internal, configurable target; 第四十一条 sets no time limit.
    target_date: date | None
    result: str
    result_label: str
    decided_on: date | None
    transferred_from: str | None

    @staticmethod
    def resolve_agency(obj):
        return obj.agency.name

    @staticmethod
    def resolve_target_date(obj):
        return None if obj.is_closed else obj.target_date()

    @staticmethod
    def resolve_transferred_from(obj):
        return obj.transferred_from.number if obj.transferred_from_id else None


class EvidenceOut(Schema):
    id: int
    original_name: str
    size: int
    content_type: str
    uploaded_at: datetime


class NoticeOut(Schema):
    number: str
    title: str
    body: str
    delivered_on: date | None
    delivery_method: str


class RecordCorrectionDetailOut(RecordCorrectionOut):
    id_kind: str
    id_number: str
    contact_person: str
    phone: str
    email: str
    address: str
    record_description: str
    requested_change: str
    evidence: str
    findings: str
    correction_made: str
    rejection_ground: str
    competent_agency_id: int | None
    competent_agency_name: str
    competent_agency_contact: str
    transferred_to: list[str]
    files: list[EvidenceOut]
    notice: NoticeOut | None

    @staticmethod
    def resolve_transferred_to(obj):
        return [t.number for t in obj.transfers.all()]

    @staticmethod
    def resolve_files(obj):
        return list(obj.files.all())

    @staticmethod
    def resolve_notice(obj):
        if not obj.notice_body:
            return None
        return {
            "number": obj.notice_number,
            "title": obj.notice_title,
            "body": obj.notice_body,
            "delivered_on": obj.notice_delivered_on,
            "delivery_method": obj.notice_delivery_method,
        }
